import type { Db } from '../db/database.ts';
import type { SelfRatingItem, SelfRatingScores } from './self-rating.items.ts';

export interface SelfRating {
  id: string;
  journeyId: string;
  ratedOn: string;
  ratedAt: Date;
  /** The caseworker's request it answered, if any. */
  requestId: string | null;
  scores: Record<SelfRatingItem, number | null>;
}

export interface SelfRatingRequest {
  id: string;
  journeyId: string;
  requestedBy: { id: string; name: string };
  requestedAt: Date;
  answeredAt: Date | null;
}

export async function insertSelfRating(
  db: Db,
  rating: {
    municipalityId: string;
    journeyId: string;
    youthId: string;
    ratedOn: string;
    ratedAt: Date;
    requestId: string | null;
    scores: SelfRatingScores;
  },
): Promise<string> {
  const { scores } = rating;
  const row = await db
    .insertInto('self_rating')
    .values({
      municipality_id: rating.municipalityId,
      journey_id: rating.journeyId,
      youth_id: rating.youthId,
      rated_on: rating.ratedOn,
      rated_at: rating.ratedAt,
      request_id: rating.requestId,
      belief_in_own_abilities: scores.beliefInOwnAbilities ?? null,
      self_rated_health: scores.selfRatedHealth ?? null,
      network: scores.network ?? null,
      meaning_and_direction: scores.meaningAndDirection ?? null,
      wellbeing: scores.wellbeing ?? null,
      loneliness: scores.loneliness ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A journey's own ratings by the youth, oldest first. */
export async function listSelfRatings(db: Db, municipalityId: string, journeyId: string): Promise<SelfRating[]> {
  const rows = await db
    .selectFrom('self_rating')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .orderBy('rated_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    journeyId: r.journey_id,
    ratedOn: r.rated_on,
    ratedAt: r.rated_at,
    requestId: r.request_id,
    scores: {
      beliefInOwnAbilities: r.belief_in_own_abilities,
      selfRatedHealth: r.self_rated_health,
      network: r.network,
      meaningAndDirection: r.meaning_and_direction,
      wellbeing: r.wellbeing,
      loneliness: r.loneliness,
    },
  }));
}

/** The journey's request the youth has not answered yet, if any. */
export async function findOpenSelfRatingRequest(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<SelfRatingRequest | undefined> {
  const row = await db
    .selectFrom('self_rating_request')
    .innerJoin('app_user', 'app_user.id', 'self_rating_request.requested_by')
    .select([
      'self_rating_request.id',
      'self_rating_request.journey_id',
      'self_rating_request.requested_by',
      'app_user.name as requested_by_name',
      'self_rating_request.requested_at',
      'self_rating_request.answered_at',
    ])
    .where('self_rating_request.municipality_id', '=', municipalityId)
    .where('self_rating_request.journey_id', '=', journeyId)
    .where('self_rating_request.answered_at', 'is', null)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        journeyId: row.journey_id,
        requestedBy: { id: row.requested_by, name: row.requested_by_name },
        requestedAt: row.requested_at,
        answeredAt: row.answered_at,
      }
    : undefined;
}

/**
 * Asks the youth for a rating, unless a request is open already (the partial unique index keeps it
 * to one): returns the new request's id, or null when one was open.
 */
export async function insertSelfRatingRequest(
  db: Db,
  request: { municipalityId: string; journeyId: string; youthId: string; requestedBy: string; requestedAt: Date },
): Promise<string | null> {
  const row = await db
    .insertInto('self_rating_request')
    .values({
      municipality_id: request.municipalityId,
      journey_id: request.journeyId,
      youth_id: request.youthId,
      requested_by: request.requestedBy,
      requested_at: request.requestedAt,
    })
    .onConflict((oc) => oc.column('journey_id').where('answered_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function markSelfRatingRequestAnswered(
  db: Db,
  municipalityId: string,
  requestId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('self_rating_request')
    .set({ answered_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', requestId)
    .execute();
}

/** Whether the caseworker shares their own assessments with the youth. */
export async function progressionShared(db: Db, municipalityId: string, journeyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('progression_sharing')
    .select('shared')
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .executeTakeFirst();
  return row?.shared ?? false;
}

export async function setProgressionShared(
  db: Db,
  sharing: {
    municipalityId: string;
    journeyId: string;
    youthId: string;
    shared: boolean;
    changedBy: string;
    changedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('progression_sharing')
    .values({
      journey_id: sharing.journeyId,
      municipality_id: sharing.municipalityId,
      youth_id: sharing.youthId,
      shared: sharing.shared,
      changed_by: sharing.changedBy,
      changed_at: sharing.changedAt,
    })
    .onConflict((oc) =>
      oc.column('journey_id').doUpdateSet({
        shared: sharing.shared,
        changed_by: sharing.changedBy,
        changed_at: sharing.changedAt,
      }),
    )
    .execute();
}
