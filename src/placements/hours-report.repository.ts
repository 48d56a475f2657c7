import type { Db } from '../db/database.ts';
import type { HoursReportStatus } from './placement.tables.ts';

/** Hours the youth reported for one week of a placement (docs/decisions/0015-youth-actions.md). */
export interface HoursReport {
  id: string;
  placementId: string;
  journeyId: string;
  youthId: string;
  company: { id: string; name: string };
  weekStart: string;
  hours: number;
  note: string | null;
  reportedAt: Date;
  status: HoursReportStatus;
  /** The hours the caseworker confirmed (as reported, or corrected); null while waiting. */
  confirmedHours: number | null;
  decidedAt: Date | null;
  version: number;
}

function selectReports(db: Db, municipalityId: string) {
  return db
    .selectFrom('hours_report')
    .innerJoin('placement', 'placement.id', 'hours_report.placement_id')
    .innerJoin('company', 'company.id', 'placement.company_id')
    .selectAll('hours_report')
    .select(['company.id as company_id', 'company.name as company_name'])
    .where('hours_report.municipality_id', '=', municipalityId);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>>;

function rowToReport(r: ReportRow): HoursReport {
  return {
    id: r.id,
    placementId: r.placement_id,
    journeyId: r.journey_id,
    youthId: r.youth_id,
    company: { id: r.company_id, name: r.company_name },
    weekStart: r.week_start,
    hours: Number(r.hours),
    note: r.note,
    reportedAt: r.reported_at,
    status: r.status,
    confirmedHours: r.confirmed_hours === null ? null : Number(r.confirmed_hours),
    decidedAt: r.decided_at,
    version: r.version,
  };
}

/**
 * The youth's report of one week, replacing one still waiting; a week already settled is left as
 * it is. Returns false when it was (the caller refuses).
 */
export async function upsertHoursReport(
  db: Db,
  report: {
    municipalityId: string;
    placementId: string;
    journeyId: string;
    youthId: string;
    weekStart: string;
    hours: number;
    note: string | null;
    reportedAt: Date;
  },
): Promise<boolean> {
  const row = await db
    .insertInto('hours_report')
    .values({
      municipality_id: report.municipalityId,
      placement_id: report.placementId,
      journey_id: report.journeyId,
      youth_id: report.youthId,
      week_start: report.weekStart,
      hours: report.hours,
      note: report.note,
      reported_at: report.reportedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['placement_id', 'week_start'])
        .doUpdateSet((eb) => ({
          hours: report.hours,
          note: report.note,
          reported_at: report.reportedAt,
          version: eb('hours_report.version', '+', 1),
        }))
        .where('hours_report.status', '=', 'reported'),
    )
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Settles the week's waiting report, if there is one: confirmed as reported, or corrected. */
export async function settleHoursReport(
  db: Db,
  municipalityId: string,
  placementId: string,
  weekStart: string,
  decision: { hours: number; by: string; at: Date },
): Promise<void> {
  await db
    .updateTable('hours_report')
    .set((eb) => ({
      status: eb
        .case()
        .when('hours', '=', String(decision.hours))
        .then('confirmed' as const)
        .else('corrected' as const)
        .end(),
      confirmed_hours: decision.hours,
      decided_by: decision.by,
      decided_at: decision.at,
      version: eb('version', '+', 1),
    }))
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', '=', placementId)
    .where('week_start', '=', weekStart)
    .where('status', '=', 'reported')
    .execute();
}

export async function findHoursReport(db: Db, municipalityId: string, id: string): Promise<HoursReport | undefined> {
  const row = await selectReports(db, municipalityId).where('hours_report.id', '=', id).executeTakeFirst();
  return row ? rowToReport(row) : undefined;
}

/** A journey's reports, the latest week first; only those waiting with `waiting`. */
export async function listHoursReports(
  db: Db,
  municipalityId: string,
  filter: { journeyIds?: readonly string[]; placementId?: string; waiting?: boolean },
): Promise<HoursReport[]> {
  let query = selectReports(db, municipalityId);
  if (filter.journeyIds) {
    if (filter.journeyIds.length === 0) return [];
    query = query.where('hours_report.journey_id', 'in', filter.journeyIds);
  }
  if (filter.placementId) query = query.where('hours_report.placement_id', '=', filter.placementId);
  if (filter.waiting) query = query.where('hours_report.status', '=', 'reported');
  const rows = await query.orderBy('hours_report.week_start', 'desc').limit(200).execute();
  return rows.map(rowToReport);
}
