import { z } from 'zod';

export const planLang = z.enum(['da', 'en']);

// The longest texts the plan prints without cutting them (plan.text.ts: free text 1,000
// characters, a one-line value 100), so what is saved is what the youth reads.
const maxParagraph = 1_000;
const maxLine = 100;
const maxEntries = 30;

/** PostgreSQL text cannot hold NUL characters; nobody types them on purpose. */
const withoutNul = (text: string) => text.replaceAll('\u0000', '');

const paragraph = z.string().trim().min(1, 'not_blank').max(maxParagraph).transform(withoutNul);

const optionalLine = z
  .string()
  .trim()
  .max(maxLine)
  .nullable()
  .optional()
  .transform((value) => (value === '' || value === undefined || value === null ? null : withoutNul(value)));

export const planLangQuery = z.object({
  lang: planLang.default('da').describe('The language of the plan: Danish (default) or English'),
});

export const planContentBody = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('The version the change was made against; required once the content has been saved'),
  goal: z
    .string()
    .trim()
    .max(maxParagraph)
    .nullable()
    .transform((value) => (value === '' || value === null ? null : withoutNul(value)))
    .describe("The youth's goal (job or education) in their own words"),
  agreements: z.array(paragraph).max(maxEntries).describe('Agreements and other agreed efforts (LAB § 41 stk. 2)'),
  nextSteps: z
    .array(
      z.strictObject({
        what: paragraph,
        when: z.iso
          .date('date_format')
          .nullable()
          .optional()
          .transform((value) => value ?? null),
        who: optionalLine,
      }),
    )
    .max(maxEntries),
  stabilisation: z
    .array(paragraph)
    .max(maxEntries)
    .describe('What stabilises health and everyday life; part of the plan of activity-ready youth'),
  reviewOn: z.iso
    .date('date_format')
    .nullable()
    .optional()
    .describe(
      'The day the plan is next gone through with the youth: not in the past, at most a year ahead (a typing error otherwise). ' +
        'Left out, it stays as it is; null removes it.',
    ),
});

const nextStep = z.object({ what: z.string(), when: z.iso.date().nullable(), who: z.string().nullable() });
const userRef = z.object({ id: z.uuid(), name: z.string() });

export const planContentSchema = z
  .object({
    journeyId: z.uuid(),
    goal: z.string().nullable(),
    agreements: z.array(z.string()),
    nextSteps: z.array(nextStep),
    stabilisation: z.array(z.string()),
    reviewOn: z.iso.date().nullable().describe('The day the plan is next gone through with the youth'),
    version: z.number().int().nullable().describe('Null until the content is first saved'),
    updatedBy: userRef.nullable(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PlanContent' });

export const createPlanVersionBody = z.strictObject({ lang: planLang.default('da') });

export const planVersionSchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    number: z.number().int().describe('1, 2, 3 ... per journey'),
    lang: planLang,
    templateVersion: z.string(),
    contentHash: z.string().describe('sha256 of the PDF, hex'),
    createdBy: userRef,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanVersion' });

export const planVersionList = z.object({ items: z.array(planVersionSchema) });

export const planDiffQuery = z.object({
  from: z.uuid(),
  to: z.uuid(),
  lang: planLang.optional().describe('The language of the labels and values; from Accept-Language by default'),
});

export const planDiffSchema = z
  .object({
    from: planVersionSchema,
    to: planVersionSchema,
    changes: z.array(
      z.object({
        field: z.string().describe("A stable name of the part of the plan, e.g. 'placement.company'"),
        label: z.string().describe('The same in words'),
        from: z.string().nullable(),
        to: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PlanDiff' });

/** A PDF answer: the bytes are sent as they are, never serialised. */
export const pdfResponse = {
  description: 'The plan as an A4 PDF',
  content: { 'application/pdf': { schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }) } },
};
