// lightning/graphql for the browser preview: the same wire, answered by REST SOQL.
import { parse } from 'graphql';
import { queryAll } from './rest';
import { toSoqlQueries } from './graphql-to-soql';

export function gql(strings, ...values) {
    return parse(String.raw(strings, ...values));
}

// REST gives "2025-03-01T09:15:00.000+0000"; GraphQL gives ISO with a Z.
const ISO_OFFSET = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?)\+0000$/;
const normalise = (v) =>
    typeof v === 'string' ? v.replace(ISO_OFFSET, '$1Z') : v;

function toConnection(records, fields) {
    const edges = records.map((record) => {
        const node = {};
        for (const field of fields) {
            node[field] =
                field === 'Id'
                    ? record.Id
                    : {
                          value: normalise(record[field] ?? null),
                          displayValue: null
                      };
        }
        return { node };
    });
    return {
        edges,
        totalCount: edges.length,
        pageInfo: { hasNextPage: false, endCursor: null }
    };
}

export async function runGraphql(document, variables) {
    const query = {};
    for (const q of toSoqlQueries(document, variables)) {
        query[q.object] = toConnection(
            await queryAll(q.soql, q.first),
            q.fields
        );
    }
    return { uiapi: { query } };
}

export class graphql {
    constructor(callback) {
        this.callback = callback;
    }

    connect() {}

    disconnect() {}

    update(config) {
        this.config = config;
        this.load();
    }

    load = async () => {
        const { query, variables } = this.config;
        const refresh = this.load;
        try {
            const data = await runGraphql(query, variables || {});
            this.callback({ data, errors: undefined, refresh });
        } catch (error) {
            const message = error.body ? error.body.message : error.message;
            this.callback({ data: undefined, errors: [{ message }], refresh });
        }
    };
}
