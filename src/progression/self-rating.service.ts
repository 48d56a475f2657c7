import type { Actor, YouthActor } from '../auth/actor.ts';
import { auditAs, auditAsYouth } from '../audit/audit-as.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { findOpenJourneyOfYouth, type JourneyRecord } from '../journeys/journey.repository.ts';
import { danishDate } from '../shared/clock.ts';
import { addMonths } from '../shared/days.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { listMeasurements, type ProgressionMeasurement } from './progression.repository.ts';
import { type SelfRatingScores, selfRatingItems } from './self-rating.items.ts';
import {
  findOpenSelfRatingRequest,
  insertSelfRating,
  insertSelfRatingRequest,
  listSelfRatings,
  markSelfRatingRequestAnswered,
  progressionShared,
  type SelfRating,
  type SelfRatingRequest,
  setProgressionShared,
} from './self-rating.repository.ts';
import { journeyAs, readingAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/**
 * The young person's own ratings (docs/decisions/0016-the-youths-own-voice.md): once a month, or
 * when the caseworker asks. They are the youth's record beside the caseworker's progression
 * measurements, not one of them: the key figures and the progression_overdue rule read only the
 * measurements, and rating oneself is not activity for the passivity rules (docs/domain.md).
 */

/** The first day of the month after `day`: when a youth who has rated this month may rate again. */
function firstOfNextMonth(day: string): string {
  return addMonths(`${day.slice(0, 7)}-01`, 1);
}

/** Whether a rating is due: the caseworker asked, or the youth has not rated in this calendar month. */
function ratingDue(ratings: readonly SelfRating[], request: SelfRatingRequest | undefined, today: string) {
  const latest = ratings.at(-1);
  const ratedThisMonth = latest !== undefined && latest.ratedOn.slice(0, 7) === today.slice(0, 7);
  return { due: request !== undefined || !ratedThisMonth, nextOn: ratedThisMonth ? firstOfNextMonth(today) : today };
}

/** The youth's open journey, the only one their own side acts on. */
async function ownJourney(trx: Db, actor: YouthActor, options: { forUpdate?: boolean } = {}): Promise<JourneyRecord> {
  const journey = await findOpenJourneyOfYouth(trx, actor.municipalityId, actor.youthId, options);
  if (!journey) throw new DomainError('not_found');
  return journey;
}

export interface OwnProgression {
  ratings: SelfRating[];
  /** The caseworker asked for a rating the youth has not given yet. */
  requestedAt: Date | null;
  /** The youth may rate now. */
  due: boolean;
  /** The day the youth may rate next (today when due). */
  nextOn: string;
  /** The caseworker's own assessments, oldest first, when the caseworker shares them; null otherwise. */
  caseworker: ProgressionMeasurement[] | null;
}

/** What "Min udvikling" shows the youth: their own ratings, and the caseworker's when shared. */
export async function ownProgression(deps: Deps, actor: YouthActor): Promise<OwnProgression> {
  const today = danishDate(deps.clock());
  return deps.db.transaction().execute(async (trx) => {
    const journey = await ownJourney(trx, actor);
    const ratings = await listSelfRatings(trx, actor.municipalityId, journey.id);
    const request = await findOpenSelfRatingRequest(trx, actor.municipalityId, journey.id);
    const shared = await progressionShared(trx, actor.municipalityId, journey.id);
    const caseworker = shared
      ? (await listMeasurements(trx, actor.municipalityId, journey.id)).filter((m) => m.assessedBy === 'caseworker')
      : null;
    return { ratings, requestedAt: request?.requestedAt ?? null, ...ratingDue(ratings, request, today), caseworker };
  });
}

/** The youth rates themselves; refused when it is not due (see ratingDue). */
export async function rateOneself(
  deps: Deps,
  actor: YouthActor,
  input: { scores: SelfRatingScores },
): Promise<SelfRating> {
  const now = deps.clock();
  const today = danishDate(now);
  const rated = selfRatingItems.filter((item) => input.scores[item] !== undefined);
  if (rated.length === 0) throw invalidField('scores', 'progression.refusals.selfRatingRequired');
  return deps.db.transaction().execute(async (trx) => {
    // Locked: two taps on "Send" do not make two ratings of one month.
    const journey = await ownJourney(trx, actor, { forUpdate: true });
    const ratings = await listSelfRatings(trx, actor.municipalityId, journey.id);
    const request = await findOpenSelfRatingRequest(trx, actor.municipalityId, journey.id);
    const { due, nextOn } = ratingDue(ratings, request, today);
    if (!due) throw new DomainError('conflict', { extra: { reason: 'already_rated', nextOn } });
    const id = await insertSelfRating(trx, {
      municipalityId: actor.municipalityId,
      journeyId: journey.id,
      youthId: actor.youthId,
      ratedOn: today,
      ratedAt: now,
      requestId: request?.id ?? null,
      scores: input.scores,
    });
    if (request) await markSelfRatingRequestAnswered(trx, actor.municipalityId, request.id, now);
    // Which items were rated, not the scores: self-rated health is health data.
    await auditAsYouth(trx, actor, 'progression.self_rated', {
      journeyId: journey.id,
      selfRatingId: id,
      items: rated,
      ...(request ? { requestId: request.id } : {}),
    });
    return {
      id,
      journeyId: journey.id,
      ratedOn: today,
      ratedAt: now,
      requestId: request?.id ?? null,
      scores: Object.fromEntries(
        selfRatingItems.map((item) => [item, input.scores[item] ?? null]),
      ) as SelfRating['scores'],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The caseworker's side
// ---------------------------------------------------------------------------------------------

export interface SelfRatingsOfJourney {
  ratings: SelfRating[];
  openRequest: SelfRatingRequest | null;
  /** The caseworker's own assessments are shown to the youth. */
  shared: boolean;
}

async function staffJourney(trx: Db, actor: Actor, journeyId: string, options: { open?: boolean } = {}) {
  const journey = await journeyAs(trx, actor, journeyId);
  if (!journey) throw new DomainError('not_found');
  if (options.open && !journey.open) {
    throw new DomainError('event_not_accepted', { extra: { stage: journey.stage } });
  }
  return journey;
}

/** The youth's own ratings as the caseworker reads them, with the open request and the sharing. */
export async function selfRatingsOfJourney(deps: Deps, actor: Actor, journeyId: string): Promise<SelfRatingsOfJourney> {
  return readingAs(deps.db, actor, async (trx) => {
    const journey = await staffJourney(trx, actor, journeyId);
    const ratings = await listSelfRatings(trx, actor.municipalityId, journeyId);
    const openRequest = (await findOpenSelfRatingRequest(trx, actor.municipalityId, journeyId)) ?? null;
    const shared = await progressionShared(trx, actor.municipalityId, journeyId);
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId, view: 'self_ratings' });
    return { ratings, openRequest, shared };
  });
}

/**
 * The caseworker asks the youth to rate themselves now. Asking while a request is open changes
 * nothing and answers the open one (`created: false`).
 */
export async function requestSelfRating(
  deps: Deps,
  actor: Actor,
  journeyId: string,
): Promise<{ request: SelfRatingRequest; created: boolean }> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const journey = await staffJourney(trx, actor, journeyId, { open: true });
    const id = await insertSelfRatingRequest(trx, {
      municipalityId: actor.municipalityId,
      journeyId,
      youthId: journey.youthId,
      requestedBy: actor.userId,
      requestedAt: now,
    });
    if (id)
      await auditAs(trx, actor, 'progression.self_rating_requested', journey.youthId, { journeyId, requestId: id });
    const request = await findOpenSelfRatingRequest(trx, actor.municipalityId, journeyId);
    if (!request) throw new Error('the open self-rating request vanished in its own transaction');
    return { request, created: id !== null };
  });
}

/** Shows the caseworker's own assessments to the youth beside their ratings, or stops showing them. */
export async function shareProgression(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  shared: boolean,
): Promise<{ shared: boolean }> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const journey = await staffJourney(trx, actor, journeyId);
    const before = await progressionShared(trx, actor.municipalityId, journeyId);
    if (before !== shared) {
      await setProgressionShared(trx, {
        municipalityId: actor.municipalityId,
        journeyId,
        youthId: journey.youthId,
        shared,
        changedBy: actor.userId,
        changedAt: now,
      });
      await auditAs(trx, actor, 'progression.sharing_changed', journey.youthId, { journeyId, shared });
    }
    return { shared };
  });
}
