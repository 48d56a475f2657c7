import type { Category } from '../../machines/events.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { readSettings } from '../municipalities/settings.service.ts';
import { danishDate } from '../shared/clock.ts';
import { ageOn } from '../youth/cpr.ts';
import { visitationDecidedCommand } from '../journeys/journey.schemas.ts';
import { assessVisitation } from './assess-visitation.ts';
import { findDecidedOpenJourneys } from './law-preview.repository.ts';
import { type RuleSet, ruleSetsInOrder, selectRuleSet, takesOverOn } from './rule-set.loader.ts';
import type { Law } from './rule-set.schema.ts';

/** One youth whose visitation the next law would decide otherwise. */
export interface LawChange {
  journeyId: string;
  youthId: string;
  youthName: string;
  before: { category: Category; eligible: boolean; code: string };
  /** What the next law's rules suggest on its first day, and whether the youth is then in the target group. */
  after: { category: Category; eligible: boolean; code: string };
  changesCategory: boolean;
  changesEligibility: boolean;
}

export interface LawPreview {
  current: Law;
  next: Law;
  /** The first day the next law's rule sets apply in the municipality. */
  switchDay: string;
  /** Open journeys with a visitation decision: those the preview re-decides. */
  considered: number;
  changedCategory: number;
  changedEligibility: number;
  /** Only the youth who change, by name. */
  changes: LawChange[];
  /** Whether the risk rules change too; when they do not, no alert changes with the law. */
  riskRulesChange: boolean;
}

/** The rule set of `name` that takes over after `day` in the municipality, if one is loaded. */
export function nextRuleSet(
  ruleSets: readonly RuleSet[],
  name: string,
  day: string,
  switchDates: Readonly<Record<string, string>>,
): RuleSet | undefined {
  return ruleSetsInOrder(ruleSets, name, switchDates).find((ruleSet) => takesOverOn(ruleSet, switchDates) > day);
}

/**
 * "What changes when the next law takes over": every open journey's latest visitation is decided
 * again by the rule sets that take over next, on their first day, from what the caseworker
 * recorded (the event's payload), the way the risk backtest replays stored facts. Nothing is
 * written. Undefined when no later law is loaded.
 */
export async function previewNextLaw(
  deps: Pick<AppDeps, 'db' | 'ruleSets' | 'clock'>,
  actor: Actor,
): Promise<LawPreview | undefined> {
  const settings = await readSettings(deps.db, actor);
  const switchDates = settings.lawSwitchDates;
  const today = danishDate(deps.clock());
  const next = nextRuleSet(deps.ruleSets, 'visitation', today, switchDates);
  if (next === undefined) return undefined;
  const switchDay = takesOverOn(next, switchDates);
  const current = selectRuleSet(deps.ruleSets, 'visitation', today, switchDates);

  const journeys = await findDecidedOpenJourneys(deps.db, actor.municipalityId);
  const changes: LawChange[] = [];
  let changedCategory = 0;
  let changedEligibility = 0;
  const recordedSchema = visitationDecidedCommand.partial({ category: true });
  for (const journey of journeys) {
    const recorded = recordedSchema.parse(recordedAnswers(journey.payload));
    const before = journey.payload as { category: Category; eligibility: { eligible: boolean; code: string } };
    const { suggestion, eligibility } = await assessVisitation(
      deps.ruleSets,
      settings,
      { age: ageOn(journey.birthDate, switchDay), returning: journey.returning, day: switchDay },
      { ...recorded, category: undefined },
    );
    const change: LawChange = {
      journeyId: journey.journeyId,
      youthId: journey.youthId,
      youthName: journey.youthName,
      before: { category: before.category, eligible: before.eligibility.eligible, code: before.eligibility.code },
      after: { category: suggestion.category, eligible: eligibility.eligible, code: eligibility.code },
      changesCategory: suggestion.category !== before.category,
      changesEligibility: eligibility.eligible !== before.eligibility.eligible,
    };
    if (change.changesCategory) changedCategory++;
    if (change.changesEligibility) changedEligibility++;
    if (change.changesCategory || change.changesEligibility) changes.push(change);
  }
  return {
    current: current.law,
    next: next.law,
    switchDay,
    considered: journeys.length,
    changedCategory,
    changedEligibility,
    changes,
    riskRulesChange: nextRuleSet(deps.ruleSets, 'risk', today, switchDates) !== undefined,
  };
}

/** The answers of a stored decision as the visitation command reads them; decisions before barriers were weighed have none considerable. */
function recordedAnswers(payload: Record<string, unknown>): Record<string, unknown> {
  const fields = [
    'barriers',
    'considerableBarriers',
    'supportOverAYearReason',
    'profile',
    'questionnaire',
    'inEducationOrJob',
    'onBenefit',
    'waitingForApprenticeship',
  ];
  return Object.fromEntries(fields.filter((field) => payload[field] !== undefined).map((f) => [f, payload[f]]));
}
