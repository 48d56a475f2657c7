import {
  categories,
  type Category,
  exitOutcomes,
  type ExitOutcome,
  followUpStatuses,
  type FollowUpStatus,
} from '../../machines/events.ts';
import type { Stage } from '../../machines/journey.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { findSettings } from '../municipalities/settings.repository.ts';
import { addDays } from '../shared/days.ts';
import { progressionFactors, type ProgressionFactor } from '../progression/progression.factors.ts';
import { effectiveRiskParameters } from '../risk/risk.overrides.ts';
import { type RuleSet, selectRuleSet } from '../rules/rule-set.loader.ts';
import { danishDate, danishDayNumber, startOfDanishDay } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { type BenefitFacts, benefitFactsOf, keyFiguresOf, round1, shareOf } from './overview.key-figures.ts';
import { noGroupLabel, wholeUnitLabel } from './overview.labels.ts';
import {
  listGroups,
  listOverviewJourneys,
  listReassignmentsSince,
  listUsers,
  type OverviewJourney,
  type OverviewMoments,
  type OverviewWorkedWeek,
  withoutJit,
} from './overview.repository.ts';
import {
  firstConversationBuckets,
  type FirstConversationBucket,
  type Overview,
  type OverviewGrouping,
  type OverviewRow,
} from './overview.schemas.ts';
import { offerStages, stageAfter } from './overview.stages.ts';
import { texts } from '../shared/texts.ts';

export interface OverviewCriteria {
  from: string;
  to: string;
  by: OverviewGrouping;
}

/** Everything the figures are computed from, per journey, as it was in the period. */
interface JourneyFacts {
  journey: OverviewJourney;
  /** The caseworker responsible at the end of the period. */
  caseworkerId: string;
  /** The network group the youth was last in by the end of the period (null: never in one). */
  groupId: string | null;
  stageAtEnd: Stage;
  /** In intake, active or paused at some moment of the period. */
  inOfferDuringPeriod: boolean;
  /** Active at the end of the period with no recorded activity for the passive threshold. */
  passive: boolean;
  visitationCategory: Category | null;
  exitOutcome: ExitOutcome | null;
  followUps: FollowUpStatus[];
  /** Its days on benefit in the period and what it had in them; null when it had none. */
  benefit: BenefitFacts | null;
}

/**
 * The leader's key figures for a period (Danish days, both included), broken down by unit,
 * caseworker or network group (STAR: Den gode ungeindsats i jobcentrene (2017), s. 30-35).
 *
 * Every figure describes the period, not today: stages are rebuilt from the event log (the
 * stage a journey's latest event before a moment led to), group membership, placements and
 * activity from their own times, so a leader looking at October in December sees October.
 * Figures of three kinds:
 * - flows, counted over the period: visitations, first contacts, exits, follow-ups, mentor
 *   contacts and progression measurements that happened in it;
 * - status figures, taken "at the end of the period": at the first instant after its last
 *   day, or now while the period is still running (`statusOn` in the answer says which day).
 * - key figures by STAR's and jobindsats.dk's definitions, over the journeys on benefit on some
 *   day of the period up to `statusOn`, whatever their stage (overview.key-figures.ts).
 * Each figure's comment in rowOf says which journeys it counts (its denominator).
 *
 * Per caseworker, a journey counts for the caseworker who had it at the end of the period (a
 * journey reassigned later still counts for the one who had it then); per group, for the group
 * the youth was last in by the end of the period (so an exit or follow-up counts for the group
 * the youth left); youth never in a group by then form the row "not in a group".
 */
