import type { Barrier, Category } from '../../machines/events.ts';
import type { MunicipalitySettings } from '../municipalities/settings.schemas.ts';
import { DomainError } from '../shared/errors.ts';
import { textsEach } from '../shared/texts.ts';
import type { QuestionnaireAnswers } from '../visitation/questionnaire.ts';
import { decideEligibility, type EligibilityDecision } from './eligibility.ts';
import { type RuleSet, selectRuleSet } from './rule-set.loader.ts';
import { type CategorySuggestion, suggestCategory } from './visitation.ts';

/** What the caseworker records at visitation, as far as the rules read it. */
export interface VisitationAnswers {
  /** The category chosen; left out, the eligibility answer is for the suggested one. */
  category?: Category | undefined;
  profile: 'A' | 'B' | 'C';
  barriers: readonly Barrier[];
  considerableBarriers: readonly Barrier[];
  questionnaire: QuestionnaireAnswers;
  waitingForApprenticeship: boolean;
  supportOverAYearReason?: string | undefined;
  inEducationOrJob: boolean;
  onBenefit: boolean;
}

/** Who is assessed, and on which day: the rule sets in force that day decide. */
export interface VisitationSubject {
  age: number;
  returning: boolean;
  day: string;
}

export interface VisitationAssessment {
  visitationRuleSet: RuleSet;
  eligibilityRuleSet: RuleSet;
  suggestion: CategorySuggestion;
  /** The category the eligibility answer is for: the one chosen, or the suggested one. */
  category: Category;
  eligibility: EligibilityDecision;
}

/**
 * The rules' view of a visitation: the category they suggest and whether the youth is in the
 * target group, by the rule sets in force in the municipality on the day (its own day for a new
 * law, if it chose one). The preview and the recorded decision both come from here, so what the
 * caseworker saw is what is recorded. A category the day's rule set does not have is refused.
 */
export async function assessVisitation(
  ruleSets: readonly RuleSet[],
  settings: Pick<MunicipalitySettings, 'eligibility' | 'lawSwitchDates'>,
  subject: VisitationSubject,
  answers: VisitationAnswers,
): Promise<VisitationAssessment> {
  const visitationRuleSet = selectRuleSet(ruleSets, 'visitation', subject.day, settings.lawSwitchDates);
  const eligibilityRuleSet = selectRuleSet(ruleSets, 'eligibility', subject.day, settings.lawSwitchDates);
  const choosable = visitationRuleSet.categories.map((definition) => definition.code);
  if (answers.category !== undefined && !choosable.includes(answers.category)) {
    throw new DomainError('validation_failed', {
      fieldErrors: [
        {
          field: 'category',
          message: textsEach('journeys.refusals.categoryNotInLaw', (lang) => ({
            law: visitationRuleSet.law.title[lang],
          })),
        },
      ],
    });
  }
  const suggestion = await suggestCategory(visitationRuleSet, {
    profile: answers.profile,
    barriers: [...answers.barriers],
    considerableBarriers: [...answers.considerableBarriers],
    answers: answers.questionnaire,
    waitingForApprenticeship: answers.waitingForApprenticeship,
    returning: subject.returning,
    supportOverAYearReason: answers.supportOverAYearReason,
  });
  const category = answers.category ?? suggestion.category;
  const eligibility = await decideEligibility(
    eligibilityRuleSet,
    {
      age: subject.age,
      category,
      barriers: [...answers.barriers],
      considerableBarriers: [...answers.considerableBarriers],
      returning: subject.returning,
      inEducationOrJob: answers.inEducationOrJob,
      onBenefit: answers.onBenefit,
    },
    settings.eligibility,
  );
  return { visitationRuleSet, eligibilityRuleSet, suggestion, category, eligibility };
}
