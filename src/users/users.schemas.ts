import { z } from 'zod';
import { roleSchema } from '../auth/auth.schemas.ts';

const password = z.string().min(12, 'password_length').max(1024);

export const createUserBody = z.strictObject({
  email: z.email('email').max(320),
  name: z.string().trim().min(1, 'not_blank').max(200),
  role: roleSchema,
  password,
});

export const updateUserBody = z.strictObject({
  version: z.number().int().min(1).describe('The version the change was made against (optimistic concurrency).'),
  name: z.string().trim().min(1, 'not_blank').max(200).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  password: password.optional(),
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
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
