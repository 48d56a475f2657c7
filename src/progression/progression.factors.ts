import type { Text } from '../shared/i18n.ts';

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

/** The factors' names as the plan and the caseworker's screen show them. */
export const progressionFactorLabels: Record<ProgressionFactor, Text> = {
  beliefInOwnAbilities: { da: 'Tro på egne evner', en: 'Belief in own abilities' },
  selfRatedHealth: { da: 'Selvvurderet helbred', en: 'Self-rated health' },
  network: { da: 'Netværk', en: 'Network' },
  meaningAndDirection: { da: 'Mening og retning', en: 'Meaning and direction' },
  readiness: {
    da: 'Rådgiverens vurdering af job- og uddannelsesparathed',
    en: "The caseworker's assessment of readiness for job or education",
  },
};

export const PROGRESSION_SCORE_MIN = 1;
export const PROGRESSION_SCORE_MAX = 10;
