/* What a load reports for each row it was given, whichever API carried it. */

export interface RowResult {
  /** Position of the row in the input. */
  index: number;
  success: boolean;
  id?: string;
  /** Upserts: the row created a record rather than updating one. */
  created?: boolean;
  /** "STATUS_CODE: message", as the org gave it. */
  error?: string;
  /** API names of the fields the org blamed, where it named them. */
  fields?: string[];
}

/** Error codes a later attempt can get past without anything being changed. */
export const RETRYABLE = ['UNABLE_TO_LOCK_ROW', 'SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION'];

export function isRetryable(result: RowResult): boolean {
  return !result.success && RETRYABLE.some((code) => result.error?.startsWith(code) === true);
}
