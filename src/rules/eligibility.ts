import { z } from 'zod';
import type { Text } from '../shared/i18n.ts';
import { barriers, categories, codeLabels } from '../visitation/questionnaire.ts';
import { fillText, runRuleSet } from './explain.ts';
import type { ConditionOutcome } from './explain.ts';
import type { RuleSet } from './rule-set.loader.ts';
import type { Severity } from './rule-set.schema.ts';

/** What eligibility is decided from; `age` is the age on the decision date. */
export const eligibilityFactsSchema = z
  .object({
    age: z.number().int().min(0).max(130),
    category: z.enum(categories),
    barriers: z.array(z.enum(barriers)),
    /** The recorded barriers weighed as considerable (betydelige). */
    considerableBarriers: z.array(z.enum(barriers)).default([]),
    returning: z.boolean(),
    inEducationOrJob: z.boolean(),
    onBenefit: z.boolean(),
  })
  .strict();
export type EligibilityFacts = z.input<typeof eligibilityFactsSchema>;

// A municipality may lower the minimum age to 15 (docs/domain.md, "The rules") and move the maximum
// within what the youth effort can carry; both bounds are checked again after merging with the
// rule file, so an override cannot cross the file's own value either.
const minAge = z.number().int().min(15).max(29);
const maxAge = z.number().int().min(18).max(35);

/**
 * The widest ages any municipality's target group can have: the bounds of the overrides above. A
 * youth outside them is in no municipality's NExTWORK target group, whatever its settings.
 */
export const possibleTargetAges = { min: minAge.minValue ?? 15, max: maxAge.maxValue ?? 35 } as const;

/** A municipality's overrides of the eligibility thresholds (municipality settings). */
export const eligibilityOverridesSchema = z
  .object({ minAge: minAge.optional(), maxAge: maxAge.optional() })
  .strict()
  .refine((o) => o.minAge === undefined || o.maxAge === undefined || o.minAge <= o.maxAge, {
    message: 'min_age_above_max_age',
    path: ['minAge'],
  })
  .meta({
    id: 'EligibilityLimits',
    description: "Overrides of the eligibility rules' age limits; a limit left out keeps the rule file's value.",
  });
export type EligibilityOverrides = z.infer<typeof eligibilityOverridesSchema>;

const effectiveParametersSchema = z
  .object({
    minAge,
    maxAge,
    minBarrierCount: z.number().int().min(0),
    benefitRequiredFromAge: z.number().int().min(15),
  })
  .loose()
  .refine((p) => p.minAge <= p.maxAge, { message: 'min_age_above_max_age', path: ['minAge'] });

/** The target group's ages under a rule set: the file's limits with the municipality's overrides. */
export function targetAges(ruleSet: RuleSet, overrides: EligibilityOverrides = {}): { min: number; max: number } {
  const parameters = effectiveParametersSchema.parse({ ...ruleSet.parameters, ...overrides });
  return { min: parameters.minAge, max: parameters.maxAge };
}

/**
 * How a youth's age on a day stands to the target group: within the municipality's ages, outside
 * them (a referral may still be right: the visitation decides, on its own day), or outside what any
 * municipality's target group can be (a mistyped CPR number or date, refused).
 */
export type AgeVerdict =
  | { kind: 'within'; age: number }
  | { kind: 'outside'; age: number; min: number; max: number }
  | { kind: 'impossible'; age: number; min: number; max: number };

export function ageVerdict(age: number, ages: { min: number; max: number }): AgeVerdict {
  if (age < possibleTargetAges.min || age > possibleTargetAges.max) {
    return { kind: 'impossible', age, ...possibleTargetAges };
  }
  if (age < ages.min || age > ages.max) return { kind: 'outside', age, ...ages };
  return { kind: 'within', age };
}

export interface Recommendation extends Text {
  code: string;
}

export interface EligibilityDecision {
  eligible: boolean;
  /** The code of the deciding rule: the first failing reason, or the branch that made the youth eligible. */
  code: string;
  explanation: Text;
  recommendation?: Recommendation;
  severity?: Severity;
  /** What the deciding rule rests on, with the notes behind it (rules/README.md). */
  source: string;
  /** The deciding rule's citations, as a reader looks them up. */
  citations: string[];
  ruleSetVersion: string;
  /** Every fact the rules saw, including derived facts and the effective parameters. */
  facts: Record<string, unknown>;
  conditions: ConditionOutcome[];
}

/**
 * Decides whether a young person is in the NExTWORK target group (Rockwool Fonden: Hvad er NExTWORK? and Ny virksomhedsrettet ungeindsats (2019),
 * docs/domain.md, "The rules"). Rules fire in priority order and the first one that fires decides:
 * age below, age above, in education or work, not on benefit, obviously education-ready,
 * education-ready without barriers; otherwise the eligible branch (activity-ready,
 * education-ready with barriers, returning). Pure: no database, same input, same answer.
 */
export async function decideEligibility(
  ruleSet: RuleSet,
  facts: EligibilityFacts,
  overrides: EligibilityOverrides = {},
): Promise<EligibilityDecision> {
  if (ruleSet.name !== 'eligibility') throw new Error(`Expected the eligibility rule set, got "${ruleSet.name}"`);
  const input = eligibilityFactsSchema.parse(facts);
  const validOverrides = eligibilityOverridesSchema.parse(overrides);
  const parameters = effectiveParametersSchema.parse({ ...ruleSet.parameters, ...validOverrides });

  const engineFacts: Record<string, unknown> = {
    ...input,
    barrierCount: input.barriers.length,
    considerableBarrierCount: input.considerableBarriers.length,
    ...parameters,
  };
  const run = await runRuleSet(ruleSet, engineFacts);
  const decisive = run.fired[0];
  if (!decisive) {
    throw new Error(`Rule set ${ruleSet.file} (${ruleSet.version}) reached no eligibility decision for these facts`);
  }
  const params = decisive.params;
  if (params.eligible === undefined)
    throw new Error(`Rule ${decisive.code} in ${ruleSet.file} does not say "eligible"`);

  return {
    eligible: params.eligible,
    code: decisive.code,
    explanation: fillText(params.message, engineFacts, codeLabels),
    ...(params.recommendation
      ? {
          recommendation: {
            code: params.recommendation.code,
            ...fillText(params.recommendation, engineFacts, codeLabels),
          },
        }
      : {}),
    ...(params.severity ? { severity: params.severity } : {}),
    source: params.source,
    citations: [...(params.citations ?? [])],
    ruleSetVersion: ruleSet.version,
    facts: engineFacts,
    conditions: run.conditions,
  };
}
