import { type RiskCode, riskCodes } from '../risk/risk.codes.ts';
import type { Text } from '../shared/i18n.ts';
import { labelsOf } from '../shared/texts.ts';

/**
 * Short names of the risk rules, for lists, the digest and the inbox (templates/texts/alerts.*.json).
 * They name no day counts: a municipality may override the thresholds, and the alert's own message
 * states the ones it used.
 */
export const riskCodeLabels: Record<RiskCode, Text> = labelsOf('alerts.riskCodes', riskCodes);
