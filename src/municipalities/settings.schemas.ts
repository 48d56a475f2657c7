import { z } from 'zod';
import { riskOverridesSchema } from '../risk/risk.overrides.ts';
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
  /** Overrides of the risk rules' thresholds (e.g. passive after 21 days instead of 14). */
  risk: riskOverridesSchema.default({}),
  /** Where new alerts are posted as signed JSON (HMAC-SHA256 with the secret). */
  webhook: z
    .strictObject({
      url: z
        .url({ protocol: /^https?$/ })
        .nullable()
        .default(null),
      secret: z.string().min(16).max(200).nullable().default(null),
    })
    .default({ url: null, secret: null }),
});

export type MunicipalitySettings = z.infer<typeof municipalitySettingsSchema>;

/**
 * A change of settings: each section given replaces that section; sections left out stay. The
 * webhook secret is write-only: leaving it out keeps the one stored.
 */
export const settingsChangeBody = z.strictObject({
  eligibility: municipalitySettingsSchema.shape.eligibility.optional(),
  randomisation: municipalitySettingsSchema.shape.randomisation.optional(),
  risk: municipalitySettingsSchema.shape.risk.optional(),
  webhook: z
    .strictObject({
      url: z.url({ protocol: /^https?$/ }).nullable(),
      secret: z.string().min(16).max(200).optional(),
    })
    .optional(),
});

export type SettingsChange = z.infer<typeof settingsChangeBody>;

/** Settings as shown: everything but the webhook secret, of which only its presence shows. */
export const settingsResponse = z
  .object({
    eligibility: municipalitySettingsSchema.shape.eligibility,
    randomisation: municipalitySettingsSchema.shape.randomisation,
    risk: municipalitySettingsSchema.shape.risk,
    webhook: z.object({ url: z.string().nullable(), secretSet: z.boolean() }),
  })
  .meta({ id: 'MunicipalitySettings' });

export function settingsToResponse(settings: MunicipalitySettings): z.infer<typeof settingsResponse> {
  return {
    eligibility: settings.eligibility,
    randomisation: settings.randomisation,
    risk: settings.risk,
    webhook: { url: settings.webhook.url, secretSet: settings.webhook.secret !== null },
  };
}
