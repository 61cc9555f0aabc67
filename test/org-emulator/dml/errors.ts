/** One DML error as the collections API reports it (`statusCode`); REST single-record calls rename it `errorCode`. */
export type DmlError = {
  statusCode: string;
  message: string;
  fields: string[];
};

/** Thrown by the DML engine when a record is rejected; carries every error found for that record. */
export class DmlFailure extends Error {
  public constructor(public readonly errors: DmlError[]) {
    super(errors.map((e) => `${e.statusCode}: ${e.message}`).join('; '));
  }
}

export function dmlError(statusCode: string, message: string, fields: string[] = []): DmlFailure {
  return new DmlFailure([{ statusCode, message, fields }]);
}

/** The `sf__Error` text of a Bulk API 2.0 failed row: `CODE:message:field --`. */
export function bulkErrorText(errors: DmlError[]): string {
  return errors.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',')} --`).join(' ');
}
