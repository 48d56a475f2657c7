import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type {
  EducationInjunctionTable,
  GuidanceSubtype,
  OfferEndCause,
  OfferKind,
  OfferTable,
} from './offer.tables.ts';

/** A LAB offer or mentor grant of a youth's journey (docs/domain.md, glossary "offer"). */
export interface Offer {
  id: string;
  journeyId: string;
  youthId: string;
  kind: OfferKind;
  subtype: GuidanceSubtype | null;
  /** Set when the offer is a placement; it then starts and ends with the placement. */
  placementId: string | null;
  provider: string | null;
  startDate: string;
  plannedEnd: string | null;
  endedOn: string | null;
  endCause: OfferEndCause | null;
  hoursPerWeek: number | null;
  note: string | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** An uddannelsespålæg: given on a day, with an education goal; in force until it has an end. */
export interface EducationInjunction {
  id: string;
  journeyId: string;
  youthId: string;
  givenOn: string;
  goal: string;
  startBy: string | null;
  endedOn: string | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

function offerRowToOffer(row: Selectable<OfferTable>): Offer {
  return {
    id: row.id,
    journeyId: row.journey_id,
    youthId: row.youth_id,
    kind: row.kind,
    subtype: row.subtype,
    placementId: row.placement_id,
    provider: row.provider,
    startDate: row.start_date,
    plannedEnd: row.planned_end,
    endedOn: row.ended_on,
    endCause: row.end_cause,
    // numeric arrives as a string on both engines.
    hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
    note: row.note,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function injunctionRowToInjunction(row: Selectable<EducationInjunctionTable>): EducationInjunction {
  return {
    id: row.id,
    journeyId: row.journey_id,
    youthId: row.youth_id,
    givenOn: row.given_on,
    goal: row.goal,
    startBy: row.start_by,
    endedOn: row.ended_on,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// ---------------------------------------------------------------------------------------------
// Offers
// ---------------------------------------------------------------------------------------------

export interface NewOffer {
  municipalityId: string;
  journeyId: string;
  youthId: string;
  kind: OfferKind;
  subtype: GuidanceSubtype | null;
  placementId: string | null;
  provider: string | null;
  startDate: string;
  plannedEnd: string | null;
  hoursPerWeek: number | null;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

export async function insertOffer(db: Db, offer: NewOffer): Promise<Offer> {
  const row = await db
    .insertInto('offer')
    .values({
      municipality_id: offer.municipalityId,
      journey_id: offer.journeyId,
      youth_id: offer.youthId,
      kind: offer.kind,
      subtype: offer.subtype,
      placement_id: offer.placementId,
      provider: offer.provider,
      start_date: offer.startDate,
      planned_end: offer.plannedEnd,
      hours_per_week: offer.hoursPerWeek,
      note: offer.note,
      created_by: offer.createdBy,
      created_at: offer.createdAt,
      updated_at: offer.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return offerRowToOffer(row);
}

export async function findOffer(db: Db, municipalityId: string, id: string): Promise<Offer | undefined> {
  const row = await db
    .selectFrom('offer')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? offerRowToOffer(row) : undefined;
}

/** A journey's offers, oldest first. */
export async function listOffersOfJourney(db: Db, municipalityId: string, journeyId: string): Promise<Offer[]> {
  const rows = await db
    .selectFrom('offer')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .orderBy('start_date')
    .orderBy('created_at')
    .execute();
  return rows.map(offerRowToOffer);
}

export interface OfferEnd {
  endedOn: string;
  cause: OfferEndCause;
  now: Date;
}

/** Ends one running offer when it is still at `expectedVersion`; undefined otherwise. */
export async function endOffer(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  end: OfferEnd,
): Promise<Offer | undefined> {
  const row = await db
    .updateTable('offer')
    .set({ ended_on: end.endedOn, end_cause: end.cause, version: expectedVersion + 1, updated_at: end.now })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('ended_on', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? offerRowToOffer(row) : undefined;
}

/**
 * Ends the running offers of one placement (its offer) or of a whole journey (an exit or a
 * withdrawal), on the given day but never before an offer's own start: an offer planned to start
 * after that day never took place, and ends on its start day, the earliest end the table allows.
 */
export async function endRunningOffers(
  db: Db,
  municipalityId: string,
  of: { placementId: string } | { journeyId: string },
  end: OfferEnd,
): Promise<void> {
  let query = db
    .updateTable('offer')
    .set((eb) => ({
      ended_on: eb.fn('greatest', ['start_date', eb.val(end.endedOn)]),
      end_cause: end.cause,
      version: eb('version', '+', 1),
      updated_at: end.now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('ended_on', 'is', null);
  query =
    'placementId' in of
      ? query.where('placement_id', '=', of.placementId)
      : query.where('journey_id', '=', of.journeyId);
  await query.execute();
}

/** The terms a placement's offer follows when the placement's agreement changes. */
export async function updateOfferOfPlacement(
  db: Db,
  municipalityId: string,
  placementId: string,
  changes: { plannedEnd?: string | null | undefined; hoursPerWeek?: number | undefined },
  now: Date,
): Promise<void> {
  if (changes.plannedEnd === undefined && changes.hoursPerWeek === undefined) return;
  await db
    .updateTable('offer')
    .set((eb) => ({
      ...(changes.plannedEnd !== undefined ? { planned_end: changes.plannedEnd } : {}),
      ...(changes.hoursPerWeek !== undefined ? { hours_per_week: changes.hoursPerWeek } : {}),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', '=', placementId)
    .where('ended_on', 'is', null)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Education injunctions
// ---------------------------------------------------------------------------------------------

export async function insertInjunction(
  db: Db,
  injunction: {
    municipalityId: string;
    journeyId: string;
    youthId: string;
    givenOn: string;
    goal: string;
    startBy: string | null;
    createdBy: string;
    createdAt: Date;
  },
): Promise<EducationInjunction> {
  const row = await db
    .insertInto('education_injunction')
    .values({
      municipality_id: injunction.municipalityId,
      journey_id: injunction.journeyId,
      youth_id: injunction.youthId,
      given_on: injunction.givenOn,
      goal: injunction.goal,
      start_by: injunction.startBy,
      created_by: injunction.createdBy,
      created_at: injunction.createdAt,
      updated_at: injunction.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return injunctionRowToInjunction(row);
}

export async function findInjunction(
  db: Db,
  municipalityId: string,
  id: string,
): Promise<EducationInjunction | undefined> {
  const row = await db
    .selectFrom('education_injunction')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? injunctionRowToInjunction(row) : undefined;
}

/** A journey's injunctions, the latest given first. */
export async function listInjunctionsOfJourney(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<EducationInjunction[]> {
  const rows = await db
    .selectFrom('education_injunction')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .orderBy('given_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(injunctionRowToInjunction);
}

/** Ends an injunction in force when it is still at `expectedVersion`; undefined otherwise. */
export async function endInjunction(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  endedOn: string,
  now: Date,
): Promise<EducationInjunction | undefined> {
  const row = await db
    .updateTable('education_injunction')
    .set({ ended_on: endedOn, version: expectedVersion + 1, updated_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('ended_on', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? injunctionRowToInjunction(row) : undefined;
}

/** Ends the journey's injunction in force, if any (an exit or a withdrawal). */
export async function endInjunctionOfJourney(
  db: Db,
  municipalityId: string,
  journeyId: string,
  endedOn: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('education_injunction')
    .set((eb) => ({
      ended_on: eb.fn('greatest', ['given_on', eb.val(endedOn)]),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .where('ended_on', 'is', null)
    .execute();
}
