import { recordActivity } from '../activities/activity.service.ts';
import { auditAs } from '../audit/audit-as.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { listJourneysOfYouth } from '../journeys/journey.repository.ts';
import { journeyAccepts, recordEvents } from '../journeys/journey.service.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { findUser } from '../users/users.repository.ts';
import {
  type Appointment,
  type AppointmentChanges,
  type AppointmentFilter,
  findAppointment,
  insertAppointment,
  listAppointments,
  updateAppointment,
} from './appointment.repository.ts';
import type { BookAppointmentInput, ChangeAppointmentInput } from './appointment.schemas.ts';
import { journeyAs, readingAs, youthAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets' | 'journeyEffects'>;

/** The most appointments one list returns; a caseworker's weeks hold far fewer. */
const LIST_LIMIT = 500;

/** A meeting in person happens somewhere: the place is asked for then, and only then kept. */
function placeFor(mode: Appointment['mode'], place: string | null | undefined): string | null {
  if (mode !== 'in_person') return null;
  if (!place) throw invalidField('place', 'appointments.refusals.placeRequired');
  return place;
}

/** Who holds an appointment: the one named (an active caseworker or leader), or the booker. */
async function holderOf(db: Db, actor: Actor, caseworkerId: string | undefined, journeyCaseworker: string) {
  const id = caseworkerId ?? (actor.role === 'caseworker' ? actor.userId : journeyCaseworker);
  const user = await findUser(db, actor.municipalityId, id);
  if (!user || !user.active || (user.role !== 'caseworker' && user.role !== 'leader')) {
    throw invalidField('caseworkerId', 'appointments.refusals.unknownCaseworker');
  }
  return id;
}

/**
 * Books an appointment with a youth in their open journey: a time to come, in person at a place,
 * by phone or by video. It shows on the holder's "I dag", on the youth's page and in the holder's
 * calendar feed.
 */
export async function bookAppointment(
  deps: Deps,
  actor: Actor,
  youthId: string,
  input: BookAppointmentInput,
): Promise<Appointment> {
  const now = deps.clock();
  const startsAt = new Date(input.startsAt);
  if (startsAt < now) throw invalidField('startsAt', 'appointments.refusals.inThePast');
  const place = placeFor(input.mode, input.place);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await youthAs(trx, actor, youthId))) throw new DomainError('not_found');
    const journey = (await listJourneysOfYouth(trx, actor.municipalityId, youthId)).find((j) => j.open);
    if (!journey) throw invalidField('startsAt', 'appointments.refusals.noOpenJourney');
    const caseworkerId = await holderOf(trx, actor, input.caseworkerId, journey.caseworkerId);
    const id = await insertAppointment(
      trx,
      {
        municipalityId: actor.municipalityId,
        youthId,
        journeyId: journey.id,
        caseworkerId,
        kind: input.kind,
        mode: input.mode,
        startsAt,
        durationMinutes: input.durationMinutes,
        place,
        note: input.note ?? null,
        createdBy: actor.userId,
      },
      now,
    );
    // What was booked and when, never the note.
    await auditAs(trx, actor, 'appointment.booked', youthId, {
      appointmentId: id,
      journeyId: journey.id,
      kind: input.kind,
      mode: input.mode,
      startsAt: startsAt.toISOString(),
    });
    return readInTransaction(trx, actor, id);
  });
}

async function readInTransaction(db: Db, actor: Actor, id: string): Promise<Appointment> {
  const appointment = await findAppointment(db, actor.municipalityId, id);
  if (!appointment) throw new DomainError('not_found');
  return appointment;
}

export async function readAppointment(deps: Deps, actor: Actor, id: string): Promise<Appointment> {
  return deps.db.transaction().execute(async (trx) => {
    const appointment = await readInTransaction(trx, actor, id);
    await auditAs(trx, actor, 'youth.read', appointment.youth.id, { via: 'appointment', appointmentId: id });
    return appointment;
  });
}

const versionConflict = (current: Appointment) =>
  new DomainError('version_conflict', { extra: { currentVersion: current.version } });

/** A planned appointment to change or hold, at the version the form was made against. */
async function plannedAt(trx: Db, actor: Actor, id: string, version: number): Promise<Appointment> {
  const current = await findAppointment(trx, actor.municipalityId, id, { forUpdate: true });
  if (!current) throw new DomainError('not_found');
  if (current.version !== version) throw versionConflict(current);
  return current;
}

/**
 * Moves, changes, cancels or books again a planned or cancelled appointment. A held appointment is
 * the conversation it became and stays as it was.
 */
