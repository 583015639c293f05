/**
 * Errors the stand-in host raises. Messages resemble Miro's; `code` is ours and stable, so the
 * app and the tests can branch on it, and it survives the postMessage wire (see protocol.ts).
 */
export type SdkErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_STICKY_COLOR'
  | 'INVALID_STICKY_SIZE'
  | 'INVALID_SHAPE'
  | 'INVALID_COLOR'
  | 'INVALID_SIZE'
  | 'CONTENT_TOO_LONG'
  | 'CONTENT_TAG_NOT_ALLOWED'
  | 'FRAME_TOO_SMALL'
  | 'CHILD_OUTSIDE_FRAME'
  | 'NOT_A_CHILD'
  | 'METADATA_TOO_LARGE'
  | 'APP_DATA_TOO_LARGE'
  | 'ITEM_NOT_FOUND'
  | 'ITEM_REMOVED'
  | 'NOT_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'STORAGE_VALUE_TOO_LARGE'
  | 'NO_TOKEN'
  | 'UNKNOWN_USER'
  | 'RATE_LIMIT_EXCEEDED'
  | 'INJECTED_FAILURE'
  | 'MALFORMED_MESSAGE'
  | 'UNKNOWN_METHOD'
  | 'FEATURE_NOT_AVAILABLE'
  | 'NOT_IN_SESSION'
  | 'SESSION_NOT_FOUND'
  | 'NOT_FOLLOWING'
  | 'TIMER_RUNNING';

export class SdkError extends Error {
  readonly code: SdkErrorCode | string;
  readonly status: number;

  constructor(code: SdkErrorCode | string, message: string, status = 400) {
    super(message);
    this.name = 'SdkError';
    this.code = code;
    this.status = status;
  }
}

export function refuse(code: SdkErrorCode, message: string, status = 400): never {
  throw new SdkError(code, message, status);
}

/** What Miro answers when the credit budget is spent (HTTP 429 in its REST API). */
export function rateLimitError(detail: string): SdkError {
  return new SdkError('RATE_LIMIT_EXCEEDED', `Request failed: rate limit exceeded (${detail}). Retry later.`, 429);
}

/** Plain-data form of an error, for the wire and for logs. */
export interface ErrorData {
  name: string;
  message: string;
  code?: string;
  status?: number;
}

export function errorToData(err: unknown): ErrorData {
  if (err instanceof Error) {
    const e = err as Error & { code?: unknown; status?: unknown };
    const data: ErrorData = { name: e.name, message: e.message };
    if (typeof e.code === 'string') data.code = e.code;
    if (typeof e.status === 'number') data.status = e.status;
    return data;
  }
  return { name: 'Error', message: String(err) };
}

export function errorFromData(data: ErrorData): SdkError {
  const err = new SdkError(data.code ?? 'UNKNOWN', data.message, data.status ?? 400);
  err.name = data.name || 'SdkError';
  return err;
}
