import { auditAs } from '../audit/audit-as.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor, YouthActor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { listJourneysOfYouth } from '../journeys/journey.repository.ts';
import { danishDate } from '../shared/clock.ts';
import { addDays, isoWeekday, mondayOf } from '../shared/days.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { findHoursReport, type HoursReport, listHoursReports, upsertHoursReport } from './hours-report.repository.ts';
import {
  findPlacement,
  listPlacementsOfJourney,
  listPlacementWeeks,
  type Placement,
  type PlacementWeek,
} from './placement.repository.ts';
import { writeHoursWorked } from './placement.service.ts';
import { youthAudit } from '../audit/audit-as.ts';
import { journeyAs } from '../shared/reads.ts';

/**
 * Hours the youth reports themselves (Mit forløb): a week's hours at their placement wait for the
 * caseworker, who confirms or corrects them; only then are they hours worked, which the risk
 * rules count (docs/decisions/0015-youth-actions.md). What the caseworker logs directly counts at
 * once, as before.
 */

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets' | 'riskRefresh'>;

/** How many weeks back, this week included, the youth can report: a month's memory is enough. */
export const REPORTABLE_WEEKS = 4;

/** The weeks the youth may report for a placement now, the latest first. */
function reportableWeeks(placement: Placement, now: Date): string[] {
  const thisWeek = mondayOf(danishDate(now));
  const weeks: string[] = [];
  for (let i = 0; i < REPORTABLE_WEEKS; i++) {
    const week = addDays(thisWeek, -7 * i);
    if (addDays(week, 6) < placement.startDate) break;
    if (placement.endedAt && week > danishDate(placement.endedAt)) continue;
    weeks.push(week);
  }
  return weeks;
}

/** The youth's placements in their open journey, the latest first. */
async function placementsOfYouth(db: Db, youth: YouthActor): Promise<Placement[]> {
  const journey = (await listJourneysOfYouth(db, youth.municipalityId, youth.youthId)).find((j) => j.open);
  if (!journey) return [];
  return (await listPlacementsOfJourney(db, youth.municipalityId, journey.id)).reverse();
}

export interface YouthWeek {
  weekStart: string;
  /** What the caseworker recorded or confirmed for the week. */
  worked: PlacementWeek | null;
  report: HoursReport | null;
  /** The youth may report (or report again) this week now. */
  reportable: boolean;
}

export interface YouthHours {
  placement: Placement | null;
  weeks: YouthWeek[];
}

/** The youth's placement now (or their latest in the open journey) with its weeks, the latest first. */
export async function hoursOfYouth(deps: Pick<AppDeps, 'db' | 'clock'>, youth: YouthActor): Promise<YouthHours> {
  const now = deps.clock();
  const placement = (await placementsOfYouth(deps.db, youth))[0];
  if (!placement) return { placement: null, weeks: [] };
  const worked = new Map(
    (await listPlacementWeeks(deps.db, youth.municipalityId, placement.id)).map((w) => [w.weekStart, w]),
  );
  const reports = new Map(
    (await listHoursReports(deps.db, youth.municipalityId, { placementId: placement.id })).map((r) => [r.weekStart, r]),
  );
  const reportable = new Set(reportableWeeks(placement, now));
  const days = [...new Set([...reportable, ...worked.keys(), ...reports.keys()])].sort().reverse();
  return {
    placement,
    weeks: days.map((weekStart) => ({
      weekStart,
      worked: worked.get(weekStart) ?? null,
      report: reports.get(weekStart) ?? null,
      reportable: reportable.has(weekStart) && !worked.has(weekStart),
    })),
  };
}

/**
 * The youth reports the hours they worked in one week at their placement, with a message if they
 * like. Refused for a week not begun, more than REPORTABLE_WEEKS back, outside the placement, or
 * already settled. A report waiting for the caseworker can be reported again.
 */
