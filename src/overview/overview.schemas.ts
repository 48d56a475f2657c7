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

/** What the key figures are broken down by: the visitation category, or not visitated yet (STAR 2017, s. 35). */
export const keyFigureCategories = [...categories, 'notVisitated'] as const;
export type KeyFigureCategory = (typeof keyFigureCategories)[number];

/**
 * The bands of time on benefit of STAR: Den gode ungeindsats i jobcentrene (2017), s. 34
 * ("fordelt på varighed"); they nest in the page's coarser bands 0-4, 5-13, 14-26, 27-52 weeks
 * and over a year.
 */
export const timeOnBenefitBands = [
  'weeks0to4',
  'weeks5to8',
  'weeks9to13',
  'weeks14to26',
  'weeks27to39',
  'weeks40to52',
  'years1to2',
  'years2to3',
  'over3Years',
] as const;
export type TimeOnBenefitBand = (typeof timeOnBenefitBands)[number];

/** The key figures that are shares, in the order shown. */
export const keyFigureShares = ['passive', 'activationRate', 'mentor', 'companyBased', 'startedEducation'] as const;
export type KeyFigureShare = (typeof keyFigureShares)[number];

/** The key figures in the order shown; their definitions and sources are in templates/texts/overview.*.json. */
export const keyFigures = ['population', ...keyFigureShares, 'timeOnBenefit'] as const;
export type KeyFigure = (typeof keyFigures)[number];

const keyFigureSet = z
  .object({
    population: z
      .object({ persons: z.number().int(), daysOnBenefit: z.number().int() })
      .describe('Journeys on benefit on at least one day of the period, and their days on benefit in it'),
    passive: share.describe('Passivandel: of the population, those without an active LAB offer in the period'),
    activationRate: share.describe(
      'Aktiveringsgrad: days in active LAB offers out of days on benefit in the period, summed over the population',
    ),
    mentor: share.describe('Of the population, those with a mentor grant in the period'),
    companyBased: share.describe(
      'Of the population, those in an internship or a wage subsidy in the period (STAR follows it for the activity-ready)',
    ),
    startedEducation: share.describe('Of the population, those who exited to education in the period'),
    timeOnBenefit: countsOf(timeOnBenefitBands).describe(
      "The population by the length of the journey's time on benefit at its last day on benefit in the period",
    ),
  })
  .meta({ id: 'OverviewKeyFigures' });
export type KeyFigureSet = z.infer<typeof keyFigureSet>;

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
  keyFigures: z
    .object({
      all: keyFigureSet,
      byCategory: z.object(
        Object.fromEntries(keyFigureCategories.map((c) => [c, keyFigureSet])) as Record<
          KeyFigureCategory,
          typeof keyFigureSet
        >,
      ),
    })
    .describe(
      "The key figures by STAR's and jobindsats.dk's definitions, for every journey and by the visitation category decided by the end of the period",
    ),
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
      "The Danish day the status figures (passive, in placement) are taken at, and the last day the key figures count: the period's last day, or today while the period runs",
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
