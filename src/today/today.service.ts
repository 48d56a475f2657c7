import type { Stage } from '../../machines/journey.ts';
import { type AlertListItem, listAlertItems } from '../alerts/alert.repository.ts';
import { type Appointment, listAppointments } from '../appointments/appointment.repository.ts';
import { auditAs } from '../audit/audit-as.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { type FacilitatedMeeting, listFacilitatedMeetings } from '../groups/group.repository.ts';
import { type Deadline, nextDeadlineOf } from '../journeys/journey.deadline.ts';
import {
  type JourneyWithoutContact,
  listJourneys,
  listJourneysWithoutContactSince,
} from '../journeys/journey.repository.ts';
import { danishDate, danishWeekOf, startOfDanishDay } from '../shared/clock.ts';
import { addDays } from '../shared/days.ts';
import { readingAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** "No contact for" counts this many days unless the caseworker chooses otherwise. */
export const DEFAULT_CONTACT_DAYS = 14;

/** No caseload is larger; a list longer than this would not be read anyway. */
const MOST = 1000;

/** A deadline of one of the caseworker's youth, due this week or overdue. */
export interface DueDeadline extends Deadline {
  journeyId: string;
  youth: { id: string; name: string };
  overdue: boolean;
}

/** What a caseworker's day holds ("I dag"). */
export interface Today {
  day: string;
  meetings: FacilitatedMeeting[];
  appointments: Appointment[];
  deadlines: DueDeadline[];
  alerts: AlertListItem[];
  withoutContact: JourneyWithoutContact[];
  contactDays: number;
}

/**
 * A caseworker's day: the meetings of the groups they facilitate and their appointments today,
 * the deadlines of their youth this week (and those already passed), their open alerts, most
 * severe first, and the youth they have had no contact with for `contactDays` days. The
 * deadlines are nextDeadlineOf's, as on the caseload, so the two never disagree. Audited as a
 * list of the journeys shown.
 */
export async function todayOf(deps: Deps, actor: Actor, contactDays: number): Promise<Today> {
  const now = deps.clock();
  const day = danishDate(now);
  const todayRange = { from: startOfDanishDay(day), to: startOfDanishDay(addDays(day, 1)) };
  const weekEnds = danishDate(new Date(danishWeekOf(now).to.getTime() - 1));
  return readingAs(deps.db, actor, async (trx) => {
    const meetings = await listFacilitatedMeetings(trx, actor.municipalityId, actor.userId, todayRange);
    const appointments = await listAppointments(
      trx,
      actor.municipalityId,
      { caseworkerId: actor.userId, ...todayRange, statuses: ['planned', 'held'] },
      MOST,
    );
    const journeys = await listJourneys(
      trx,
      actor.municipalityId,
      { caseworkerId: actor.userId, open: true },
      { limit: MOST, offset: 0 },
      { column: 'deadline', direction: 'asc' },
    );
    const deadlines = journeys.items.flatMap((j): DueDeadline[] => {
      const deadline = nextDeadlineOf({ ...j, stage: j.stage as Stage });
      if (!deadline || deadline.due > weekEnds) return [];
      return [
        { ...deadline, journeyId: j.id, youth: { id: j.youthId, name: j.youthName }, overdue: deadline.due < day },
      ];
    });
    const alerts = await listAlertItems(
      trx,
      actor.municipalityId,
      { status: 'open', assignedTo: actor.userId, order: 'urgency' },
      { limit: MOST, offset: 0 },
    );
    const withoutContact = await listJourneysWithoutContactSince(
      trx,
      actor.municipalityId,
      actor.userId,
      startOfDanishDay(addDays(day, -contactDays)),
      MOST,
    );
    await auditAs(trx, actor, 'journey.listed', null, {
      view: 'today',
      criteria: { contactDays },
      journeyIds: [
        ...new Set([
          ...appointments.map((a) => a.journeyId),
          ...deadlines.map((d) => d.journeyId),
          ...alerts.map((a) => a.journeyId),
          ...withoutContact.map((w) => w.journeyId),
        ]),
      ],
    });
    return { day, meetings, appointments, deadlines, alerts, withoutContact, contactDays };
  });
}
