import type { Selectable } from 'kysely';
import type { ConversationMode } from '../../machines/events.ts';
import type { Db } from '../db/database.ts';
import type { AppointmentKind, AppointmentStatus, CalendarFeedTable } from './appointment.tables.ts';

/** An appointment with the names a page or a calendar shows. */
export interface Appointment {
  id: string;
  youth: { id: string; name: string };
  journeyId: string;
  caseworker: { id: string; name: string };
  kind: AppointmentKind;
  mode: ConversationMode;
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  note: string | null;
  status: AppointmentStatus;
  heldAt: Date | null;
  /** The youth's afbud, given on their own side before it began: when, and their reason. */
  notifiedAbsence: NotifiedAbsence | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NotifiedAbsence {
  at: Date;
  note: string | null;
}

function selectAppointments(db: Db, municipalityId: string) {
  return db
    .selectFrom('appointment')
    .innerJoin('youth', 'youth.id', 'appointment.youth_id')
    .innerJoin('app_user', 'app_user.id', 'appointment.caseworker_id')
    .selectAll('appointment')
    .select(['youth.name as youth_name', 'app_user.name as caseworker_name'])
    .where('appointment.municipality_id', '=', municipalityId);
}

type AppointmentRow = Awaited<ReturnType<ReturnType<typeof selectAppointments>['executeTakeFirstOrThrow']>>;

function rowToAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    youth: { id: row.youth_id, name: row.youth_name },
    journeyId: row.journey_id,
    caseworker: { id: row.caseworker_id, name: row.caseworker_name },
    kind: row.kind,
    mode: row.mode,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    place: row.place,
    note: row.note,
    status: row.status,
    heldAt: row.held_at,
    notifiedAbsence: row.notified_absence_at ? { at: row.notified_absence_at, note: row.notified_absence_note } : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewAppointment {
  municipalityId: string;
  youthId: string;
  journeyId: string;
  caseworkerId: string;
  kind: AppointmentKind;
  mode: ConversationMode;
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  note: string | null;
  createdBy: string;
}

export async function insertAppointment(db: Db, appointment: NewAppointment, now: Date): Promise<string> {
  const row = await db
    .insertInto('appointment')
    .values({
      municipality_id: appointment.municipalityId,
      youth_id: appointment.youthId,
      journey_id: appointment.journeyId,
      caseworker_id: appointment.caseworkerId,
      kind: appointment.kind,
      mode: appointment.mode,
      starts_at: appointment.startsAt,
      duration_minutes: appointment.durationMinutes,
      place: appointment.place,
      note: appointment.note,
      created_by: appointment.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findAppointment(
  db: Db,
  municipalityId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Appointment | undefined> {
  let query = selectAppointments(db, municipalityId).where('appointment.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('appointment');
  const row = await query.executeTakeFirst();
  return row ? rowToAppointment(row) : undefined;
}

export interface AppointmentFilter {
  youthId?: string | undefined;
  caseworkerId?: string | undefined;
  /** Starting in [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
  statuses?: readonly AppointmentStatus[] | undefined;
}

/** Appointments in time order, at most `limit`. */
export async function listAppointments(
  db: Db,
  municipalityId: string,
  filter: AppointmentFilter,
  limit: number,
): Promise<Appointment[]> {
  let query = selectAppointments(db, municipalityId);
  if (filter.youthId) query = query.where('appointment.youth_id', '=', filter.youthId);
  if (filter.caseworkerId) query = query.where('appointment.caseworker_id', '=', filter.caseworkerId);
  if (filter.from) query = query.where('appointment.starts_at', '>=', filter.from);
  if (filter.to) query = query.where('appointment.starts_at', '<', filter.to);
  if (filter.statuses) query = query.where('appointment.status', 'in', filter.statuses);
  const rows = await query.orderBy('appointment.starts_at').orderBy('appointment.id').limit(limit).execute();
  return rows.map(rowToAppointment);
}

export interface AppointmentChanges {
  kind?: AppointmentKind;
  mode?: ConversationMode;
  startsAt?: Date;
  durationMinutes?: number;
  place?: string | null;
  note?: string | null;
  status?: AppointmentStatus;
  heldAt?: Date;
  notifiedAbsence?: NotifiedAbsence | null;
}

/** Applies the changes when the stored version is still `expectedVersion`; false otherwise. */
export async function updateAppointment(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  changes: AppointmentChanges,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('appointment')
    .set((eb) => ({
      ...(changes.kind !== undefined && { kind: changes.kind }),
      ...(changes.mode !== undefined && { mode: changes.mode }),
      ...(changes.startsAt !== undefined && { starts_at: changes.startsAt }),
      ...(changes.durationMinutes !== undefined && { duration_minutes: changes.durationMinutes }),
      ...(changes.place !== undefined && { place: changes.place }),
      ...(changes.note !== undefined && { note: changes.note }),
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.heldAt !== undefined && { held_at: changes.heldAt }),
      ...(changes.notifiedAbsence !== undefined && {
        notified_absence_at: changes.notifiedAbsence?.at ?? null,
        notified_absence_note: changes.notifiedAbsence?.note ?? null,
      }),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

// ---------------------------------------------------------------------------------------------
// Calendar feeds
// ---------------------------------------------------------------------------------------------

export interface CalendarFeed {
  userId: string;
  municipalityId: string;
  salt: string;
  createdAt: Date;
}

function feedRowToFeed(row: Selectable<CalendarFeedTable>): CalendarFeed {
  return { userId: row.user_id, municipalityId: row.municipality_id, salt: row.salt, createdAt: row.created_at };
}

export async function findCalendarFeedOfUser(
  db: Db,
  municipalityId: string,
  userId: string,
): Promise<CalendarFeed | undefined> {
  const row = await db
    .selectFrom('calendar_feed')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && feedRowToFeed(row);
}

/** The feed with this address, if its user is still active. */
export async function findCalendarFeedByHash(db: Db, tokenHash: string): Promise<CalendarFeed | undefined> {
  const row = await db
    .selectFrom('calendar_feed')
    .innerJoin('app_user', 'app_user.id', 'calendar_feed.user_id')
    .selectAll('calendar_feed')
    .where('calendar_feed.token_hash', '=', tokenHash)
    .where('app_user.active', '=', true)
    .executeTakeFirst();
  return row && feedRowToFeed(row);
}

/** Gives the user a feed with a new salt and address hash; the old address stops working. */
export async function replaceCalendarFeed(
  db: Db,
  feed: { userId: string; municipalityId: string; salt: string; tokenHash: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('calendar_feed')
    .values({
      user_id: feed.userId,
      municipality_id: feed.municipalityId,
      salt: feed.salt,
      token_hash: feed.tokenHash,
      created_at: now,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ salt: feed.salt, token_hash: feed.tokenHash, created_at: now }),
    )
    .execute();
}