export async function readOverview(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ruleSets'>,
  actor: Actor,
  criteria: OverviewCriteria,
  lang: Lang = 'da',
): Promise<Overview> {
  if (criteria.from > criteria.to) {
    throw new DomainError('validation_failed', {
      fieldErrors: [
        {
          field: 'to',
          message: texts('overview.refusals.endBeforeStart'),
        },
      ],
    });
  }
  const municipalityId = actor.municipalityId;

  return deps.db.transaction().execute(async (trx) => {
    const { start, end, asOf, asOfDay } = periodOf(criteria, deps.clock());
    const settings = await findSettings(trx, municipalityId);
    const passiveDays = effectiveRiskParameters(riskRulesOn(deps.ruleSets, asOfDay), settings.risk).passiveDays;
    // Passive when the latest activity lies passiveDays or more calendar days before asOfDay, as
    // the risk rule counts; so activity from this day on keeps the youth active.
    const activeSinceDay = addDays(asOfDay, 1 - passiveDays);
    const at: OverviewMoments = {
      from: criteria.from,
      to: criteria.to,
      start,
      end,
      asOf,
      asOfDay,
      activeSince: startOfDanishDay(activeSinceDay),
      activeSinceDay,
    };
    await withoutJit(trx);
    const journeys = await listOverviewJourneys(trx, municipalityId, at);
    const reassignments = await listReassignmentsSince(trx, municipalityId, at.asOf);
    const groups = await listGroups(trx, municipalityId);
    const users = await listUsers(trx, municipalityId);

    // The first reassignment after the end of the period names who had the journey then.
    const caseworkerAtEnd = new Map<string, string>();
    for (const r of reassignments) {
      if (!caseworkerAtEnd.has(r.journeyId)) caseworkerAtEnd.set(r.journeyId, r.fromCaseworkerId);
    }

    const all = journeys.map((journey): JourneyFacts => {
      const stageAtStart = stageAfter(journey.eventBeforeStart);
      const stageAtEnd = stageAfter(journey.eventAtEnd);
      const visitation = journey.visitation;
      // The only way into intake, active or paused is an eligible visitation outside the
      // control group, so a journey in none of them at either end was in one in between
      // exactly when such a visitation happened in the period.
      const enteredOffer = visitation !== null && visitation.eligible && visitation.randomisationArm !== 'control';
      // The passive rule (rules/risk.json, docs/domain.md, "The rules"): active, and no recorded activity
      // for passiveDays days; before any activity the clock runs from joining a group.
      const baseline = journey.firstJoinedGroupAt ?? journey.firstContactAt;
      const active =
        journey.recentActivity ||
        workedBetween(journey.workedWeeks, at.activeSince, at.asOf) ||
        baseline >= at.activeSince;
      return {
        journey,
        caseworkerId: caseworkerAtEnd.get(journey.id) ?? journey.currentCaseworkerId,
        groupId: journey.lastGroupId,
        stageAtEnd,
        inOfferDuringPeriod: offerStages.has(stageAtStart) || offerStages.has(stageAtEnd) || enteredOffer,
        passive: stageAtEnd === 'active' && !active,
        visitationCategory: visitation && isOneOf(categories, visitation.category) ? visitation.category : null,
        exitOutcome: isOneOf(exitOutcomes, journey.exitOutcome) ? journey.exitOutcome : null,
        followUps: journey.followUps.filter((status) => isOneOf(followUpStatuses, status)),
        benefit: benefitFactsOf(journey, at),
      };
    });

    const row = (id: string | null, label: string, of: JourneyFacts[]) => rowOf(id, label, of, at);
    const rows: OverviewRow[] = [];
    switch (criteria.by) {
      case 'unit':
        rows.push(row(null, wholeUnitLabel[lang], all));
        break;
      case 'caseworker': {
        const names = new Map(users.map((u) => [u.id, u.name]));
        const ids = [...new Set(all.map((f) => f.caseworkerId))];
        const ordered = ids
          .map((id) => [id, names.get(id) ?? id] as const)
          .sort((a, b) => a[1].localeCompare(b[1], 'da'));
        for (const [id, name] of ordered) {
          rows.push(
            row(
              id,
              name,
              all.filter((f) => f.caseworkerId === id),
            ),
          );
        }
        break;
      }
      case 'group': {
        for (const group of groups) {
          rows.push(
            row(
              group.id,
              group.name,
              all.filter((f) => f.groupId === group.id),
            ),
          );
        }
        rows.push(
          row(
            null,
            noGroupLabel[lang],
            all.filter((f) => f.groupId === null),
          ),
        );
        break;
      }
    }

    await appendAudit(trx, {
      municipalityId,
      userId: actor.userId,
      action: 'journey.listed',
      details: { criteria: { view: 'overview', ...criteria }, resultCount: all.length },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return {
      from: criteria.from,
      to: criteria.to,
      by: criteria.by,
      statusOn: at.asOfDay,
      passiveAfterDays: passiveDays,
      rows,
    };
  });
}

/**
 * A period as instants, and the moment its status figures are taken at: its end, or now while
 * it is still running (nothing after now is known, and a later moment would count days not yet
 * lived as passive days).
 */
function periodOf(criteria: OverviewCriteria, now: Date) {
  const start = startOfDanishDay(criteria.from);
  const end = startOfDanishDay(addDays(criteria.to, 1));
  const asOf = new Date(Math.min(end.getTime(), Math.max(now.getTime(), start.getTime())));
  return { start, end, asOf, asOfDay: danishDate(new Date(asOf.getTime() - 1)) };
}

/**
 * The risk rules valid on the day, whose passive threshold the figures use; a day before the
 * first risk rule set takes that first one.
 */
function riskRulesOn(ruleSets: readonly RuleSet[], day: string): RuleSet {
  const first = ruleSets
    .filter((r) => r.name === 'risk')
    .map((r) => r.validFrom)
    .sort()[0];
  return selectRuleSet(ruleSets, 'risk', first !== undefined && day < first ? first : day);
}

/**
 * Whether placement hours count as activity in [from, until). As the live risk state does, a
 * week's hours count at the end of the week, or when they were recorded if that came first
 * (hours logged during the week).
 */
function workedBetween(weeks: readonly OverviewWorkedWeek[], from: Date, until: Date): boolean {
  return weeks.some((w) => {
    const endOfWeek = startOfDanishDay(addDays(w.weekStart, 7)).getTime() - 1;
    const counted = Math.min(endOfWeek, w.recordedAt.getTime());
    return counted >= from.getTime() && counted < until.getTime();
  });
}

/** One row of figures. Each figure says which journeys it counts and as of when. */
function rowOf(id: string | null, label: string, facts: JourneyFacts[], at: OverviewMoments): OverviewRow {
  const inPeriod = (t: Date) => t >= at.start && t < at.end;

  // Distribution by visitation category (STAR: Den gode ungeindsats i jobcentrene (2017), s. 34, "fordeling på visitationskategorier"):
  // the journeys whose visitation was decided in the period, by the decided category. The
  // youth the unit took in, not the caseload: a youth outside the target group (always the
  // obviously education-ready) is redirected at the visitation itself and would otherwise never show.
  const visitated = facts.flatMap((f) => (f.visitationCategory ? [f.visitationCategory] : []));

  // First conversation (STAR: Den gode ungeindsats i jobcentrene (2017), s. 34: "første samtale for nye ... samme dag, inden for en
  // uge, inden for en måned"): the journeys whose first contact fell in the period, by the
  // Danish calendar days until the first conversation; "not yet" when none was held by the end.
  const contacted = facts.filter((f) => inPeriod(f.journey.firstContactAt));

  // In placement: of the journeys in intake, active or paused at the end of the period, those
  // then in a running placement (internship, wage subsidy or paid hours). A paused youth's
  // placement waits for them and still counts. The unit's own figure; the LAB offers are in
  // the key figures below.
  const inOfferAtEnd = facts.filter((f) => offerStages.has(f.stageAtEnd));

  // Without recent activity: of the journeys active at the end of the period (the passive rule
  // applies in the active stage only), those without recorded activity for the municipality's
  // passive threshold, as the risk rule `passive` counts it (docs/domain.md, "The rules"). Not
  // STAR's passivandel, which is about LAB offers: that is in the key figures.
  const activeAtEnd = facts.filter((f) => f.stageAtEnd === 'active');

  // Mentor contact: of the journeys in intake, active or paused at any moment of the period,
  // those with a recorded mentor contact in the period. A youth who had a mentor and exited
  // during the period still counts. STAR's share with a mentor (s. 35) counts mentor grants:
  // it is in the key figures.
  const inOfferDuring = facts.filter((f) => f.inOfferDuringPeriod);

  return {
    id,
    label,
    visitationCategories: countBy(categories, visitated),
    firstConversation: countBy(
      firstConversationBuckets,
      contacted.map((f) => bucketOf(f.journey, at.asOf)),
    ),
    passive: shareOf(activeAtEnd.filter((f) => f.passive).length, activeAtEnd.length),
    inPlacement: shareOf(inOfferAtEnd.filter((f) => f.journey.placedAtEnd).length, inOfferAtEnd.length),
    mentorContact: shareOf(inOfferDuring.filter((f) => f.journey.mentorContact).length, inOfferDuring.length),
    // Outcomes (STAR: Den gode ungeindsats i jobcentrene (2017), s. 33: results of the effort): the journeys that exited in the period.
    exitOutcomes: countBy(
      exitOutcomes,
      facts.flatMap((f) => (f.exitOutcome ? [f.exitOutcome] : [])),
    ),
    // Follow-up status: the 3, 6 and 12-month follow-ups that took place in the period.
    followUps: countBy(
      followUpStatuses,
      facts.flatMap((f) => f.followUps),
    ),
    // The key figures by STAR's and jobindsats.dk's definitions, over the journeys on benefit in
    // the period (overview.key-figures.ts).
    keyFigures: keyFiguresOf(facts.flatMap((f) => (f.benefit ? [f.benefit] : []))),
    // Progression (STAR: Den gode ungeindsats i jobcentrene (2017), s. 29): per factor, the journeys measured in the period, each by
    // its latest score in the period.
    progression: progressionFactors.map((factor) => averageOf(factor, facts)),
  };
}

/** Time from first contact to first conversation, counted in Danish calendar days. */
function bucketOf(journey: OverviewJourney, asOf: Date): FirstConversationBucket {
  const held = journey.firstConversationAt;
  if (held === null || held >= asOf) return 'notYet';
  const days = danishDayNumber(held) - danishDayNumber(journey.firstContactAt);
  if (days <= 0) return 'sameDay';
  if (days <= 7) return 'withinWeek';
  if (days <= 31) return 'withinMonth';
  return 'later';
}

/** The average of each journey's latest score for the factor in the period. */
function averageOf(factor: ProgressionFactor, facts: JourneyFacts[]): OverviewRow['progression'][number] {
  const scores = facts.flatMap((f) => {
    const score = f.journey.latestScores[factor];
    return score === null ? [] : [score];
  });
  const sum = scores.reduce((a, b) => a + b, 0);
  return {
    factor,
    numerator: sum,
    denominator: scores.length,
    average: scores.length === 0 ? null : round1(sum / scores.length),
  };
}

function countBy<K extends string>(keys: readonly K[], values: K[]): { total: number; counts: Record<K, number> } {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) counts[v] += 1;
  return { total: values.length, counts };
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
