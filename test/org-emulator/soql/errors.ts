/** A query rejected the way a real org rejects it (HTTP 400 with `errorCode` and a positioned message). */
export class SoqlError extends Error {
  public constructor(
    public readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Formats a message like the org does for query errors: the query, a caret under the offending token and
 * `ERROR at Row:1:Column:N` (1-based column of the token's first occurrence).
 */
export function soqlError(errorCode: string, soql: string, token: string, message: string): SoqlError {
  const flat = soql.replace(/\s+/g, ' ');
  const at = Math.max(0, flat.toLowerCase().indexOf(token.toLowerCase()));
  return new SoqlError(errorCode, `\n${flat}\n${' '.repeat(at)}^\nERROR at Row:1:Column:${at + 1}\n${message}`);
}

export function noSuchColumn(soql: string, column: string, entity: string): SoqlError {
  return soqlError(
    'INVALID_FIELD',
    soql,
    column,
    `No such column '${column}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

export function badRelationship(soql: string, relationship: string): SoqlError {
  return soqlError(
    'INVALID_FIELD',
    soql,
    relationship,
    `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

export function unsupportedType(soql: string, name: string): SoqlError {
  return soqlError(
    'INVALID_TYPE',
    soql,
    name,
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}
