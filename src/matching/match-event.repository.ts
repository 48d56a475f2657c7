import type { Selectable } from 'kysely';
import type { CompanyRef } from '../companies/company.repository.ts';
import type { Db } from '../db/database.ts';
import type { MatchEventTable } from './match-event.tables.ts';

export interface MatchEvent {
  id: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  place: string;
  note: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A youth taking part in a match event, by journey. */
export interface MatchParticipant {
  journeyId: string;
  youthId: string;
  name: string;
}

/** A youth on the event's list, with the version of their wishes. */
export interface MatchEventYouth extends MatchParticipant {
  wishesVersion: number;
}

/** A company on the event's list, with the version of its interest. */
export interface MatchEventCompany extends CompanyRef {
  /** The company's trade, as the youth reads it before choosing their wishes. */
  industry: string | null;
  address: string | null;
  interestsVersion: number;
}

export interface MatchWish {
  journeyId: string;
  companyId: string;
  rank: number;
  /** Chosen by the youth on their own side (Mit forløb) rather than recorded by staff. */
  byYouth: boolean;
}

export interface MatchInterest {
  companyId: string;
  journeyId: string;
}

/** What decides whether a journey may take part. */
export interface JourneyForParticipation {
  id: string;
  youthId: string;
  stage: string;
}

function eventRowToEvent(row: Selectable<MatchEventTable>): MatchEvent {
  return {
    id: row.id,
    date: row.held_on,
    place: row.place,
    note: row.note,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertMatchEvent(
  db: Db,
  municipalityId: string,
  event: { date: string; place: string; note: string | null; createdBy: string },
): Promise<MatchEvent> {
  const row = await db
    .insertInto('match_event')
    .values({
      municipality_id: municipalityId,
      held_on: event.date,
      place: event.place,
      note: event.note,
      created_by: event.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return eventRowToEvent(row);
}

/** A match event by id, optionally locked so writers to it take turns. */
export async function findMatchEvent(
  db: Db,
  municipalityId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MatchEvent | undefined> {
  let query = db
    .selectFrom('match_event')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? eventRowToEvent(row) : undefined;
}

export async function listMatchEvents(
  db: Db,
  municipalityId: string,
  period: { from?: string | undefined; to?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ items: Array<MatchEvent & { companyCount: number; youthCount: number }>; total: number }> {
  let query = db.selectFrom('match_event').where('match_event.municipality_id', '=', municipalityId);
  if (period.from) query = query.where('match_event.held_on', '>=', period.from);
  if (period.to) query = query.where('match_event.held_on', '<=', period.to);
  const [rows, count] = await Promise.all([
    query
      .selectAll('match_event')
      .select((eb) => [
        eb
          .selectFrom('match_event_company')
          .select((inner) => inner.fn.countAll<string>().as('n'))
          .whereRef('match_event_company.match_event_id', '=', 'match_event.id')
          .as('company_count'),
        eb
          .selectFrom('match_event_youth')
          .select((inner) => inner.fn.countAll<string>().as('n'))
          .whereRef('match_event_youth.match_event_id', '=', 'match_event.id')
          .as('youth_count'),
      ])
      .orderBy('match_event.held_on', 'desc')
      .orderBy('match_event.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({
      ...eventRowToEvent(row),
      companyCount: Number(row.company_count ?? 0),
      youthCount: Number(row.youth_count ?? 0),
    })),
    total: Number(count.total),
  };
}

export async function bumpMatchEvent(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  now: Date,
): Promise<MatchEvent | undefined> {
  const row = await db
    .updateTable('match_event')
    .set({ version: expectedVersion + 1, updated_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? eventRowToEvent(row) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Participants
// ---------------------------------------------------------------------------------------------

/** The companies taking part, by name. */
export async function eventCompanies(db: Db, municipalityId: string, eventId: string): Promise<MatchEventCompany[]> {
  const rows = await db
    .selectFrom('match_event_company')
    .innerJoin('company', 'company.id', 'match_event_company.company_id')
    .select([
      'company.id',
      'company.name',
      'company.industry',
      'company.address',
      'match_event_company.interests_version',
    ])
    .where('match_event_company.municipality_id', '=', municipalityId)
    .where('match_event_company.match_event_id', '=', eventId)
    .orderBy('company.name')
    .orderBy('company.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    industry: r.industry,
    address: r.address,
    interestsVersion: r.interests_version,
  }));
}

/** The youth taking part, by name. */
export async function eventYouth(db: Db, municipalityId: string, eventId: string): Promise<MatchEventYouth[]> {
  const rows = await db
    .selectFrom('match_event_youth')
    .innerJoin('youth', 'youth.id', 'match_event_youth.youth_id')
    .select([
      'match_event_youth.journey_id',
      'match_event_youth.youth_id',
      'youth.name',
      'match_event_youth.wishes_version',
    ])
    .where('match_event_youth.municipality_id', '=', municipalityId)
    .where('match_event_youth.match_event_id', '=', eventId)
    .orderBy('youth.name')
    .orderBy('match_event_youth.journey_id')
    .execute();
  return rows.map((r) => ({
    journeyId: r.journey_id,
    youthId: r.youth_id,
    name: r.name,
    wishesVersion: r.wishes_version,
  }));
}

/** The municipality's journeys among `ids`, with what decides whether they may take part. */
export async function journeysForParticipation(
  db: Db,
  municipalityId: string,
  ids: readonly string[],
): Promise<JourneyForParticipation[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('journey')
    .select(['id', 'youth_id', 'stage'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => ({ id: r.id, youthId: r.youth_id, stage: r.stage }));
}

export async function addEventCompanies(
  db: Db,
  municipalityId: string,
  eventId: string,
  companyIds: readonly string[],
): Promise<void> {
  if (companyIds.length === 0) return;
  await db
    .insertInto('match_event_company')
    .values(
      companyIds.map((companyId) => ({
        municipality_id: municipalityId,
        match_event_id: eventId,
        company_id: companyId,
      })),
    )
    .execute();
}

/**
 * Takes companies off the event; their wishes and interests go with them. The youth who had
 * wished for them have had their wishes changed, so those wishes move to their next version.
 */
export async function removeEventCompanies(
  db: Db,
  municipalityId: string,
  eventId: string,
  companyIds: readonly string[],
): Promise<void> {
  if (companyIds.length === 0) return;
  await db
    .updateTable('match_event_youth')
    .set((eb) => ({ wishes_version: eb('wishes_version', '+', 1) }))
    .where('municipality_id', '=', municipalityId)
    .where('match_event_id', '=', eventId)
    .where('journey_id', 'in', (eb) =>
      eb
        .selectFrom('match_wish')
        .select('match_wish.journey_id')
        .where('match_wish.match_event_id', '=', eventId)
        .where('match_wish.company_id', 'in', companyIds),
    )
    .execute();
  await db
    .deleteFrom('match_event_company')
    .where('municipality_id', '=', municipalityId)
    .where('match_event_id', '=', eventId)
    .where('company_id', 'in', companyIds)
    .execute();
}

export async function addEventYouth(
  db: Db,
  municipalityId: string,
  eventId: string,
  journeys: ReadonlyArray<{ journeyId: string; youthId: string }>,
): Promise<void> {
  if (journeys.length === 0) return;
  await db
    .insertInto('match_event_youth')
    .values(
      journeys.map((j) => ({
        municipality_id: municipalityId,
        match_event_id: eventId,
        journey_id: j.journeyId,
        youth_id: j.youthId,
      })),
    )
    .execute();
}

/**
 * Takes youth off the event; their wishes and the interest shown in them go with them. The
 * companies that were interested in them have had their interest changed: it moves to its next version.
 */
export async function removeEventYouth(
  db: Db,
  municipalityId: string,
  eventId: string,
  journeyIds: readonly string[],
): Promise<void> {
  if (journeyIds.length === 0) return;
  await db
    .updateTable('match_event_company')
    .set((eb) => ({ interests_version: eb('interests_version', '+', 1) }))
    .where('municipality_id', '=', municipalityId)
    .where('match_event_id', '=', eventId)
    .where('company_id', 'in', (eb) =>
      eb
        .selectFrom('match_interest')
        .select('match_interest.company_id')
        .where('match_interest.match_event_id', '=', eventId)
        .where('match_interest.journey_id', 'in', journeyIds),
    )
    .execute();
  await db
    .deleteFrom('match_event_youth')
    .where('municipality_id', '=', municipalityId)
    .where('match_event_id', '=', eventId)
    .where('journey_id', 'in', journeyIds)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Wishes and interests
// ---------------------------------------------------------------------------------------------

export async function eventWishes(db: Db, municipalityId: string, eventId: string): Promise<MatchWish[]> {
  const rows = await db
    .selectFrom('match_wish')
    .select(['journey_id', 'company_id', 'rank', 'by_youth'])
    .where('municipality_id', '=', municipalityId)
    .where('match_event_id', '=', eventId)
    .orderBy('journey_id')
    .orderBy('rank')
    .execute();
  return rows.map((r) => ({ journeyId: r.journey_id, companyId: r.company_id, rank: r.rank, byYouth: r.by_youth }));
}

export async function eventInterests(db: Db, municipalityId: string, eventId: string): Promise<MatchInterest[]> {
  const rows = await db
    .selectFrom('match_interest')
    .select(['company_id', 'journey_id'])
    .where('municipality_id', '=', municipalityId)
    .where('match_event_id', '=', eventId)
    .orderBy('company_id')
    .orderBy('journey_id')
    .execute();
  return rows.map((r) => ({ companyId: r.company_id, journeyId: r.journey_id }));
}

/**
 * Makes the youth's wishes exactly `companyIds`, ranked in that order (1 first). Chosen by the
 * youth, every wish is marked as theirs; written by staff, a wish stays the youth's only where the
 * same company keeps the same rank (staff who save the list unchanged do not take the choice over).
 */
export async function replaceWishes(
  db: Db,
  municipalityId: string,
  eventId: string,
  journeyId: string,
  companyIds: readonly string[],
  by: 'youth' | 'staff' = 'staff',
): Promise<void> {
  const before = await db
    .deleteFrom('match_wish')
    .where('municipality_id', '=', municipalityId)
    .where('match_event_id', '=', eventId)
    .where('journey_id', '=', journeyId)
    .returning(['company_id', 'rank', 'by_youth'])
    .execute();
  if (companyIds.length === 0) return;
  const youthsBefore = new Set(before.filter((w) => w.by_youth).map((w) => `${w.rank}/${w.company_id}`));
  await db
    .insertInto('match_wish')
    .values(
      companyIds.map((companyId, index) => ({
        municipality_id: municipalityId,
        match_event_id: eventId,
        journey_id: journeyId,
        company_id: companyId,
        rank: index + 1,
        by_youth: by === 'youth' || youthsBefore.has(`${index + 1}/${companyId}`),
      })),
    )
    .execute();
}

/** Makes the company's interest exactly the youth of `journeyIds`. */
export async function replaceInterests(
  db: Db,
  municipalityId: string,
  eventId: string,
  companyId: string,
  journeyIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('match_interest')
    .where('municipality_id', '=', municipalityId)
    .where('match_event_id', '=', eventId)
    .where('company_id', '=', companyId)
    .execute();
  if (journeyIds.length === 0) return;
  await db
    .insertInto('match_interest')
    .values(
      journeyIds.map((journeyId) => ({
        municipality_id: municipalityId,
        match_event_id: eventId,
        company_id: companyId,
        journey_id: journeyId,
      })),
    )
    .execute();
}

/**
 * Moves the youth's wishes to their next version when still at `expectedVersion`; false otherwise.
 * `byYouthAt`: the youth chose them on their own side, then.
 */
export async function bumpWishesVersion(
  db: Db,
  municipalityId: string,
  eventId: string,
  journeyId: string,
  expectedVersion: number,
  byYouthAt?: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('match_event_youth')
    .set({ wishes_version: expectedVersion + 1, ...(byYouthAt ? { own_wishes_at: byYouthAt } : {}) })
    .where('municipality_id', '=', municipalityId)
    .where('match_event_id', '=', eventId)
    .where('journey_id', '=', journeyId)
    .where('wishes_version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Moves the company's interest to its next version when still at `expectedVersion`; false otherwise. */
export async function bumpInterestsVersion(
  db: Db,
  municipalityId: string,
  eventId: string,
  companyId: string,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('match_event_company')
    .set({ interests_version: expectedVersion + 1 })
    .where('municipality_id', '=', municipalityId)
    .where('match_event_id', '=', eventId)
    .where('company_id', '=', companyId)
    .where('interests_version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The match events a journey takes part in on `fromDay` or later, the soonest first. */
export async function matchEventsOfJourney(
  db: Db,
  municipalityId: string,
  journeyId: string,
  fromDay: string,
): Promise<MatchEvent[]> {
  const rows = await db
    .selectFrom('match_event')
    .innerJoin('match_event_youth', 'match_event_youth.match_event_id', 'match_event.id')
    .selectAll('match_event')
    .where('match_event.municipality_id', '=', municipalityId)
    .where('match_event_youth.municipality_id', '=', municipalityId)
    .where('match_event_youth.journey_id', '=', journeyId)
    .where('match_event.held_on', '>=', fromDay)
    .orderBy('match_event.held_on')
    .orderBy('match_event.id')
    .execute();
  return rows.map(eventRowToEvent);
}

/** The times the youth chose their wishes on their own side, by event, for the journey's timeline. */
export async function ownWishesOfJourney(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<Array<{ matchEventId: string; date: string; chosenAt: Date }>> {
  const rows = await db
    .selectFrom('match_event_youth')
    .innerJoin('match_event', 'match_event.id', 'match_event_youth.match_event_id')
    .select(['match_event.id', 'match_event.held_on', 'match_event_youth.own_wishes_at'])
    .where('match_event_youth.municipality_id', '=', municipalityId)
    .where('match_event_youth.journey_id', '=', journeyId)
    .where('match_event_youth.own_wishes_at', 'is not', null)
    .execute();
  return rows.flatMap((r) =>
    r.own_wishes_at ? [{ matchEventId: r.id, date: r.held_on, chosenAt: r.own_wishes_at }] : [],
  );
}

/** A wish of the journey's youth at a match event, with the event and the company by name. */
export interface JourneyMatchWish {
  matchEventId: string;
  date: string;
  place: string;
  company: string;
  rank: number;
  /** Chosen by the youth on their own side, not recorded by staff. */
  byYouth: boolean;
}

/** Every wish of the journey at every match event, the earliest event first, first wish first. */
export async function wishesOfJourney(db: Db, municipalityId: string, journeyId: string): Promise<JourneyMatchWish[]> {
  const rows = await db
    .selectFrom('match_wish')
    .innerJoin('match_event', 'match_event.id', 'match_wish.match_event_id')
    .innerJoin('company', 'company.id', 'match_wish.company_id')
    .select([
      'match_event.id',
      'match_event.held_on',
      'match_event.place',
      'company.name',
      'match_wish.rank',
      'match_wish.by_youth',
    ])
    .where('match_wish.municipality_id', '=', municipalityId)
    .where('match_wish.journey_id', '=', journeyId)
    .orderBy('match_event.held_on')
    .orderBy('match_event.id')
    .orderBy('match_wish.rank')
    .execute();
  return rows.map((r) => ({
    matchEventId: r.id,
    date: r.held_on,
    place: r.place,
    company: r.name,
    rank: r.rank,
    byYouth: r.by_youth,
  }));
}