export async function changeAppointment(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ChangeAppointmentInput,
): Promise<Appointment> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const current = await plannedAt(trx, actor, id, input.version);
    if (current.status === 'held') throw invalidField('status', 'appointments.refusals.alreadyHeld');
    const changes: AppointmentChanges = {};
    const startsAt = input.startsAt !== undefined ? new Date(input.startsAt) : undefined;
    if (startsAt && startsAt.getTime() !== current.startsAt.getTime()) {
      if (startsAt < now) throw invalidField('startsAt', 'appointments.refusals.inThePast');
      changes.startsAt = startsAt;
    }
    if (input.kind !== undefined && input.kind !== current.kind) changes.kind = input.kind;
    if (input.mode !== undefined && input.mode !== current.mode) changes.mode = input.mode;
    if (input.durationMinutes !== undefined && input.durationMinutes !== current.durationMinutes) {
      changes.durationMinutes = input.durationMinutes;
    }
    const mode = changes.mode ?? current.mode;
    const place = placeFor(mode, input.place !== undefined ? input.place : current.place);
    if (place !== current.place) changes.place = place;
    if (input.note !== undefined && input.note !== current.note) changes.note = input.note;
    if (input.status !== undefined && input.status !== current.status) changes.status = input.status;
    if (changes.status === 'planned' && (changes.startsAt ?? current.startsAt) < now) {
      throw invalidField('startsAt', 'appointments.refusals.inThePast');
    }
    // The youth's afbud was for the time it had: moved or booked again, it is a new appointment to them.
    if (current.notifiedAbsence && (changes.startsAt || changes.status === 'planned')) changes.notifiedAbsence = null;
    if (!(await updateAppointment(trx, actor.municipalityId, id, input.version, changes, now))) {
      throw versionConflict(current);
    }
    const change =
      changes.status === 'cancelled'
        ? 'cancelled'
        : changes.status === 'planned'
          ? 'booked_again'
          : changes.startsAt
            ? 'moved'
            : 'updated';
    await auditAs(trx, actor, 'appointment.changed', current.youth.id, {
      appointmentId: id,
      change,
      fields: Object.keys(changes),
      ...(changes.startsAt ? { from: current.startsAt.toISOString(), to: changes.startsAt.toISOString() } : {}),
    });
    return readInTransaction(trx, actor, id);
  });
}

/**
 * Records a held appointment as what it was, in one step and one transaction: while the journey
 * waits for its first conversation, a conversation is that first conversation (the journey event
 * FIRST_CONVERSATION_HELD, with the appointment's mode); otherwise a conversation is recorded as
 * an individual conversation (a job conversation counts towards LAB § 31 stk. 3 in every mode)
 * and another meeting as other contact. Either moves the journey's last activity and the
 * contact course, so the risk rules count it. The appointment is marked held in the same
 * transaction, at the version the caseworker saw: both happen or neither does.
 */
export async function holdAppointment(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; note?: string | null | undefined },
): Promise<Appointment> {
  const now = deps.clock();
  const appointment = await findAppointment(deps.db, actor.municipalityId, id);
  if (!appointment) throw new DomainError('not_found');
  if (appointment.version !== input.version) throw versionConflict(appointment);
  if (appointment.status !== 'planned') throw invalidField('status', 'appointments.refusals.notPlanned');
  if (appointment.startsAt > now) throw invalidField('startsAt', 'appointments.refusals.notBegun');
  const journey = await journeyAs(deps.db, actor, appointment.journeyId);
  if (!journey) throw new DomainError('not_found');

  const markHeld = async (trx: Db) => {
    const current = await plannedAt(trx, actor, id, input.version);
    if (current.status !== 'planned') throw invalidField('status', 'appointments.refusals.notPlanned');
    if (
      !(await updateAppointment(trx, actor.municipalityId, id, input.version, { status: 'held', heldAt: now }, now))
    ) {
      throw versionConflict(current);
    }
    await auditAs(trx, actor, 'appointment.held', appointment.youth.id, {
      appointmentId: id,
      journeyId: journey.id,
    });
  };
  const occurredAt = appointment.startsAt.toISOString();
  const conversation = appointment.kind !== 'other_meeting';
  if (conversation && journeyAccepts(journey, 'FIRST_CONVERSATION_HELD')) {
    await recordEvents(
      deps,
      actor,
      journey.id,
      journey.version,
      [{ type: 'FIRST_CONVERSATION_HELD', mode: appointment.mode, occurredAt }],
      { alongside: markHeld },
    );
  } else {
    const note = input.note ?? appointment.note ?? undefined;
    await recordActivity(
      deps,
      actor,
      journey.id,
      conversation
        ? {
            kind: 'conversation',
            conversationKind: 'individual',
            mode: appointment.mode,
            jobConversation: appointment.kind === 'job_conversation',
            occurredAt,
            note,
          }
        : { kind: 'other_contact', occurredAt, note },
      { alongside: markHeld },
    );
  }
  return readInTransaction(deps.db, actor, id);
}

/** A youth's appointments, newest last; audited as a read of the youth. */
export async function appointmentsOfYouth(
  deps: Deps,
  actor: Actor,
  youthId: string,
  range: { from?: Date | undefined; to?: Date | undefined } = {},
): Promise<Appointment[]> {
  return readingAs(deps.db, actor, async (trx) => {
    if (!(await youthAs(trx, actor, youthId))) throw new DomainError('not_found');
    const items = await listAppointments(trx, actor.municipalityId, { youthId, ...range }, LIST_LIMIT);
    await auditAs(trx, actor, 'youth.read', youthId, { via: 'appointments', count: items.length });
    return items;
  });
}

/** Appointments by holder and period; each youth shown is audited as read. */
export async function findAppointments(deps: Deps, actor: Actor, filter: AppointmentFilter): Promise<Appointment[]> {
  return deps.db.transaction().execute(async (trx) => {
    const items = await listAppointments(trx, actor.municipalityId, filter, LIST_LIMIT);
    for (const youthId of new Set(items.map((a) => a.youth.id))) {
      await auditAs(trx, actor, 'youth.read', youthId, { via: 'appointments' });
    }
    return items;
  });
}
