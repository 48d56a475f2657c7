import { appendAudit } from '../audit/audit.repository.ts';
import type { YouthActor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { type Appointment, findAppointment, listAppointments, updateAppointment } from './appointment.repository.ts';
import { youthAudit } from '../audit/audit-as.ts';

/**
 * The youth's own appointments on their side (Mit forløb), and their afbud: they say before an
 * appointment begins that they cannot come, with a reason if they like. The appointment stays
 * planned with the afbud on it; the caseworker sees it on the appointment, "I dag" and the
 * youth's page, and moves or cancels it (which clears the afbud).
 */

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** How far ahead the youth's side lists appointments. */
const COMING_DAYS = 28;

/** The youth's planned appointments that have not ended, soonest first. */
export async function comingAppointmentsOfYouth(deps: Deps, youth: YouthActor): Promise<Appointment[]> {
  const now = deps.clock();
  const items = await listAppointments(
    deps.db,
    youth.municipalityId,
    {
      youthId: youth.youthId,
      from: new Date(now.getTime() - 24 * 3_600_000),
      to: new Date(now.getTime() + COMING_DAYS * 24 * 3_600_000),
    },
    100,
  );
  return items.filter(
    (a) => a.status === 'planned' && a.startsAt.getTime() + a.durationMinutes * 60_000 > now.getTime(),
  );
}

/** The youth's own appointment, locked, while an afbud can still be given or taken back. */
async function ownComing(trx: Deps['db'], youth: YouthActor, id: string, now: Date): Promise<Appointment> {
  const appointment = await findAppointment(trx, youth.municipalityId, id, { forUpdate: true });
  // Another youth's appointment is as unknown as one that does not exist.
  if (!appointment || appointment.youth.id !== youth.youthId) throw new DomainError('not_found');
  if (appointment.status !== 'planned') {
    throw invalidField('appointmentId', 'participation.afbud.appointmentRefusals.notPlanned');
  }
  if (appointment.startsAt <= now) throw invalidField('appointmentId', 'participation.afbud.appointmentRefusals.begun');
  return appointment;
}

export async function notifyAppointmentAbsence(
  deps: Deps,
  youth: YouthActor,
  id: string,
  input: { note?: string | null | undefined },
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const current = await ownComing(trx, youth, id, now);
    const notifiedAbsence = { at: now, note: input.note ?? null };
    if (!(await updateAppointment(trx, youth.municipalityId, id, current.version, { notifiedAbsence }, now))) {
      throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    }
    await appendAudit(
      trx,
      youthAudit(youth, 'appointment.absence_notified', {
        appointmentId: id,
        journeyId: current.journeyId,
        change: 'recorded',
      }),
    );
  });
}

export async function withdrawAppointmentAbsence(deps: Deps, youth: YouthActor, id: string): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const current = await ownComing(trx, youth, id, now);
    if (!current.notifiedAbsence) return;
    if (!(await updateAppointment(trx, youth.municipalityId, id, current.version, { notifiedAbsence: null }, now))) {
      throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    }
    await appendAudit(
      trx,
      youthAudit(youth, 'appointment.absence_notified', {
        appointmentId: id,
        journeyId: current.journeyId,
        change: 'withdrawn',
      }),
    );
  });
}
