import { z } from 'zod';
import { newPasswordSchema, roleSchema } from '../auth/auth.schemas.ts';

export const createUserBody = z.strictObject({
  email: z.email('email').max(320),
  name: z.string().trim().min(1, 'not_blank').max(200),
  role: roleSchema,
  password: newPasswordSchema.describe('One-time: the user chooses their own at the first log-in.'),
});

export const updateUserBody = z.strictObject({
  version: z.number().int().min(1).describe('The version the change was made against (optimistic concurrency).'),
  name: z.string().trim().min(1, 'not_blank').max(200).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  password: newPasswordSchema
    .optional()
    .describe('One-time when given for another user: they choose their own at the next log-in.'),
  unlock: z.literal(true).optional().describe('Lifts a lockout after failed logins.'),
});

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    active: z.boolean(),
    lockedUntil: z.iso.datetime().nullable(),
    passwordMustChange: z.boolean().describe('The user still has a password set by an administrator (one-time).'),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
