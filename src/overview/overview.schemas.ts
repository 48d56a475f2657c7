import { z } from 'zod';
import { categories, exitOutcomes, followUpStatuses } from '../../machines/events.ts';
import { progressionFactors } from '../progression/progression.factors.ts';

/** What the key figures can be broken down by: the whole unit, each caseworker, each network group. */
export const overviewGroupings = ['unit', 'caseworker', 'group'] as const;
export type OverviewGrouping = (typeof overviewGroupings)[number];

export const overviewQuery = z.object({
  from: z.iso.date('date_format').describe('First Danish day of the period (included)'),
  to: z.iso.date('date_format').describe('Last Danish day of the period (included)'),
  by: z.enum(overviewGroupings).default('unit'),
});

export const overviewCsvQuery = overviewQuery.extend({
  lang: z.enum(['da', 'en']).default('da').describe('The language of the headings'),
});

const share = z
  .object({
    numerator: z.number().int(),
    denominator: z.number().int(),
    /** Rounded to one decimal; null when the denominator is 0. */
    percent: z.number().nullable(),
  })
  .meta({ id: 'OverviewShare' });

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object({
    total: z.number().int(),
    counts: z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>),
  });

export const firstConversationBuckets = ['sameDay', 'withinWeek', 'withinMonth', 'later', 'notYet'] as const;
export type FirstConversationBucket = (typeof firstConversationBuckets)[number];

export const overviewRowSchema = z.object({
  /** The caseworker's or group's id; null for the whole unit and for "no group". */
  id: z.uuid().nullable(),
  label: z.string(),
  visitationCategories: countsOf(categories),
  firstConversation: countsOf(firstConversationBuckets),
  passive: share,
  inPlacement: share,
  mentorContact: share,
  exitOutcomes: countsOf(exitOutcomes),
  followUps: countsOf(followUpStatuses),
  progression: z.array(
    z.object({
      factor: z.enum(progressionFactors),
      /** Sum of the latest scores and how many journeys have one. */
      numerator: z.number().int(),
      denominator: z.number().int(),
      average: z.number().nullable(),
    }),
  ),
});
export type OverviewRow = z.infer<typeof overviewRowSchema>;
export type OverviewShare = z.infer<typeof share>;

export const overviewResponse = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(overviewGroupings),
  statusOn: z.iso
    .date()
    .describe(
      "The Danish day the status figures (passive, in placement) are taken at: the period's last day, or today while the period runs",
    ),
  passiveAfterDays: z
    .number()
    .int()
    .describe(
      "The municipality's passive threshold in days (the risk rules' passiveDays), as the passive share uses it",
    ),
  rows: z.array(overviewRowSchema),
});
export type Overview = z.infer<typeof overviewResponse>;
