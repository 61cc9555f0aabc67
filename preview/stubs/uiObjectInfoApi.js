// lightning/uiObjectInfoApi for the browser preview: getObjectInfos from REST describes.
import { rest } from './rest';

const DATA_TYPES = {
    string: 'String',
    textarea: 'TextArea',
    datetime: 'DateTime',
    boolean: 'Boolean'
};

async function objectInfo(apiName) {
    try {
        const describe = await rest(`sobjects/${apiName}/describe`);
        const fields = Object.fromEntries(
            describe.fields.map((f) => [
                f.name,
                {
                    apiName: f.name,
                    label: f.label,
                    custom: f.custom,
                    updateable: f.updateable,
                    dataType: DATA_TYPES[f.type] || f.type
                }
            ])
        );
        return {
            statusCode: 200,
            result: { apiName, label: describe.label, fields }
        };
    } catch (error) {
        return {
            statusCode: error.status || 500,
            result: [{ message: error.body.message }]
        };
    }
}

export class getObjectInfos {
    constructor(callback) {
        this.callback = callback;
    }

    connect() {}

    disconnect() {}

    async update({ objectApiNames }) {
        // LDS waits until every reactive parameter has a value; so does this.
        if (!objectApiNames) return;
        const results = await Promise.all(objectApiNames.map(objectInfo));
        this.callback({ data: { results }, error: undefined });
    }
}
