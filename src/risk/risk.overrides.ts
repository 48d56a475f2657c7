import { z } from 'zod';
import type { RuleSet } from '../rules/rule-set.loader.ts';
import { parseWithMessages, type TranslatedIssue } from '../shared/validation.ts';

/**
 * The thresholds of rules/risk.json a municipality may set for itself (docs/domain.md, "The rules":
 * "a municipality can override thresholds without editing rule files"). Each range keeps a
 * threshold meaningful: a day count of 0 would flag every youth on the day they start, and the
 * upper bounds stop a typo (280 for 28) from silencing a rule for most of a year.
 */
const whole = (min: number, max: number) => z.number().int().min(min).max(max);

const parameterShape = {
  /** LAB § 31 stk. 5: the first conversation within 7 days of first contact. */
  firstConversationDays: whole(1, 30),
  /** LAB § 31 stk. 3: 4 individual job conversations in the first 6 months, the first conversation included. */
  conversationsRequired: whole(1, 12),
  conversationsPeriodDays: whole(30, 366),
  offerDays: whole(1, 90),
  missedMeetingsLimit: whole(1, 10),
  passiveDays: whole(1, 90),
  /** Must stay above passiveDays: the long passivity is the one that goes to the leader. */
  passiveLongDays: whole(2, 180),
  betweenPlacementsDays: whole(1, 90),
  noPlacementDays: whole(1, 180),
  lowHoursWeeks: whole(1, 26),
  pauseOverdueDays: whole(1, 90),
  progressionDays: whole(7, 365),
  followUpOverdueDays: whole(1, 90),
};
export type RiskParameterName = keyof typeof parameterShape;
export const riskParameterNames = Object.keys(parameterShape) as RiskParameterName[];

const passiveLongAbovePassive = {
  message: 'passive_long_above_passive',
  path: ['passiveLongDays'],
};

/** A municipality's overrides: any subset of the parameters, nothing else. */
export const riskOverridesSchema = z
  .object(
    Object.fromEntries(riskParameterNames.map((name) => [name, parameterShape[name].optional()])) as {
      [K in RiskParameterName]: z.ZodOptional<(typeof parameterShape)[K]>;
    },
  )
  .strict()
  .refine(
    (o) => o.passiveDays === undefined || o.passiveLongDays === undefined || o.passiveLongDays > o.passiveDays,
    passiveLongAbovePassive,
  )
  .meta({
    id: 'RiskThresholds',
    description: "Overrides of the risk rules' thresholds; a threshold left out keeps the rule file's value.",
  });
export type RiskOverrides = z.infer<typeof riskOverridesSchema>;

/**
 * The parameters after merging: the file's own values must lie in the same ranges, and the
 * merged pair must still be ordered (an override of passiveDays alone to 30 would otherwise
 * put it above the file's passiveLongDays of 28). Loose, so a parameter a domain expert adds to
 * the file for a new rule still reaches the rules.
 */
const effectiveParametersSchema = z
  .object(parameterShape)
  .loose()
  .refine((p) => p.passiveLongDays > p.passiveDays, passiveLongAbovePassive);
export type RiskParameters = z.infer<typeof effectiveParametersSchema>;

/** The file's parameters with the overrides that are set (an override left undefined keeps the file's value). */
function merged(ruleSet: Pick<RuleSet, 'parameters'>, overrides: RiskOverrides): Record<string, unknown> {
  const set = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...ruleSet.parameters, ...set };
}

/** The thresholds the risk rules use for one municipality: the file's parameters with its overrides. */
export function effectiveRiskParameters(
  ruleSet: Pick<RuleSet, 'parameters'>,
  overrides: RiskOverrides = {},
): RiskParameters {
  return effectiveParametersSchema.parse(merged(ruleSet, riskOverridesSchema.parse(overrides)));
}

/**
 * Why valid overrides still cannot be used with a rule file, field by field (none when they can):
 * e.g. passiveDays 30 alone, which the file's passiveLongDays of 28 would put above the long one.
 * Checked before overrides are saved, so a setting can never stop the rules from running.
 */
export function riskOverrideConflicts(
  ruleSet: Pick<RuleSet, 'parameters'>,
  overrides: RiskOverrides,
): TranslatedIssue[] {
  const checked = parseWithMessages(effectiveParametersSchema, merged(ruleSet, overrides));
  return checked.success ? [] : checked.issues;
}
