import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { CompanyRef } from './company.repository.ts';
import type { CompanyMeetingTable } from './company.tables.ts';

/** A meeting of the company network. */
export interface CompanyMeeting {
  id: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  place: string;
  note: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function meetingRowToMeeting(row: Selectable<CompanyMeetingTable>): CompanyMeeting {
  return {
    id: row.id,
    date: row.held_on,
    place: row.place,
    note: row.note,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertMeeting(
  db: Db,
  municipalityId: string,
  meeting: { date: string; place: string; note: string | null; createdBy: string },
): Promise<CompanyMeeting> {
  const row = await db
    .insertInto('company_meeting')
    .values({
      municipality_id: municipalityId,
      held_on: meeting.date,
      place: meeting.place,
      note: meeting.note,
      created_by: meeting.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return meetingRowToMeeting(row);
}

/** A meeting by id, optionally locked for the rest of the transaction. */
export async function findMeeting(
  db: Db,
  municipalityId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CompanyMeeting | undefined> {
  let query = db
    .selectFrom('company_meeting')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? meetingRowToMeeting(row) : undefined;
}

export interface MeetingFilter {
  from?: string | undefined;
  to?: string | undefined;
  /** Only the meetings this company attended. */
  companyId?: string | undefined;
}

export async function listMeetings(
  db: Db,
  municipalityId: string,
  filter: MeetingFilter,
  page: { limit: number; offset: number },
): Promise<{ items: Array<CompanyMeeting & { attendeeCount: number }>; total: number }> {
  let query = db.selectFrom('company_meeting').where('company_meeting.municipality_id', '=', municipalityId);
  if (filter.from) query = query.where('company_meeting.held_on', '>=', filter.from);
  if (filter.to) query = query.where('company_meeting.held_on', '<=', filter.to);
  const companyId = filter.companyId;
  if (companyId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('company_meeting_attendance')
          .select('company_meeting_attendance.meeting_id')
          .whereRef('company_meeting_attendance.meeting_id', '=', 'company_meeting.id')
          .where('company_meeting_attendance.company_id', '=', companyId),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('company_meeting')
      .select((eb) =>
        eb
          .selectFrom('company_meeting_attendance')
          .select((inner) => inner.fn.countAll<string>().as('n'))
          .whereRef('company_meeting_attendance.meeting_id', '=', 'company_meeting.id')
          .as('attendee_count'),
      )
      .orderBy('company_meeting.held_on', 'desc')
      .orderBy('company_meeting.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({ ...meetingRowToMeeting(row), attendeeCount: Number(row.attendee_count ?? 0) })),
    total: Number(count.total),
  };
}

/** The companies that attended, by name. */
export async function meetingAttendees(db: Db, municipalityId: string, meetingId: string): Promise<CompanyRef[]> {
  return db
    .selectFrom('company_meeting_attendance')
    .innerJoin('company', 'company.id', 'company_meeting_attendance.company_id')
    .select(['company.id', 'company.name'])
    .where('company_meeting_attendance.municipality_id', '=', municipalityId)
    .where('company_meeting_attendance.meeting_id', '=', meetingId)
    .orderBy('company.name')
    .orderBy('company.id')
    .execute();
}

/** Makes the attendance exactly `companyIds`. */
export async function replaceAttendance(
  db: Db,
  municipalityId: string,
  meetingId: string,
  companyIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('company_meeting_attendance')
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', '=', meetingId)
    .execute();
  if (companyIds.length === 0) return;
  await db
    .insertInto('company_meeting_attendance')
    .values(
      companyIds.map((companyId) => ({
        municipality_id: municipalityId,
        meeting_id: meetingId,
        company_id: companyId,
      })),
    )
    .execute();
}

/** Moves the meeting to its next version when it is still at `expectedVersion`; undefined otherwise. */
export async function bumpMeeting(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  now: Date,
): Promise<CompanyMeeting | undefined> {
  const row = await db
    .updateTable('company_meeting')
    .set({ version: expectedVersion + 1, updated_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? meetingRowToMeeting(row) : undefined;
}
