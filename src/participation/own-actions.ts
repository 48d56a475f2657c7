import { listAppointments } from '../appointments/appointment.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { listOwnAttendanceOfJourney } from '../groups/check-in.repository.ts';
import { listHoursReports } from '../placements/hours-report.repository.ts';
import { DomainError } from '../shared/errors.ts';
import { journeyAs } from '../shared/reads.ts';

/**
 * What the youth did on their own side (Mit forløb) in a journey, for its timeline on the
 * caseworker's page: check-ins, afbud for meetings and appointments, and hours reported. Each
 * entry is marked as the youth's own.
 */
export async function ownActionsOfJourney(deps: Pick<AppDeps, 'db'>, actor: Actor, journeyId: string) {
  const journey = await journeyAs(deps.db, actor, journeyId);
  if (!journey) throw new DomainError('not_found');
  const attendance = await listOwnAttendanceOfJourney(deps.db, actor.municipalityId, journeyId);
  const appointments = (
    await listAppointments(deps.db, actor.municipalityId, { youthId: journey.youthId }, 500)
  ).filter((a) => a.journeyId === journeyId && a.notifiedAbsence);
  const hours = await listHoursReports(deps.db, actor.municipalityId, { journeyIds: [journeyId] });
  return { attendance, appointments, hours };
}
