import type { Db } from '../db/database.ts';

/** The youth's open journey, or the latest one when none is open. */
export async function findCurrentJourneyId(
  db: Db,
  municipalityId: string,
  youthId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('journey')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .orderBy('open', 'desc')
    .orderBy('first_contact_at', 'desc')
    .executeTakeFirst();
  return row?.id;
}

export interface NextAppointment {
  startsAt: Date;
  mode: 'in_person' | 'phone' | 'video';
  place: string | null;
  caseworkerName: string;
}

/** The youth's next planned appointment after `now`. */
export async function findNextAppointment(
  db: Db,
  municipalityId: string,
  youthId: string,
  now: Date,
): Promise<NextAppointment | null> {
  const row = await db
    .selectFrom('appointment')
    .innerJoin('app_user', 'app_user.id', 'appointment.caseworker_id')
    .select(['appointment.starts_at', 'appointment.mode', 'appointment.place', 'app_user.name'])
    .where('appointment.municipality_id', '=', municipalityId)
    .where('appointment.youth_id', '=', youthId)
    .where('appointment.status', '=', 'planned')
    .where('appointment.starts_at', '>', now)
    .orderBy('appointment.starts_at')
    .executeTakeFirst();
  return row ? { startsAt: row.starts_at, mode: row.mode, place: row.place, caseworkerName: row.name } : null;
}
