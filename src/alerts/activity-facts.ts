import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { findJourney, touchJourneyActivity } from '../journeys/journey.repository.ts';
import { individualConversationsBetween } from '../activities/activity.repository.ts';
import { missedMeetingsInRow } from '../groups/group.repository.ts';
import { lastMeasuredOn } from '../progression/progression.repository.ts';
import { startOfDanishDay } from '../shared/clock.ts';
import { refreshJourneyRisk } from './alert.service.ts';
import { FIRST_PERIOD_MS } from './risk-facts.ts';
import { setConversationsFirst6Months, setMissedMeetingsInRow, setLastProgressionAt } from './risk-row.repository.ts';

/**
 * Called by every write that is (or may change) a youth's activity: attendance, logged hours,
 * conversations, mentor contacts, match events, progression. Moves the journey's last activity
 * when `at` is given, recomputes the counters the risk rules read, and runs the rules for the
 * journey, all in the caller's transaction: an alert clears the moment the work is recorded.
 */
export async function noteJourneyActivity(
  trx: Db,
  deps: Pick<AppDeps, 'ruleSets' | 'clock' | 'riskRefresh'>,
  municipalityId: string,
  journeyId: string,
  at: Date | null,
): Promise<void> {
  if (at) await touchJourneyActivity(trx, municipalityId, journeyId, at);
  if (deps.riskRefresh) return deps.riskRefresh.hold(municipalityId, journeyId);
  const journey = await findJourney(trx, municipalityId, journeyId);
  if (!journey) return;
  const firstContact = journey.firstContactAt;
  await setMissedMeetingsInRow(
    trx,
    municipalityId,
    journeyId,
    await missedMeetingsInRow(trx, municipalityId, journeyId),
  );
  await setConversationsFirst6Months(
    trx,
    municipalityId,
    journeyId,
    await individualConversationsBetween(
      trx,
      municipalityId,
      journeyId,
      firstContact,
      new Date(firstContact.getTime() + FIRST_PERIOD_MS),
    ),
  );
  const lastMeasured = await lastMeasuredOn(trx, municipalityId, journeyId);
  if (lastMeasured) await setLastProgressionAt(trx, municipalityId, journeyId, startOfDanishDay(lastMeasured));
  await refreshJourneyRisk(trx, deps, municipalityId, journeyId, deps.clock());
}

/**
 * The journeys a bulk write has touched, each refreshed once when it is done instead of after
 * every write: the counters above and the risk check are functions of the journey's records, so
 * computing them once at the end gives what computing them after each write would have left.
 * The demo seed records months of history through the services this way (about 13 queries
 * saved per write).
 */
export class RiskRefreshQueue {
  readonly #journeys = new Map<string, string>();

  /** Holds a journey's refresh until flush. */
  hold(municipalityId: string, journeyId: string): void {
    this.#journeys.set(journeyId, municipalityId);
  }

  get size(): number {
    return this.#journeys.size;
  }

  /** Refreshes every journey held, each in a transaction of its own, and forgets them. */
  async flush(deps: Pick<AppDeps, 'db' | 'ruleSets' | 'clock'>): Promise<void> {
    const held = [...this.#journeys];
    this.#journeys.clear();
    const now = { ruleSets: deps.ruleSets, clock: deps.clock };
    for (const [journeyId, municipalityId] of held) {
      await deps.db.transaction().execute((trx) => noteJourneyActivity(trx, now, municipalityId, journeyId, null));
    }
  }
}
