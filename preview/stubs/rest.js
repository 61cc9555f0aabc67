// REST calls from the browser go to the preview server, which forwards them to
// the org with the access token; the token never reaches the page.
export const API = '/services/data/v62.0';

export async function rest(path, init = {}) {
    const response = await fetch(
        path.startsWith('/') ? path : `${API}/${path}`,
        {
            ...init,
            headers: {
                'Content-Type': 'application/json',
                ...(init.headers || {})
            }
        }
    );
    const text = await response.text();
    const body = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
        throw toUiApiError(response.status, body);
    }
    return body;
}

// REST answers errors as [{ message, errorCode, fields }]; the UI API's shape is
// { status, body: { message, output: { errors, fieldErrors } } }.
function toUiApiError(status, body) {
    const list = Array.isArray(body)
        ? body
        : [{ message: String(body && body.message) }];
    return {
        status,
        body: {
            message: list.map((e) => e.message).join(' '),
            output: {
                errors: list.map((e) => ({
                    message: e.message,
                    errorCode: e.errorCode
                })),
                fieldErrors: {}
            }
        }
    };
}

export async function queryAll(soql, limit) {
    let page = await rest(`query?q=${encodeURIComponent(soql)}`);
    const records = [...page.records];
    while (!page.done && page.nextRecordsUrl && records.length < limit) {
        page = await rest(page.nextRecordsUrl);
        records.push(...page.records);
    }
    return records.slice(0, limit);
}
