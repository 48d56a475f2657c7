import type { Lang, Text } from './i18n.ts';

/**
 * Every error code an API client can receive: the one list that the ErrorCode type and the
 * error schema of the OpenAPI document (src/shared/schemas.ts) are both made from.
 */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'forbidden',
  'password_change_required',
  'not_found',
  'conflict',
  'duplicate_cpr',
  'version_conflict',
  'event_not_accepted',
  'rate_limited',
  'internal',
  'database_unavailable',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 423,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  duplicate_cpr: 409,
  version_conflict: 409,
  event_not_accepted: 422,
  rate_limited: 429,
  internal: 500,
  database_unavailable: 503,
};

const messages: Record<ErrorCode, Text> = {
  validation_failed: { da: 'Nogle felter er ikke udfyldt korrekt.', en: 'Some fields are not filled in correctly.' },
  unauthenticated: { da: 'Du er ikke logget ind.', en: 'You are not logged in.' },
  invalid_credentials: { da: 'Forkert e-mail eller adgangskode.', en: 'Wrong e-mail or password.' },
  account_locked: {
    da: 'Kontoen er låst efter for mange forkerte forsøg. Prøv igen om 15 minutter.',
    en: 'The account is locked after too many failed attempts. Try again in 15 minutes.',
  },
  forbidden: { da: 'Du har ikke adgang til dette.', en: 'You do not have access to this.' },
  password_change_required: {
    da: 'Du er logget ind med en engangsadgangskode. Vælg din egen adgangskode, før du fortsætter.',
    en: 'You are logged in with a one-time password. Choose your own password before you continue.',
  },
  not_found: { da: 'Findes ikke.', en: 'Not found.' },
  conflict: { da: 'Handlingen er i konflikt med eksisterende data.', en: 'The action conflicts with existing data.' },
  duplicate_cpr: {
    da: 'Der findes allerede en ung med dette CPR-nummer.',
    en: 'A young person with this CPR number already exists.',
  },
  version_conflict: {
    da: 'Oplysningerne er ændret af en anden i mellemtiden. Hent dem igen.',
    en: 'Someone else changed this in the meantime. Reload it.',
  },
  event_not_accepted: {
    da: 'Det kan ikke registreres i forløbets nuværende fase.',
    en: "This cannot be recorded in the journey's current stage.",
  },
  rate_limited: {
    da: 'For mange forsøg. Vent lidt og prøv igen.',
    en: 'Too many attempts. Wait a moment and try again.',
  },
  internal: {
    da: 'Der opstod en fejl hos os. Prøv igen, eller kontakt support med fejl-id.',
    en: 'Something went wrong on our side. Try again, or contact support with the error id.',
  },
  database_unavailable: {
    da: 'Ungeflow kan ikke få forbindelse til sin database lige nu. Vent et øjeblik, og prøv igen.',
    en: 'Ungeflow cannot reach its database right now. Wait a moment and try again.',
  },
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

/** A 400 naming the one field that is wrong, in Danish and English. */
export function invalidField(field: string, da: string, en: string): DomainError {
  return new DomainError('validation_failed', { fieldErrors: [{ field, message: { da, en } }] });
}

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return messages[code][lang];
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
