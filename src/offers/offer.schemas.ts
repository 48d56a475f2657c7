import { z } from 'zod';
import { guidanceSubtypes, offerKinds } from './offer.tables.ts';

/**
 * The offers recorded on their own: vejledning og opkvalificering, nytteindsats and mentorstøtte.
 * Virksomhedspraktik and løntilskud are recorded by starting the placement they are.
 */
export const ownOfferKinds = ['guidance_upskilling', 'utility_work', 'mentor'] as const;
export type OwnOfferKind = (typeof ownOfferKinds)[number];

/** How an offer ended, as a caseworker records it; `withdrawn` follows a withdrawn journey only. */
export const recordedEndCauses = ['completed', 'stopped'] as const;

const day = z.iso.date();
const version = z.number().int().min(1).describe('The version the change was made against (optimistic concurrency).');

export const recordOfferBody = z.strictObject({
  kind: z.enum(ownOfferKinds).describe('Internships and wage subsidies are recorded as placements'),
  subtype: z
    .enum(guidanceSubtypes)
    .optional()
    .describe('Which vejledning og opkvalificering (required for guidance_upskilling, e.g. bridge_building)'),
  provider: z.string().trim().min(1, 'not_blank').max(200).optional().describe('School, course provider or mentor'),
  startDate: day.describe('The first day'),
  plannedEnd: day.optional().describe('The planned last day; left out when open-ended'),
  hoursPerWeek: z
    .number()
    .min(0.5)
    .max(40)
    .multipleOf(0.5)
    .optional()
    .describe('Hours a week; required for a mentor grant'),
  note: z.string().trim().min(1, 'not_blank').max(2000).optional(),
});
export type RecordOfferInput = z.infer<typeof recordOfferBody>;

export const endOfferBody = z.strictObject({
  version,
  endedOn: day.describe('The last day of the offer (included); not after today'),
  cause: z.enum(recordedEndCauses).describe('completed: ran its course; stopped: ended early'),
});
export type EndOfferInput = z.infer<typeof endOfferBody>;

export const giveInjunctionBody = z.strictObject({
  givenOn: day.describe('The day the injunction was given; not after today'),
  goal: z
    .string()
    .trim()
    .min(1, 'not_blank')
    .max(300)
    .describe('The education goal, e.g. a vocational education as a carpenter'),
  startBy: day.optional().describe('When the education is to start, when known'),
});
export type GiveInjunctionInput = z.infer<typeof giveInjunctionBody>;

export const endInjunctionBody = z.strictObject({
  version,
  endedOn: day.describe('The day it stopped being in force; not after today'),
});
export type EndInjunctionInput = z.infer<typeof endInjunctionBody>;

export const offerSchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    kind: z.enum(offerKinds),
    subtype: z.enum(guidanceSubtypes).nullable(),
    placementId: z.uuid().nullable().describe('The placement the offer is, for internships and wage subsidies'),
    provider: z.string().nullable(),
    startDate: day,
    plannedEnd: day.nullable(),
    endedOn: day.nullable(),
    endCause: z.enum(['completed', 'stopped', 'withdrawn']).nullable(),
    hoursPerWeek: z.number().nullable(),
    note: z.string().nullable(),
    active: z.boolean().describe('Not ended yet'),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Offer' });

export const injunctionSchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    givenOn: day,
    goal: z.string(),
    startBy: day.nullable(),
    endedOn: day.nullable(),
    inForce: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'EducationInjunction' });
