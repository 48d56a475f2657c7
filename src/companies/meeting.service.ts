import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { DomainError } from '../shared/errors.ts';
import type { CompanyRef } from './company.repository.ts';
import { auditCompanyNetwork, requireCompanies } from './company.service.ts';
import {
  bumpMeeting,
  type CompanyMeeting,
  findMeeting,
  insertMeeting,
  listMeetings,
  meetingAttendees,
  type MeetingFilter,
  replaceAttendance,
} from './meeting.repository.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export interface MeetingDetail {
  meeting: CompanyMeeting;
  attendees: CompanyRef[];
}

/** Records a company network meeting (NExTWORK: Vejen til uddannelse går gennem job! (2018): the companies meet 5-6 times a year). */
export async function recordMeeting(
  deps: Deps,
  actor: Actor,
  input: { date: string; place: string; note: string | null | undefined; companyIds: readonly string[] },
): Promise<MeetingDetail> {
  return deps.db.transaction().execute(async (trx) => {
    await requireCompanies(trx, actor, input.companyIds, 'companyIds');
    const meeting = await insertMeeting(trx, actor.municipalityId, {
      date: input.date,
      place: input.place,
      note: input.note ?? null,
      createdBy: actor.userId,
    });
    await replaceAttendance(trx, actor.municipalityId, meeting.id, input.companyIds);
    await auditCompanyNetwork(trx, actor, 'company.meeting_recorded', {
      meetingId: meeting.id,
      change: 'created',
      date: meeting.date,
      companyIds: input.companyIds,
    });
    return { meeting, attendees: await meetingAttendees(trx, actor.municipalityId, meeting.id) };
  });
}

export async function findMeetings(
  deps: Deps,
  actor: Actor,
  criteria: MeetingFilter & { page: number; pageSize: number },
) {
  return listMeetings(
    deps.db,
    actor.municipalityId,
    { from: criteria.from, to: criteria.to, companyId: criteria.companyId },
    { limit: criteria.pageSize, offset: (criteria.page - 1) * criteria.pageSize },
  );
}

export async function readMeeting(deps: Deps, actor: Actor, id: string): Promise<MeetingDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const meeting = await findMeeting(trx, actor.municipalityId, id);
    if (!meeting) throw new DomainError('not_found');
    return { meeting, attendees: await meetingAttendees(trx, actor.municipalityId, id) };
  });
}

/** Replaces who attended the meeting with exactly the companies named. */
export async function setAttendance(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { companyIds: readonly string[]; version?: number | undefined },
): Promise<MeetingDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await findMeeting(trx, actor.municipalityId, id, { forUpdate: true });
    if (!current) throw new DomainError('not_found');
    if (input.version !== undefined && input.version !== current.version) {
      throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    }
    await requireCompanies(trx, actor, input.companyIds, 'companyIds');
    const before = new Set((await meetingAttendees(trx, actor.municipalityId, id)).map((c) => c.id));
    await replaceAttendance(trx, actor.municipalityId, id, input.companyIds);
    const meeting = await bumpMeeting(trx, actor.municipalityId, id, current.version, deps.clock());
    if (!meeting) throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    await auditCompanyNetwork(trx, actor, 'company.meeting_recorded', {
      meetingId: id,
      change: 'attendance',
      companyIds: input.companyIds,
      added: input.companyIds.filter((c) => !before.has(c)),
      removed: [...before].filter((c) => !input.companyIds.includes(c)),
    });
    return { meeting, attendees: await meetingAttendees(trx, actor.municipalityId, id) };
  });
}
