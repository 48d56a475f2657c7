import { z } from 'zod';
import { errorResponse, serverErrors } from '../shared/schemas.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.ts';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from './auth.service.ts';

export const roleSchema = z.enum(['caseworker', 'leader', 'admin']);

export const loginBody = z.strictObject({
  email: z.string().trim().min(1, 'required').max(320),
  password: z.string().min(1, 'required').max(1024),
});

/** A password someone chooses: for themself, or for another user (who must then change it). */
export const newPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH, 'password_length').max(PASSWORD_MAX_LENGTH);

export const meResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    municipalityId: z.uuid(),
    passwordMustChange: z
      .boolean()
      .describe(
        'The password was set by someone else: every route but log-in, log-out, this one and POST /api/auth/password answers 403 password_change_required until the user chooses their own.',
      ),
  })
  .meta({ id: 'CurrentUser' });

export const loginResponse = z.object({ user: meResponse, expiresAt: z.iso.datetime() });

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'required').max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema.describe(`At least ${PASSWORD_MIN_LENGTH} characters, and not the current password.`),
});

export const changePasswordErrors = {
  400: errorResponse.describe(
    'The current password is wrong, or the new one is too short or the same (`validation_failed`, with the field).',
  ),
  401: errorResponse,
  429: errorResponse,
  ...serverErrors,
} as const;

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'not_blank').max(100),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(TOKEN_MAX_DAYS)
    .optional()
    .describe(`Days until the token stops working: ${TOKEN_DEFAULT_DAYS} when left out, at most ${TOKEN_MAX_DAYS}.`),
});

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().describe('When the token stops working.'),
  })
  .meta({ id: 'ApiToken' });

export const createdTokenResponse = apiTokenSchema.extend({
  token: z.string().describe('Shown only this once; store it safely.'),
});

export const loginErrors = {
  400: errorResponse,
  401: errorResponse.describe(
    'Wrong e-mail or password, the user is deactivated, or the account is locked from this address after too many ' +
      'wrong passwords (`invalid_credentials`, the same answer for each).',
  ),
  429: errorResponse,
  ...serverErrors,
} as const;
