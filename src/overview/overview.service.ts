import {
  categories,
  type Category,
  exitOutcomes,
  type ExitOutcome,
  followUpStatuses,
  type FollowUpStatus,
} from '../../machines/events.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { progressionFactors, type ProgressionFactor } from '../progression/progression.factors.ts';
import { danishDayNumber, dayNumberOf, startOfDanishDay } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { noGroupLabel, wholeUnitLabel } from './overview.labels.ts';
import {
  listEvents,
  listFollowUpsRecorded,
  listGroups,
  listJourneysWithMentorContact,
  listMeasurements,
  listMembershipsAt,
  listOverviewJourneys,
  type OverviewJourney,
  type OverviewMeasurement,
} from './overview.repository.ts';
import {
  firstConversationBuckets,
  type FirstConversationBucket,
  type Overview,
  type OverviewGrouping,
  type OverviewRow,
  type OverviewShare,
} from './overview.schemas.ts';

/** A youth with no activity for this many days is passive (seed 004, p. 32). */
const PASSIVE_AFTER_DAYS = 14;
/** The stages in which a youth should be in an active offer (seed 004, p. 31: aktiveringsgrad). */
const OFFER_STAGES = new Set(['intake', 'active', 'paused']);

export interface OverviewCriteria {
  from: string;
  to: string;
  by: OverviewGrouping;
}

/** Everything the figures are computed from, per journey. */
interface JourneyFacts {
  journey: OverviewJourney;
  groupId: string | null;
  category: Category | null;
  exitOutcomes: ExitOutcome[];
  followUps: FollowUpStatus[];
  mentorContact: boolean;
  measurements: OverviewMeasurement[];
}

/**
 * The leader's key figures for a period (Danish days, both included), broken down by unit,
 * caseworker or network group (seed 004, pp. 30-35). Stage, placement and group membership
 * are taken as they stand at the end of the period where the data keeps their history
 * (group membership); stage and placement state are the journey's current ones.
 */
