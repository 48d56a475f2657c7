import { z } from 'zod';
import type { Text } from '../shared/i18n.ts';
import { pageOf, pageQuery } from '../shared/schemas.ts';
import { cvrMessages, parseCvr } from './cvr.ts';
import { companySectors } from './company.tables.ts';

/** The company network is the caseworkers' and leaders' work (docs/domain.md, "Who uses it"). */
export const companyNetworkRoles = ['caseworker', 'leader'] as const;

/**
 * A field message in both languages for a check that templates/texts/validation.*.json has no key for. The
 * validator reads a message that is a JSON `{ da, en }` object as the text in each language.
 */
export function textIssue(text: Text): string {
  return JSON.stringify(text);
}

/**
 * A list of ids where each may occur once; every repeat is reported at its own position
 * (`companyIds.2`), so a form can mark it.
 */
export function uniqueIds(text: Text, max: number) {
  return z
    .array(z.uuid())
    .max(max)
    .superRefine(onceEach((id: string) => id, text));
}

/** A refinement naming, with `text`, every item whose key an earlier item already has. */
export function onceEach<T>(key: (item: T) => string, text: Text) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const keys = items.map(key);
    keys.forEach((id, index) => {
      if (keys.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: [index], message: textIssue(text) });
    });
  };
}

/** A CVR number as typed: eight digits (spaces allowed) passing the modulus-11 check. */
export const cvrInput = z
  .string()
  .superRefine((value, ctx) => {
    const result = parseCvr(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: textIssue(cvrMessages[result.problem]) });
  })
  .transform((value) => value.replace(/\s+/g, ''));

export const optionalText = (max: number) =>
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
const placementCapacity = z
  .number()
  .int()
  .min(0)
  .max(100)
  .describe('How many placements (internships, paid hours, wage subsidy) the company can take at once');
const sector = z
  .enum(companySectors)
  .describe(
    'A private or a public employer; decides whether a wage subsidy there is a private or a public wage subsidy',
  );
const version = z.number().int().min(1).describe('The version the change was made against (optimistic concurrency).');

export const createCompanyBody = z.strictObject({
  name,
  cvr: cvrInput,
  industry: optionalText(200),
  sector: sector.default('private'),
  address: optionalText(500),
  placementCapacity: placementCapacity.default(1),
  active: z.boolean().default(true),
});

export const updateCompanyBody = z.strictObject({
  version,
  name: name.optional(),
  cvr: cvrInput.optional(),
  industry: optionalText(200),
  sector: sector.optional(),
  address: optionalText(500),
  placementCapacity: placementCapacity.optional(),
  active: z.boolean().optional(),
});

export const companyQuery = z.object({
  query: z.string().trim().max(200).optional().describe('Part of the name, or the start of the CVR number'),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});

export const companyContactParams = z.object({ id: z.uuid(), contactId: z.uuid() });

export const createContactBody = z.strictObject({
  name,
  title: optionalText(200).describe('Role or job title at the company'),
  phone,
  email,
});

export const updateContactBody = z.strictObject({
  version,
  name: name.optional(),
  title: optionalText(200),
  phone,
  email,
});

export const companySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    cvr: z.string(),
    industry: z.string().nullable(),
    sector,
    address: z.string().nullable(),
    placementCapacity: z.number().int(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Company' });

export const contactSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    name: z.string(),
    title: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CompanyContact' });

export const companyDetailSchema = companySchema
  .extend({ contacts: z.array(contactSchema) })
  .meta({ id: 'CompanyDetail' });

export const companyPage = pageOf(
  companySchema
    .extend({
      contactCount: z.number().int().describe('Current contact persons'),
      placedCount: z
        .number()
        .int()
        .describe('Youth placed at the company now (running placements), to set against placementCapacity'),
    })
    .meta({ id: 'CompanyListItem' }),
);

/** A company as a meeting or a match event names it. */
export const companyRefSchema = z.object({ id: z.uuid(), name: z.string() });
