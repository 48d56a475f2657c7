import type { Text } from '../shared/i18n.ts';
import { labelsOf } from '../shared/texts.ts';

/**
 * The five progression factors with a documented link to job or education (STAR: Den gode ungeindsats i jobcentrene (2017), s. 29),
 * each scored 1-10. The first four are the youth's own experience; the last is the caseworker's
 * overall assessment of how ready the youth is for job or education.
 */
export const progressionFactors = [
  'beliefInOwnAbilities',
  'selfRatedHealth',
  'network',
  'meaningAndDirection',
  'readiness',
] as const;
export type ProgressionFactor = (typeof progressionFactors)[number];

/** The factors' names as the plan and the caseworker's screen show them (templates/texts/progression.*.json). */
export const progressionFactorLabels: Record<ProgressionFactor, Text> = labelsOf(
  'progression.factors',
  progressionFactors,
);

export const PROGRESSION_SCORE_MIN = 1;
export const PROGRESSION_SCORE_MAX = 10;
