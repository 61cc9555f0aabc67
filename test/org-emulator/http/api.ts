import type { IncomingMessage } from 'node:http';

/** A request after routing: path relative to `/services/data/vNN.N` (or absolute for non-data resources). */
export type ApiRequest = {
  method: string;
  /** Path inside the API version, e.g. `/sobjects/Account/001...`; absolute for `/services/oauth2/...`. */
  path: string;
  /** API version without the `v`, e.g. `62.0`. */
  version: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  /** Parsed JSON body (routes that stream their body get `stream` instead). */
  body: unknown;
  stream?: IncomingMessage;
};

/** What a route answers; the server adds the common headers. */
export type ApiResponse = {
  status: number;
  /** JSON body; omitted for 204. */
  body?: unknown;
  /** Raw text body (CSV); sent with `contentType`. */
  text?: string;
  /** A file streamed as the body (Bulk result files), sent with `contentType`. */
  file?: string;
  contentType?: string;
  headers?: Record<string, string>;
};

export type Handler = (req: ApiRequest, params: string[]) => ApiResponse | Promise<ApiResponse>;

/** A route: method + path pattern (captures become `params`); `streamBody` leaves the body unread. */
export type Route = {
  method: string;
  pattern: RegExp;
  handler: Handler;
  streamBody?: boolean;
};

/** An error answered as the REST API does: a JSON array of `{message, errorCode[, fields]}`. */
export class ApiError extends Error {
  public constructor(
    public readonly status: number,
    public readonly errorCode: string,
    message: string,
    public readonly fields?: string[],
  ) {
    super(message);
  }

  public toResponse(): ApiResponse {
    const item: Record<string, unknown> = { message: this.message, errorCode: this.errorCode };
    if (this.fields) item.fields = this.fields;
    return { status: this.status, body: [item] };
  }
}

export const ok = (body: unknown, status = 200): ApiResponse => ({ status, body });
export const noContent = (): ApiResponse => ({ status: 204 });
export const notFound = (): ApiError => new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