export async function reportHours(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  youth: YouthActor,
  input: { weekStart: string; hours: number; note?: string | null | undefined },
): Promise<HoursReport> {
  const now = deps.clock();
  const { weekStart, hours } = input;
  if (isoWeekday(weekStart) !== 1) throw invalidField('weekStart', 'placements.refusals.weekByMonday');
  if (weekStart > mondayOf(danishDate(now)))
    throw invalidField('weekStart', 'participation.hours.refusals.weekNotBegun');
  if (weekStart < addDays(mondayOf(danishDate(now)), -7 * (REPORTABLE_WEEKS - 1))) {
    throw invalidField('weekStart', 'participation.hours.refusals.weekTooOld', { weeks: REPORTABLE_WEEKS });
  }
  if (!Number.isFinite(hours) || hours < 0 || hours > 60) {
    throw invalidField('hours', 'participation.hours.refusals.hours');
  }
  return deps.db.transaction().execute(async (trx) => {
    const placement = (await placementsOfYouth(trx, youth)).find((p) => reportableWeeks(p, now).includes(weekStart));
    if (!placement) throw invalidField('weekStart', 'participation.hours.refusals.noPlacement');
    const worked = await listPlacementWeeks(trx, youth.municipalityId, placement.id);
    const rounded = Math.round(hours * 10) / 10;
    if (
      worked.some((w) => w.weekStart === weekStart) ||
      !(await upsertHoursReport(trx, {
        municipalityId: youth.municipalityId,
        placementId: placement.id,
        journeyId: placement.journeyId,
        youthId: youth.youthId,
        weekStart,
        hours: rounded,
        note: input.note ?? null,
        reportedAt: now,
      }))
    ) {
      throw invalidField('weekStart', 'participation.hours.refusals.alreadyConfirmed');
    }
    await appendAudit(
      trx,
      youthAudit(youth, 'placement.hours_reported', {
        journeyId: placement.journeyId,
        placementId: placement.id,
        weekStart,
        hours: rounded,
      }),
    );
    const [report] = await listHoursReports(trx, youth.municipalityId, { placementId: placement.id }).then((all) =>
      all.filter((r) => r.weekStart === weekStart),
    );
    if (!report) throw new Error(`The report of week ${weekStart} on placement ${placement.id} was not written`);
    return report;
  });
}

/** The reports of the journey's youth waiting for a caseworker, the latest week first. */
export async function waitingHoursReports(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  journeyIds: readonly string[],
): Promise<HoursReport[]> {
  return listHoursReports(deps.db, actor.municipalityId, { journeyIds, waiting: true });
}

/** Every week the journey's youth reported, waiting or decided, the latest week first; a read of the journey. */
export async function hoursReportsOfJourney(deps: Pick<AppDeps, 'db'>, actor: Actor, journeyId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const items = await listHoursReports(trx, actor.municipalityId, { journeyIds: [journeyId] });
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId, view: 'hours_reports' });
    return items;
  });
}

/**
 * The caseworker confirms a week the youth reported, as reported or with the hours corrected:
 * they become hours worked (source 'youth'), activity the risk rules count, in one transaction.
 */
export async function confirmHoursReport(
  deps: Deps,
  actor: Actor,
  reportId: string,
  input: { version: number; hours?: number | undefined },
): Promise<HoursReport> {
  return deps.db.transaction().execute(async (trx) => {
    const report = await findHoursReport(trx, actor.municipalityId, reportId);
    if (!report) throw new DomainError('not_found');
    if (report.status !== 'reported') throw invalidField('hours', 'participation.hours.staff.refusals.decided');
    if (report.version !== input.version) {
      throw new DomainError('version_conflict', { extra: { currentVersion: report.version } });
    }
    const placement = await findPlacement(trx, actor.municipalityId, report.placementId);
    if (!placement) throw new DomainError('not_found');
    const hours = input.hours ?? report.hours;
    await writeHoursWorked(trx, deps, actor, placement, { weekStart: report.weekStart, hours, source: 'youth' });
    await auditAs(trx, actor, 'placement.hours_confirmed', report.youthId, {
      journeyId: report.journeyId,
      placementId: report.placementId,
      reportId,
      weekStart: report.weekStart,
      reported: report.hours,
      confirmed: hours,
    });
    const settled = await findHoursReport(trx, actor.municipalityId, reportId);
    if (!settled) throw new DomainError('not_found');
    return settled;
  });
}

/** Confirms a report from the youth's page: refused, as not found, when it is not that youth's. */
export async function confirmHoursReportOfYouth(
  deps: Deps,
  actor: Actor,
  youthId: string,
  reportId: string,
  input: { version: number; hours?: number | undefined },
): Promise<HoursReport> {
  const report = await findHoursReport(deps.db, actor.municipalityId, reportId);
  if (!report || report.youthId !== youthId) throw new DomainError('not_found');
  return confirmHoursReport(deps, actor, reportId, input);
}
