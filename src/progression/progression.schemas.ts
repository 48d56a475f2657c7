import { z } from 'zod';
import {
  PROGRESSION_SCORE_MAX,
  PROGRESSION_SCORE_MIN,
  type ProgressionFactor,
  progressionFactors,
} from './progression.factors.ts';
import type { SelfRatingItem } from './self-rating.items.ts';

const score = z.number().int().min(PROGRESSION_SCORE_MIN).max(PROGRESSION_SCORE_MAX);

export const recordProgressionBody = z.strictObject({
  measuredOn: z.iso.date().optional().describe('The day of the measurement; today by default'),
  assessedBy: z.enum(['youth', 'caseworker']).describe("The youth's own rating or the caseworker's"),
  scores: z
    .strictObject({
      beliefInOwnAbilities: score.optional(),
      selfRatedHealth: score.optional(),
      network: score.optional(),
      meaningAndDirection: score.optional(),
      readiness: score.optional().describe("The caseworker's assessment; only when assessedBy is caseworker"),
    } satisfies Record<ProgressionFactor, z.ZodType>)
    .describe('1-10 for each factor measured; at least one'),
});

const text = z.object({ da: z.string(), en: z.string() });
const scoreOrNull = z.number().int().nullable();

export const measurementSchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    measuredOn: z.iso.date(),
    assessedBy: z.enum(['youth', 'caseworker']),
    scores: z.object({
      beliefInOwnAbilities: scoreOrNull,
      selfRatedHealth: scoreOrNull,
      network: scoreOrNull,
      meaningAndDirection: scoreOrNull,
      readiness: scoreOrNull,
    } satisfies Record<ProgressionFactor, z.ZodType>),
    recordedBy: z.object({ id: z.uuid(), name: z.string() }),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'ProgressionMeasurement' });

const point = z.object({
  score: z.number().int(),
  measuredOn: z.iso.date(),
  assessedBy: z.enum(['youth', 'caseworker']),
});

export const progressionSchema = z
  .object({
    /** Oldest first. */
    measurements: z.array(measurementSchema),
    factors: z.array(
      z.object({
        factor: z.enum(progressionFactors),
        label: text,
        first: point.nullable(),
        latest: point.nullable(),
        /** latest minus first; null until measured twice. */
        change: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'Progression' });

const selfScore = z.number().int().nullable();

export const selfRatingSchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    ratedOn: z.iso.date(),
    ratedAt: z.iso.datetime(),
    requestId: z.uuid().nullable().describe("The caseworker's request it answered, if any"),
    scores: z
      .object({
        beliefInOwnAbilities: selfScore,
        selfRatedHealth: selfScore,
        network: selfScore,
        meaningAndDirection: selfScore,
        wellbeing: selfScore,
        loneliness: selfScore.describe('1 not lonely at all, 10 very lonely: lower is better'),
      } satisfies Record<SelfRatingItem, z.ZodType>)
      .describe('1-10, or null where the youth skipped the question'),
  })
  .meta({ id: 'SelfRating' });

export const selfRatingRequestSchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    requestedBy: z.object({ id: z.uuid(), name: z.string() }),
    requestedAt: z.iso.datetime(),
  })
  .meta({ id: 'SelfRatingRequest' });

export const selfRatingsSchema = z
  .object({
    ratings: z.array(selfRatingSchema).describe("The youth's own ratings, oldest first"),
    openRequest: selfRatingRequestSchema.nullable().describe('A request the youth has not answered yet'),
    shared: z.boolean().describe("The youth sees the caseworker's own assessments beside their ratings"),
  })
  .meta({ id: 'SelfRatings' });

export const shareProgressionBody = z.strictObject({
  shared: z.boolean().describe("Show the caseworker's own assessments to the youth beside their ratings"),
});
