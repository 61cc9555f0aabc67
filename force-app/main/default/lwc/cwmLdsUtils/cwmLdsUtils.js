/**
 * Turns whatever a wire, a GraphQL query or an imperative call failed with into
 * a flat list of readable messages, so one error panel can show them all.
 *
 * Understands UI API errors (body.message, body arrays, record output errors),
 * GraphQL errors ({ message }), JavaScript errors and plain strings.
 *
 * @param {*} errors one error or an array of them
 * @returns {string[]} the messages, without blanks or duplicates
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = list.filter(Boolean).flatMap(messagesOf);
    return [...new Set(messages.filter((m) => typeof m === 'string' && m))];
}

function messagesOf(error) {
    if (typeof error === 'string') {
        return [error];
    }
    const body = error.body;
    if (Array.isArray(body)) {
        return body.map((item) => item.message);
    }
    if (body && body.output) {
        return outputMessages(body.output, body.message);
    }
    if (body && typeof body.message === 'string') {
        return [body.message];
    }
    return [error.message || error.statusText];
}

// Record saves report page-level and field-level errors under body.output.
function outputMessages(output, fallback) {
    const pageErrors = (output.errors || []).map((e) => e.message);
    const fieldErrors = Object.values(output.fieldErrors || {})
        .flat()
        .map((e) => e.message);
    const all = [...pageErrors, ...fieldErrors];
    return all.length ? all : [fallback];
}
