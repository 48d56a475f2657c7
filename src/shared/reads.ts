import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import { findJourney, type JourneyRecord } from '../journeys/journey.repository.ts';
import { findYouthById, type YouthRecord } from '../youth/youth.repository.ts';

/**
 * How a service reads for a user.
 *
 * Outside a page view (the API, a form's answer) a service's reads and its audit entry commit
 * together, in one transaction. A page view gathers its audit entries and writes them as the page
 * is sent (src/audit/page-reads.ts), so its reads run as single statements: under READ COMMITTED
 * each statement sees its own snapshot, in a transaction or not, and the begin and commit around
 * every service were two round trips each for nothing. A youth's page calls a dozen services, and
 * each checked the journey or the youth again; in a page view those are read once.
 */
export function readingAs<T>(db: Db, actor: Actor, work: (db: Db) => Promise<T>): Promise<T> {
  return actor.pageReads ? work(db) : db.transaction().execute(work);
}

/** The journey in the actor's municipality (not locked); read once per page view. */
export function journeyAs(db: Db, actor: Actor, journeyId: string): Promise<JourneyRecord | undefined> {
  const read = () => findJourney(db, actor.municipalityId, journeyId);
  return actor.pageReads ? actor.pageReads.once(`journey:${journeyId}`, read) : read();
}

/** The youth in the actor's municipality; read once per page view. */
export function youthAs(db: Db, actor: Actor, youthId: string): Promise<YouthRecord | undefined> {
  const read = () => findYouthById(db, actor.municipalityId, youthId);
  return actor.pageReads ? actor.pageReads.once(`youth:${youthId}`, read) : read();
}
