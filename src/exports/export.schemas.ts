import { z } from 'zod';

export const accessExportQuery = z.object({
  format: z.enum(['pdf', 'json']).default('pdf').describe('A PDF for the youth, or JSON for a system'),
  lang: z.enum(['da', 'en']).default('da').describe("The PDF's language"),
});

const colleague = z
  .object({ role: z.enum(['caseworker', 'leader', 'admin']), name: z.string().optional() })
  .nullable()
  .describe('Who: a role, with the name when the municipality names colleagues; null for Ungeflow itself');

/** The JSON export's outline; docs/exports.md describes every part. */
export const accessExportSchema = z
  .looseObject({
    format: z.literal('ungeflow-access-export'),
    formatVersion: z.literal(1),
    exportedAt: z.iso.datetime(),
    municipality: z.string(),
    colleaguesNamed: z.boolean(),
    youth: z.looseObject({
      id: z.uuid(),
      name: z.string(),
      cpr: z.string().describe("The youth's own CPR number, in full (DDMMYY-SSSS)"),
      birthDate: z.iso.date(),
    }),
    journeys: z.array(
      z.looseObject({
        id: z.uuid(),
        caseworker: colleague,
        ownRatings: z
          .array(z.looseObject({ ratedOn: z.iso.date(), byYouth: z.literal(true) }))
          .describe('The ratings the youth gave themselves on their own pages'),
        questionnaire: z
          .looseObject({ answers: z.record(z.string(), z.unknown()), byYouth: z.literal(true) })
          .nullable()
          .describe('The preparation questionnaire as the youth filled it in; null when they did not'),
        matchWishes: z
          .array(z.looseObject({ eventDate: z.iso.date(), rank: z.number().int(), byYouth: z.boolean() }))
          .describe('Wishes at match events; `byYouth` when the youth chose it on their own side'),
        hoursReports: z
          .array(z.looseObject({ weekStart: z.iso.date(), status: z.enum(['reported', 'confirmed', 'corrected']) }))
          .describe('Hours the youth reported themselves, and what the caseworker made of them'),
      }),
    ),
    caseNotes: z.array(z.looseObject({ author: colleague })),
    appointments: z.array(z.looseObject({})),
    auditTrail: z.array(
      z.object({
        at: z.iso.datetime(),
        action: z.string(),
        actionText: z.object({ da: z.string(), en: z.string() }),
        by: colleague,
        byYouth: z.boolean().describe('The youth did it themselves on their own pages; `by` is then null'),
      }),
    ),
    youthDevices: z
      .array(
        z.object({
          device: z.string(),
          method: z.enum(['link', 'oidc']),
          loggedInAt: z.iso.datetime(),
          lastUsedAt: z.iso.datetime(),
          expiresAt: z.iso.datetime(),
        }),
      )
      .describe('The devices the youth is logged in on now, on their own pages'),
  })
  .meta({ id: 'AccessExport' });

export const accessExportResponse = {
  description: 'Everything Ungeflow holds about the youth, as an A4 PDF or as JSON (`format`)',
  content: {
    'application/pdf': { schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }) },
    'application/json': { schema: accessExportSchema },
  },
};

export const MOST_EVALUATION_NAME_CHARS = 100;

export const evaluationExportQuery = z.object({
  from: z.iso.date('date_format').describe('First Danish day of the period the draws were made in (included)'),
  to: z.iso.date('date_format').describe('Last Danish day of the period (included)'),
  evaluation: z
    .string()
    .trim()
    .min(1, 'not_blank')
    .max(MOST_EVALUATION_NAME_CHARS)
    .describe("The evaluation's name: the same name gives the same pseudonyms (case and spaces do not count)"),
  format: z.enum(['csv', 'json']).default('csv'),
});

const scores = z.object({
  beliefInOwnAbilities: z.number().nullable(),
  selfRatedHealth: z.number().nullable(),
  network: z.number().nullable(),
  meaningAndDirection: z.number().nullable(),
  readiness: z.number().nullable(),
});

export const evaluationRowSchema = z
  .object({
    pseudonym: z.string().describe('Keyed hash of the CPR number, per municipality and evaluation'),
    arm: z.enum(['treatment', 'control']),
    seed: z.string().describe('The seed the arm follows from (src/journeys/randomisation.ts)'),
    referredOn: z.iso.date(),
    visitationOn: z.iso.date(),
    category: z.string(),
    barriers: z.array(z.string()),
    returning: z.boolean(),
    stage: z.string(),
    exitOn: z.iso.date().nullable(),
    exitOutcome: z.string().nullable(),
    withdrawnOn: z.iso.date().nullable(),
    weeksInPlacement: z.object({ internship: z.number(), paid_hours: z.number(), wage_subsidy: z.number() }),
    followUp: z.object({
      month3: z.string().nullable(),
      month6: z.string().nullable(),
      month12: z.string().nullable(),
    }),
    progression: z.object({
      firstOn: z.iso.date().nullable(),
      lastOn: z.iso.date().nullable(),
      first: scores,
      last: scores,
    }),
  })
  .meta({ id: 'EvaluationRow' });

export const evaluationExportSchema = z
  .object({
    format: z.literal('ungeflow-evaluation-export'),
    formatVersion: z.literal(1),
    evaluation: z.string(),
    from: z.iso.date(),
    to: z.iso.date(),
    exportedAt: z.iso.datetime(),
    rows: z.array(evaluationRowSchema),
  })
  .meta({ id: 'EvaluationExport' });

export const evaluationExportResponse = {
  description: 'One pseudonymised row per journey drawn in the period, as CSV (semicolons, UTF-8 with a BOM) or JSON',
  content: {
    'text/csv': { schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }) },
    'application/json': { schema: evaluationExportSchema },
  },
};
