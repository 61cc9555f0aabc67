import { Kind } from 'graphql';

// Just the slice of the UI API GraphQL grammar the cw-migrate screens use:
// uiapi { query { Object(where, orderBy, first) { edges { node { Id F { value } } } } } }.
const OPERATORS = {
    eq: '=',
    ne: '!=',
    like: 'LIKE',
    lt: '<',
    lte: '<=',
    gt: '>',
    gte: '>=',
    in: 'IN',
    nin: 'NOT IN'
};

function valueOf(node, variables) {
    switch (node.kind) {
        case Kind.VARIABLE:
            return variables[node.name.value];
        case Kind.INT:
        case Kind.FLOAT:
            return Number(node.value);
        case Kind.NULL:
            return null;
        case Kind.LIST:
            return node.values.map((v) => valueOf(v, variables));
        case Kind.OBJECT:
            return Object.fromEntries(
                node.fields.map((f) => [
                    f.name.value,
                    valueOf(f.value, variables)
                ])
            );
        default:
            return node.value;
    }
}

function literal(value) {
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value)) return `(${value.map(literal).join(', ')})`;
    if (typeof value === 'boolean' || typeof value === 'number')
        return String(value);
    return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function condition(where) {
    return Object.entries(where)
        .map(([key, value]) => {
            if (key === 'and' || key === 'or') {
                const joiner = key === 'and' ? ' AND ' : ' OR ';
                return `(${value.map(condition).join(joiner)})`;
            }
            if (key === 'not') return `(NOT ${condition(value)})`;
            return Object.entries(value)
                .map(([op, v]) => `${key} ${OPERATORS[op]} ${literal(v)}`)
                .join(' AND ');
        })
        .join(' AND ');
}

const child = (selection, name) =>
    selection.selectionSet.selections.find((s) => s.name.value === name);

/**
 * Turns a UI API GraphQL document into one SOQL query per object it reads.
 *
 * @returns {{ object: string, fields: string[], soql: string, first: number }[]}
 */
export function toSoqlQueries(document, variables = {}) {
    const operation = document.definitions.find(
        (d) => d.kind === Kind.OPERATION_DEFINITION
    );
    const query = child(child(operation, 'uiapi'), 'query');
    return query.selectionSet.selections.map((selection) => {
        const args = Object.fromEntries(
            selection.arguments.map((a) => [
                a.name.value,
                valueOf(a.value, variables)
            ])
        );
        const node = child(child(selection, 'edges'), 'node');
        const fields = node.selectionSet.selections.map((s) => s.name.value);
        const first = args.first || 10;
        let soql = `SELECT ${fields.join(', ')} FROM ${selection.name.value}`;
        if (args.where) soql += ` WHERE ${condition(args.where)}`;
        if (args.orderBy) {
            const order = Object.entries(args.orderBy).map(
                ([field, o]) =>
                    `${field} ${o.order || 'ASC'}${o.nulls ? ` NULLS ${o.nulls}` : ''}`
            );
            soql += ` ORDER BY ${order.join(', ')}`;
        }
        soql += ` LIMIT ${first}`;
        return { object: selection.name.value, fields, soql, first };
    });
}
