import { z } from 'zod';
import { pageOf, pageQuery } from '../shared/schemas.ts';
import { parseCpr } from './cpr.ts';

/** A CPR number as typed: DDMMYY-SSSS or ten digits, with a real date of birth. */
export const cprInput = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = parseCpr(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.problem });
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[+\d][\d\s-]*$/, 'phone')
  .or(z.literal(''))
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v));

const email = z
  .email('email')
  .max(320)
  .or(z.literal(''))
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v));

const name = z.string().trim().min(1, 'not_blank').max(200);

export const createYouthBody = z.strictObject({
  name,
  cpr: cprInput,
  phone,
  email,
  address: optionalText(500),
});

export const updateYouthBody = z.strictObject({
  version: z.number().int().min(1).describe('The version the change was made against (optimistic concurrency).'),
  name: name.optional(),
  cpr: cprInput.optional(),
  phone,
  email,
  address: optionalText(500),
});

export const youthQuery = z.object({
  query: z.string().trim().max(200).optional(),
  ...pageQuery,
});

/** The search of GET /api/youth in a body (POST /api/youth/search), where a CPR number stays out of the address. */
export const youthSearchBody = z.strictObject({
  query: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export const readYouthQuery = z.object({ reveal: z.enum(['cpr']).optional() });

export const youthSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    cpr: z.string().describe('Masked (DDMMYY-XXXX) unless revealed with ?reveal=cpr.'),
    birthDate: z.iso.date(),
    age: z.number().int(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Youth' });

export const youthPage = pageOf(youthSchema);
