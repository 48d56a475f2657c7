import type { FollowUpMonth, FollowUpStatus } from '../../machines/events.ts';
import type { Db } from '../db/database.ts';

export interface FollowUp {
  id: string;
  journeyId: string;
  month: FollowUpMonth;
  dueOn: string;
  status: FollowUpStatus | null;
  recordedAt: Date | null;
  recordedBy: string | null;
}

export interface DueFollowUp {
  id: string;
  journeyId: string;
  youth: { id: string; name: string };
  caseworker: { id: string; name: string };
  month: FollowUpMonth;
  dueOn: string;
}

export async function insertFollowUps(
  db: Db,
  rows: ReadonlyArray<{
    municipalityId: string;
    journeyId: string;
    youthId: string;
    month: FollowUpMonth;
    dueOn: string;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('follow_up')
    .values(
      rows.map((r) => ({
        municipality_id: r.municipalityId,
        journey_id: r.journeyId,
        youth_id: r.youthId,
        month: r.month,
        due_on: r.dueOn,
      })),
    )
    .execute();
}

/** Records the status on the journey's follow-up for that month. False when there is none. */
export async function recordFollowUpStatus(
  db: Db,
  municipalityId: string,
  journeyId: string,
  month: FollowUpMonth,
  result: { status: FollowUpStatus; recordedAt: Date; recordedBy: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('follow_up')
    .set({ status: result.status, recorded_at: result.recordedAt, recorded_by: result.recordedBy })
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .where('month', '=', month)
    .where('status', 'is', null)
    .executeTakeFirst();
  return updated.numUpdatedRows === 1n;
}

/** Drops the follow-ups not yet recorded: the journey closed before they fell due. */
export async function dropPendingFollowUps(db: Db, municipalityId: string, journeyId: string): Promise<void> {
  await db
    .deleteFrom('follow_up')
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .where('status', 'is', null)
    .execute();
}

export async function listFollowUpsOfJourney(db: Db, municipalityId: string, journeyId: string): Promise<FollowUp[]> {
  const rows = await db
    .selectFrom('follow_up')
    .select(['id', 'journey_id', 'month', 'due_on', 'status', 'recorded_at', 'recorded_by'])
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .orderBy('month')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    journeyId: r.journey_id,
    month: r.month,
    dueOn: r.due_on,
    status: r.status,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }));
}

export interface DueFilter {
  /** overdue: due before `today`; upcoming: due on or after it; neither: every pending one. */
  due?: 'overdue' | 'upcoming' | undefined;
  today: string;
  caseworkerId?: string | undefined;
}

/** Follow-ups not yet recorded on open journeys, soonest due first. */
export async function listPendingFollowUps(
  db: Db,
  municipalityId: string,
  filter: DueFilter,
  page: { limit: number; offset: number },
): Promise<{ items: DueFollowUp[]; total: number }> {
  let query = db
    .selectFrom('follow_up')
    .innerJoin('journey', 'journey.id', 'follow_up.journey_id')
    .innerJoin('youth', 'youth.id', 'follow_up.youth_id')
    .innerJoin('app_user', 'app_user.id', 'journey.caseworker_id')
    .where('follow_up.municipality_id', '=', municipalityId)
    .where('follow_up.status', 'is', null)
    .where('journey.open', '=', true);
  if (filter.due === 'overdue') query = query.where('follow_up.due_on', '<', filter.today);
  if (filter.due === 'upcoming') query = query.where('follow_up.due_on', '>=', filter.today);
  if (filter.caseworkerId) query = query.where('journey.caseworker_id', '=', filter.caseworkerId);
  const rows = await query
    .select([
      'follow_up.id',
      'follow_up.journey_id',
      'follow_up.youth_id',
      'youth.name as youth_name',
      'journey.caseworker_id',
      'app_user.name as caseworker_name',
      'follow_up.month',
      'follow_up.due_on',
    ])
    .orderBy('follow_up.due_on')
    .orderBy('youth.name')
    .orderBy('follow_up.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({
      id: r.id,
      journeyId: r.journey_id,
      youth: { id: r.youth_id, name: r.youth_name },
      caseworker: { id: r.caseworker_id, name: r.caseworker_name },
      month: r.month,
      dueOn: r.due_on,
    })),
    total: Number(count.total),
  };
}
