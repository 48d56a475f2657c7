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
  /** Evaluation randomisation (Rockwool Fonden: the NExTWORK evaluation summary (2025)): off unless the municipality takes part in a trial. */
  randomisation: z
    .strictObject({
      enabled: z.boolean().default(false),
      /** The share of eligible youth drawn into the control group. */
      controlShare: z.number().min(0.05).max(0.95).default(0.5),
    })
    .default({ enabled: false, controlShare: 0.5 }),
  /** Overrides of the risk rules' thresholds (e.g. passive after 21 days instead of 14). */
  risk: riskOverridesSchema.default({}),
  /**
   * The day each law's rule sets take over, by law id (rules/*.json, "law"), where the
   * municipality chose a later day than the rule files' own; a law left out takes over on the
   * files' validFrom. E.g. { "lab_2027": "2027-03-01" }.
   */
  lawSwitchDates: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.iso.date()).default({}),
  /**
   * A young person's access export (GDPR art. 15): whether it names the colleagues who read or
   * changed the youth's data, or only their roles (the default). The municipality decides.
   */
  accessExport: z
    .strictObject({
      colleagueNames: z.boolean().default(false),
    })
    .default({ colleagueNames: false }),
  /**
   * How long personal data is kept: a youth's, for `personalDataYears` after their last journey
   * closed (then anonymised, unless on legal hold); the audit log's entries, for `auditYears`
   * after they were written (then pseudonymised). See README, "Retention and deletion".
   */
  retention: z
    .strictObject({
      personalDataYears: z.number().int().min(1).max(50).default(5),
      auditYears: z.number().int().min(1).max(50).default(5),
    })
    .default({ personalDataYears: 5, auditYears: 5 }),
  /**
   * The young person's own log-in (Mit forløb): how many days a device stays logged in after a
   * one-time link or a MitID log-in, before the youth logs in again.
   */
  youthLogin: z
    .strictObject({
      sessionDays: z.number().int().min(1).max(180).default(30),
    })
    .default({ sessionDays: 30 }),
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
 * A change of settings, made against the version it was read with: each section given replaces
 * that section; sections left out stay. The webhook secret is write-only: leaving it out keeps the
 * one stored. A webhook address of null removes the webhook, its secret with it.
 */
export const settingsChangeBody = z.strictObject({
  version: z.number().int().min(1).describe('The version the change was made against (optimistic concurrency).'),
  // Without the sections' defaults: zod applies a default inside optional(), which would reset a
  // section left out instead of keeping it.
  eligibility: municipalitySettingsSchema.shape.eligibility.unwrap().optional(),
  randomisation: municipalitySettingsSchema.shape.randomisation.unwrap().optional(),
  risk: municipalitySettingsSchema.shape.risk.unwrap().optional(),
  lawSwitchDates: municipalitySettingsSchema.shape.lawSwitchDates.unwrap().optional(),
  accessExport: municipalitySettingsSchema.shape.accessExport.unwrap().optional(),
  retention: municipalitySettingsSchema.shape.retention.unwrap().optional(),
  youthLogin: municipalitySettingsSchema.shape.youthLogin.unwrap().optional(),
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
    version: z.number().int(),
    eligibility: municipalitySettingsSchema.shape.eligibility,
    randomisation: municipalitySettingsSchema.shape.randomisation,
    risk: municipalitySettingsSchema.shape.risk,
    lawSwitchDates: municipalitySettingsSchema.shape.lawSwitchDates,
    accessExport: municipalitySettingsSchema.shape.accessExport,
    retention: municipalitySettingsSchema.shape.retention,
    youthLogin: municipalitySettingsSchema.shape.youthLogin,
    webhook: z.object({ url: z.string().nullable(), secretSet: z.boolean() }),
  })
  .meta({ id: 'MunicipalitySettings' });

/** The settings without the webhook secret: what the API shows and the audit log records. */
export function settingsWithoutSecret(
  settings: MunicipalitySettings,
): Omit<z.infer<typeof settingsResponse>, 'version'> {
  return {
    eligibility: settings.eligibility,
    randomisation: settings.randomisation,
    risk: settings.risk,
    lawSwitchDates: settings.lawSwitchDates,
    accessExport: settings.accessExport,
    retention: settings.retention,
    youthLogin: settings.youthLogin,
    webhook: { url: settings.webhook.url, secretSet: settings.webhook.secret !== null },
  };
}

export function settingsToResponse(versioned: {
  settings: MunicipalitySettings;
  version: number;
}): z.infer<typeof settingsResponse> {
  return { version: versioned.version, ...settingsWithoutSecret(versioned.settings) };
}
