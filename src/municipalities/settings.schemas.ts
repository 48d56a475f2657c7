import { z } from 'zod';
import { eligibilityOverridesSchema } from '../rules/eligibility.ts';

/**
 * A municipality's settings. Every field has a default, so a municipality that never changed
 * anything runs on the rule files as they are.
 */
export const municipalitySettingsSchema = z.strictObject({
  /** Overrides of the eligibility thresholds (e.g. minimum age 15). Empty: the rule file's values. */
  eligibility: eligibilityOverridesSchema.default({}),
  /** Evaluation randomisation (seed 002): off unless the municipality takes part in a trial. */
  randomisation: z
    .strictObject({
      enabled: z.boolean().default(false),
      /** The share of eligible youth drawn into the control group. */
      controlShare: z.number().min(0.05).max(0.95).default(0.5),
    })
    .default({ enabled: false, controlShare: 0.5 }),
});

export type MunicipalitySettings = z.infer<typeof municipalitySettingsSchema>;

export const settingsResponse = municipalitySettingsSchema.meta({ id: 'MunicipalitySettings' });
