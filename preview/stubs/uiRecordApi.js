// lightning/uiRecordApi for the browser preview: updateRecord as a REST PATCH.
import { rest } from './rest';

let prefixes;

async function objectOf(id) {
    if (!prefixes) {
        const global = await rest('sobjects');
        prefixes = new Map(global.sobjects.map((o) => [o.keyPrefix, o.name]));
    }
    return prefixes.get(id.slice(0, 3));
}

export async function updateRecord({ fields }) {
    const { Id, ...changes } = fields;
    const object = await objectOf(Id);
    await rest(`sobjects/${object}/${Id}`, {
        method: 'PATCH',
        body: JSON.stringify(changes)
    });
    const values = Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [
            k,
            { value: v, displayValue: null }
        ])
    );
    return { id: Id, apiName: object, fields: values };
}
