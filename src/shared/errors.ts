import type { Lang, Text } from './i18n.ts';
import { t, type TextKey, type TextValues, texts } from './texts.ts';

/**
 * Every error code an API client can receive: the one list that the ErrorCode type and the
 * error schema of the OpenAPI document (src/shared/schemas.ts) are both made from.
 */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'password_change_required',
  'not_found',
  'conflict',
  'duplicate_cpr',
  'version_conflict',
  'event_not_accepted',
  'rate_limited',
  'link_invalid',
  'message_not_sent',
  'internal',
  'database_unavailable',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  duplicate_cpr: 409,
  version_conflict: 409,
  event_not_accepted: 422,
  rate_limited: 429,
  link_invalid: 410,
  message_not_sent: 502,
  internal: 500,
  database_unavailable: 503,
};

export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: FieldError[];
    /** Extra machine-readable facts, e.g. the existing youth's id on duplicate_cpr. */
    [key: string]: unknown;
  };
}

/** A failure the user can act on; carries an HTTP status and a stable code. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly extra: Record<string, unknown>;
  readonly fieldErrors: ReadonlyArray<{ field: string; message: Text }>;

  constructor(
    code: ErrorCode,
    options: { extra?: Record<string, unknown>; fieldErrors?: ReadonlyArray<{ field: string; message: Text }> } = {},
  ) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.status = statusByCode[code];
    this.extra = options.extra ?? {};
    this.fieldErrors = options.fieldErrors ?? [];
  }
}

/** A 400 naming the one field that is wrong, with its message from templates/texts/. */
export function invalidField(field: string, key: TextKey, values?: TextValues): DomainError {
  return new DomainError('validation_failed', { fieldErrors: [{ field, message: texts(key, values) }] });
}

/** What the user reads for an error code (templates/texts/errors.*.json). */
export function errorMessage(code: ErrorCode, lang: Lang): string {
  return t(lang, `errors.${code}`);
}

export function errorStatus(code: ErrorCode): number {
  return statusByCode[code];
}

export function errorBody(
  code: ErrorCode,
  lang: Lang,
  details?: FieldError[],
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { error: { ...extra, code, message: errorMessage(code, lang), ...(details?.length ? { details } : {}) } };
}
