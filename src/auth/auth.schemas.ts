import { z } from 'zod';
import { errorResponse } from '../shared/schemas.ts';

export const roleSchema = z.enum(['caseworker', 'leader', 'admin']);

export const loginBody = z.strictObject({
  email: z.string().trim().min(1, 'required').max(320),
  password: z.string().min(1, 'required').max(1024),
});

export const meResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    municipalityId: z.uuid(),
  })
  .meta({ id: 'CurrentUser' });

export const loginResponse = z.object({ user: meResponse, expiresAt: z.iso.datetime() });

export const createTokenBody = z.strictObject({ name: z.string().trim().min(1, 'not_blank').max(100) });

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createdTokenResponse = apiTokenSchema.extend({
  token: z.string().describe('Shown only this once; store it safely.'),
});

export const loginErrors = { 400: errorResponse, 401: errorResponse, 423: errorResponse, 429: errorResponse } as const;
