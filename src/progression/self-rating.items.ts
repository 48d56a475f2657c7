import type { Text } from '../shared/i18n.ts';
import { labelsOf } from '../shared/texts.ts';
import type { ProgressionFactor } from './progression.factors.ts';

/**
 * What the young person rates on their own side, each 1-10: the four progression factors that are
 * their own experience (STAR: Den gode ungeindsats i jobcentrene (2017), s. 29; the fifth,
 * readiness, is the caseworker's assessment), and how they are doing: wellbeing and loneliness,
 * which the NExTWORK evaluation summary (2025) reports the youth in the network groups as better
 * and less. The summary gives no scale; 1-10 like the factors keeps one form and one chart.
 * Loneliness is the one where a lower number is better, and the pages say so.
 */
export const selfRatingItems = [
  'beliefInOwnAbilities',
  'selfRatedHealth',
  'network',
  'meaningAndDirection',
  'wellbeing',
  'loneliness',
] as const satisfies ReadonlyArray<Exclude<ProgressionFactor, 'readiness'> | 'wellbeing' | 'loneliness'>;
export type SelfRatingItem = (typeof selfRatingItems)[number];

/** The items as the caseworker's page names them (templates/texts/progression.*.json). */
export const selfRatingItemLabels: Record<SelfRatingItem, Text> = labelsOf(
  'progression.selfRatingItems',
  selfRatingItems,
);

export type SelfRatingScores = Partial<Record<SelfRatingItem, number>>;
