import { z } from 'zod';
import { newPasswordSchema, roleSchema } from '../auth/auth.schemas.ts';
import { danishPhone } from '../shared/phone.ts';

/** A Danish phone number as typed, stored as '12 34 56 78'; empty or null for none. */
const phone = z
  .string()
  .trim()
  .max(30)
  .refine((typed) => typed === '' || danishPhone(typed) !== undefined, 'danish_phone')
  .transform((typed) => (typed === '' ? null : (danishPhone(typed) ?? null)))
  .nullable()
  .describe(
    'A Danish phone number, 8 digits, optionally with +45; printed on the plans of the youth the user is contact person for',
  );

export const createUserBody = z.strictObject({
  email: z.email('email').max(320),
  name: z.string().trim().min(1, 'not_blank').max(200),
  role: roleSchema,
  phone: phone.optional(),
  password: newPasswordSchema.describe('One-time: the user chooses their own at the first log-in.'),
});

export const updateUserBody = z.strictObject({
  version: z.number().int().min(1).describe('The version the change was made against (optimistic concurrency).'),
  name: z.string().trim().min(1, 'not_blank').max(200).optional(),
  role: roleSchema.optional(),
  phone: phone.optional(),
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
    phone: z.string().nullable().describe("Written '12 34 56 78'; null when none is given"),
    active: z.boolean(),
    lockedUntil: z.iso.datetime().nullable(),
    passwordMustChange: z.boolean().describe('The user still has a password set by an administrator (one-time).'),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
