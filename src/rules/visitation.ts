import { z } from 'zod';
import type { Text } from '../shared/i18n.ts';
import { barriers, categories, codeLabels, profiles, questionnaireAnswers } from '../visitation/questionnaire.ts';
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
  })
  .strict();
export type VisitationFacts = z.input<typeof visitationFactsSchema>;

export interface VisitationReason extends Text {
  code: string;
  /** The category this reason points to. */
  category: Category;
  source: string;
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
 * Support needed, least to most: `categories` is ordered that way. When reasons point to
 * different categories the one with the most support wins, because the weaker categories
 * require the absence of what the stronger signal shows: obviously education-ready means no
 * barriers and nothing in the history pointing to risk (STAR: Den gode ungeindsats i jobcentrene (2017), s. 13), and a youth who
 * dropped out is education-ready unless clearly needing more than about a year (p. 10).
 */
const supportRank = (category: Category): number => categories.indexOf(category);

/**
 * Suggests a visitation category from the profile, the preparation questionnaire and the
 * recorded barriers (STAR: Den gode ungeindsats i jobcentrene (2017), s. 7-10, 13, 16, 21). The caseworker decides; this is advice
 * with its reasons. Pure: no database.
 */
export async function suggestCategory(ruleSet: RuleSet, facts: VisitationFacts): Promise<CategorySuggestion> {
  if (ruleSet.name !== 'visitation') throw new Error(`Expected the visitation rule set, got "${ruleSet.name}"`);
  const input = visitationFactsSchema.parse(facts);
  const engineFacts: Record<string, unknown> = {
    ...input,
    barrierCount: input.barriers.length,
    ...ruleSet.parameters,
  };
  const run = await runRuleSet(ruleSet, engineFacts);

  const reasons: VisitationReason[] = run.fired.map(({ code, params }) => {
    if (params.category === undefined) throw new Error(`Rule ${code} in ${ruleSet.file} does not name a category`);
    return {
      code,
      category: params.category,
      source: params.source,
      ...fillText(params.message, engineFacts, codeLabels),
    };
  });
  if (reasons.length === 0) {
    // Every profile has a rule, so this means the rule file lost one.
    throw new Error(`Rule set ${ruleSet.file} (${ruleSet.version}) gave no visitation reason for these facts`);
  }

  const category = reasons.reduce<Category>(
    (strongest, reason) => (supportRank(reason.category) > supportRank(strongest) ? reason.category : strongest),
    'obviously_education_ready',
  );
  const ordered = [
    ...reasons.filter((reason) => reason.category === category),
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