export async function readOverview(
  deps: AppDeps,
  actor: Actor,
  criteria: OverviewCriteria,
  lang: Lang = 'da',
): Promise<Overview> {
  if (criteria.from > criteria.to) {
    throw new DomainError('validation_failed', {
      fieldErrors: [
        {
          field: 'to',
          message: {
            da: 'Slutdatoen må ikke ligge før startdatoen.',
            en: 'The end date must not be before the start date.',
          },
        },
      ],
    });
  }
  const municipalityId = actor.municipalityId;
  const period = { start: startOfDanishDay(criteria.from), end: startOfDanishDay(nextDay(criteria.to)) };

  return deps.db.transaction().execute(async (trx) => {
    const journeys = await listOverviewJourneys(trx, municipalityId, period.end);
    const memberships = await listMembershipsAt(trx, municipalityId, period.end);
    const groups = await listGroups(trx, municipalityId);
    const visitations = await listEvents(trx, municipalityId, 'VISITATION_DECIDED', { end: period.end });
    const exits = await listEvents(trx, municipalityId, 'EXITED', period);
    const mentored = new Set(await listJourneysWithMentorContact(trx, municipalityId, period));
    const followUps = await listFollowUpsRecorded(trx, municipalityId, period);
    const measurements = await listMeasurements(trx, municipalityId, criteria.from, criteria.to);

    const facts = new Map<string, JourneyFacts>(
      journeys.map((journey) => [
        journey.id,
        {
          journey,
          groupId: null,
          category: null,
          exitOutcomes: [],
          followUps: [],
          mentorContact: mentored.has(journey.id),
          measurements: [],
        },
      ]),
    );
    // Memberships come oldest first, so the latest joined group wins.
    for (const m of memberships) {
      const f = facts.get(m.journeyId);
      if (f) f.groupId = m.groupId;
    }
    // Events come in order, so the latest visitation decision wins.
    for (const e of visitations) {
      const f = facts.get(e.journeyId);
      const category = e.payload['category'];
      if (f && isOneOf(categories, category)) f.category = category;
    }
    for (const e of exits) {
      const outcome = e.payload['outcome'];
      if (isOneOf(exitOutcomes, outcome)) facts.get(e.journeyId)?.exitOutcomes.push(outcome);
    }
    for (const fu of followUps) {
      if (isOneOf(followUpStatuses, fu.status)) facts.get(fu.journeyId)?.followUps.push(fu.status);
    }
    for (const m of measurements) facts.get(m.journeyId)?.measurements.push(m);

    const all = [...facts.values()];
    const rows: OverviewRow[] = [];
    switch (criteria.by) {
      case 'unit':
        rows.push(rowOf(null, wholeUnitLabel[lang], all, criteria, period));
        break;
      case 'caseworker': {
        const names = new Map(all.map((f) => [f.journey.caseworkerId, f.journey.caseworkerName]));
        const ordered = [...names].sort((a, b) => a[1].localeCompare(b[1], 'da'));
        for (const [id, name] of ordered) {
          rows.push(
            rowOf(
              id,
              name,
              all.filter((f) => f.journey.caseworkerId === id),
              criteria,
              period,
            ),
          );
        }
        break;
      }
      case 'group': {
        for (const group of groups) {
          rows.push(
            rowOf(
              group.id,
              group.name,
              all.filter((f) => f.groupId === group.id),
              criteria,
              period,
            ),
          );
        }
        rows.push(
          rowOf(
            null,
            noGroupLabel[lang],
            all.filter((f) => f.groupId === null),
            criteria,
            period,
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
    return { from: criteria.from, to: criteria.to, by: criteria.by, rows };
  });
}

function rowOf(
  id: string | null,
  label: string,
  facts: JourneyFacts[],
  criteria: OverviewCriteria,
  period: { start: Date; end: Date },
): OverviewRow {
  const inPeriod = (at: Date | null) => at !== null && at >= period.start && at < period.end;
  const endDay = dayNumberOf(criteria.to);

  const visitated = facts.filter((f) => inPeriod(f.journey.visitationAt) && f.category !== null);
  const contacted = facts.filter((f) => inPeriod(f.journey.firstContactAt));
  const openAtEnd = facts.filter((f) => f.journey.open && OFFER_STAGES.has(f.journey.stage));
  const active = facts.filter((f) => f.journey.open && f.journey.stage === 'active');

  const lastSign = (j: OverviewJourney): Date | null => {
    const times = [j.lastActivityAt, j.groupJoinedAt].filter((t): t is Date => t !== null && t < period.end);
    return times.length === 0 ? null : new Date(Math.max(...times.map((t) => t.getTime())));
  };
  const isPassive = (f: JourneyFacts) => {
    const last = lastSign(f.journey);
    return last === null || endDay - danishDayNumber(last) >= PASSIVE_AFTER_DAYS;
  };

  return {
    id,
    label,
    visitationCategories: countBy(
      categories,
      visitated.map((f) => f.category as Category),
    ),
    firstConversation: countBy(
      firstConversationBuckets,
      contacted.map((f) => bucketOf(f.journey, period.end)),
    ),
    activeOffer: shareOf(openAtEnd.filter((f) => f.groupId !== null || f.journey.placed).length, openAtEnd.length),
    passive: shareOf(active.filter(isPassive).length, active.length),
    inPlacement: shareOf(openAtEnd.filter((f) => f.journey.placed).length, openAtEnd.length),
    mentorContact: shareOf(openAtEnd.filter((f) => f.mentorContact).length, openAtEnd.length),
    exitOutcomes: countBy(
      exitOutcomes,
      facts.flatMap((f) => f.exitOutcomes),
    ),
    followUps: countBy(
      followUpStatuses,
      facts.flatMap((f) => f.followUps),
    ),
    progression: progressionFactors.map((factor) => averageOf(factor, facts)),
  };
}

/** Time from first contact to first conversation, counted in Danish calendar days. */
function bucketOf(journey: OverviewJourney, end: Date): FirstConversationBucket {
  const held = journey.firstConversationAt;
  if (held === null || held >= end) return 'notYet';
  const days = danishDayNumber(held) - danishDayNumber(journey.firstContactAt);
  if (days <= 0) return 'sameDay';
  if (days <= 7) return 'withinWeek';
  if (days <= 31) return 'withinMonth';
  return 'later';
}

/** The average of each journey's latest score for the factor in the period. */
function averageOf(factor: ProgressionFactor, facts: JourneyFacts[]): OverviewRow['progression'][number] {
  let sum = 0;
  let count = 0;
  for (const f of facts) {
    // Measurements come oldest first; the latest with a score for this factor counts.
    const latest = f.measurements.filter((m) => m[factor] !== null).at(-1);
    if (latest) {
      sum += latest[factor] ?? 0;
      count += 1;
    }
  }
  return { factor, numerator: sum, denominator: count, average: count === 0 ? null : round1(sum / count) };
}

function countBy<K extends string>(keys: readonly K[], values: K[]): { total: number; counts: Record<K, number> } {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) counts[v] += 1;
  return { total: values.length, counts };
}

function shareOf(numerator: number, denominator: number): OverviewShare {
  return { numerator, denominator, percent: denominator === 0 ? null : round1((100 * numerator) / denominator) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
