import { z } from 'zod';
import type { Text } from '../shared/i18n.ts';
import { barriers, codeLabels, profiles, questionnaireAnswers } from '../visitation/questionnaire.ts';
import type { Category } from '../visitation/questionnaire.ts';
import { fillText, runRuleSet } from './explain.ts';
import type { ConditionOutcome } from './explain.ts';
import type { RuleSet } from './rule-set.loader.ts';

export const visitationFactsSchema = z
  .object({
    profile: z.enum(profiles),
    barriers: z.array(z.enum(barriers)),
    answers: questionnaireAnswers,
    /** STAR: Den gode ungeindsats i jobcentrene (2017), s. 10: a youth waiting for an apprenticeship is education-ready. Not asked in the questionnaire. */
    waitingForApprenticeship: z.boolean().default(false),
    /** The recorded barriers the caseworker weighs as considerable (betydelige); the others count as some (visse). */
    considerableBarriers: z.array(z.enum(barriers)).default([]),
    /** Earlier periods on benefit recorded at referral, or an earlier journey in Ungeflow. */
    returning: z.boolean().default(false),
    /**
     * The caseworker's assessment that the youth clearly needs support for more than about a year
     * before an education can begin (p. 10), given as its reason; left out when not assessed so.
     */
    supportOverAYearReason: z.string().trim().min(1).optional(),
  })
  .strict();
export type VisitationFacts = z.input<typeof visitationFactsSchema>;

export interface VisitationReason extends Text {
  code: string;
  /** The category this reason points to. */
  category: Category;
  source: string;
  /** The rule's citations, as a reader looks them up. */
  citations: string[];
}

export interface CategorySuggestion {
  category: Category;
  /** Every rule that fired: first those behind the suggested category, then the others. */
  reasons: VisitationReason[];
  ruleSetVersion: string;
  facts: Record<string, unknown>;
  conditions: ConditionOutcome[];
}

/**
 * Support needed, least to most, is the order of the rule set's categories. When reasons point to
 * different categories the one with the most support wins, because the weaker categories
 * require the absence of what the stronger signal shows: obviously education-ready means no
 * barriers and nothing in the history pointing to risk (STAR: Den gode ungeindsats i jobcentrene (2017), s. 13). A presumption caps
 * it: a youth who dropped out is education-ready unless clearly needing more than about a year
 * (p. 10), so a rule with a `ceiling` keeps the suggestion at or below that category.
 */
export function strongestCategory(
  ruleSet: RuleSet,
  pointedTo: readonly Category[],
  ceilings: readonly Category[] = [],
): Category {
  const order = ruleSet.categories.map((definition) => definition.code);
  const rank = (category: Category): number => {
    const index = order.indexOf(category);
    if (index < 0) throw new Error(`Category ${category} is not one of ${ruleSet.file}'s categories`);
    return index;
  };
  const [first, ...rest] = pointedTo;
  if (first === undefined) throw new Error(`No category to choose from in ${ruleSet.file}`);
  const strongest = rest.reduce((best, category) => (rank(category) > rank(best) ? category : best), first);
  const lowestCeiling = ceilings.reduce<Category | undefined>(
    (lowest, ceiling) => (lowest === undefined || rank(ceiling) < rank(lowest) ? ceiling : lowest),
    undefined,
  );
  return lowestCeiling !== undefined && rank(lowestCeiling) < rank(strongest) ? lowestCeiling : strongest;
}

/**
 * Suggests a visitation category from the profile, the preparation questionnaire and the
 * recorded barriers (STAR: Den gode ungeindsats i jobcentrene (2017), s. 7-10, 13, 16, 21). The caseworker decides; this is advice
 * with its reasons. Pure: no database.
 */
export async function suggestCategory(ruleSet: RuleSet, facts: VisitationFacts): Promise<CategorySuggestion> {
  if (ruleSet.name !== 'visitation') throw new Error(`Expected the visitation rule set, got "${ruleSet.name}"`);
  const { supportOverAYearReason, ...input } = visitationFactsSchema.parse(facts);
  const engineFacts: Record<string, unknown> = {
    ...input,
    barrierCount: input.barriers.length,
    considerableBarrierCount: input.considerableBarriers.length,
    needsSupportOverAYear: supportOverAYearReason !== undefined,
    needsSupportOverAYearReason: supportOverAYearReason ?? '',
    ...ruleSet.parameters,
  };
  const run = await runRuleSet(ruleSet, engineFacts);

  const reasons: VisitationReason[] = run.fired.map(({ code, params }) => {
    if (params.category === undefined) throw new Error(`Rule ${code} in ${ruleSet.file} does not name a category`);
    return {
      code,
      category: params.category,
      source: params.source,
      citations: [...(params.citations ?? [])],
      ...fillText(params.message, engineFacts, codeLabels),
    };
  });
  if (reasons.length === 0) {
    // Every profile has a rule, so this means the rule file lost one.
    throw new Error(`Rule set ${ruleSet.file} (${ruleSet.version}) gave no visitation reason for these facts`);
  }

  const ceilings = run.fired.flatMap(({ params }) => (params.ceiling === undefined ? [] : [params.ceiling]));
  const category = strongestCategory(
    ruleSet,
    reasons.map((reason) => reason.category),
    ceilings,
  );
  // A presumption that held the suggestion down is what decided it: it comes first.
  const capping = new Set(run.fired.filter(({ params }) => params.ceiling === category).map(({ code }) => code));
  const ordered = [
    ...reasons.filter((reason) => capping.has(reason.code)),
    ...reasons.filter((reason) => reason.category === category && !capping.has(reason.code)),
    ...reasons.filter((reason) => reason.category !== category),
  ];

  return {
    category,
    reasons: ordered,
    ruleSetVersion: ruleSet.version,
    facts: engineFacts,
    conditions: run.conditions,
  };
}
