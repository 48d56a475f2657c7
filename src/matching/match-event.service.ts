import type { AuditAction } from '../audit/audit.types.ts';
import type { Actor, YouthActor } from '../auth/actor.ts';
import { auditAsYouth } from '../audit/audit-as.ts';
import { findOpenJourneyOfYouth } from '../journeys/journey.repository.ts';
import { auditCompanyNetwork, requireCompanies } from '../companies/company.service.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { noteJourneyActivity } from '../alerts/activity-facts.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import type { Text } from '../shared/i18n.ts';
import {
  addEventCompanies,
  addEventYouth,
  bumpInterestsVersion,
  bumpMatchEvent,
  bumpWishesVersion,
  eventCompanies,
  eventInterests,
  eventWishes,
  eventYouth,
  findMatchEvent,
  matchEventsOfJourney,
  ownWishesOfJourney,
  insertMatchEvent,
  journeysForParticipation,
  listMatchEvents,
  type MatchEvent,
  type MatchEventCompany,
  type MatchEventYouth,
  type MatchInterest,
  type MatchParticipant,
  type MatchWish,
  removeEventCompanies,
  removeEventYouth,
  replaceInterests,
  replaceWishes,
} from './match-event.repository.ts';
import { buildMatchList, type MatchRow } from './match-list.ts';
import { texts } from '../shared/texts.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets'>;

/** Who may take part: youth whose journey has started in the programme and is not paused or over. */
const participatingStages: readonly string[] = ['intake', 'active'];

const messages = {
  unknownJourney: texts('companies.refusals.unknownJourney'),
  stageNotAllowed: texts('companies.refusals.stageNotTakingPart'),
  youthNotParticipating: texts('companies.refusals.youthNotTakingPart'),
  companyNotParticipating: texts('companies.refusals.companyNotTakingPart'),
} satisfies Record<string, Text>;

function fieldError(field: string, message: Text): DomainError {
  return new DomainError('validation_failed', { fieldErrors: [{ field, message }] });
}

/** The day has come (Danish calendar): from then on, taking part is activity. */
function hasTakenPlace(event: MatchEvent, now: Date): boolean {
  return event.date <= danishDate(now);
}

/**
 * Taking part in a match event is activity (docs/domain.md, "The rules", the passivity rule); it counts
 * from the start of the event's day.
 */
async function noteParticipation(
  trx: Db,
  deps: Deps,
  actor: Actor,
  event: MatchEvent,
  journeyIds: readonly string[],
  now: Date,
): Promise<void> {
  if (!hasTakenPlace(event, now)) return;
  const at = startOfDanishDay(event.date);
  for (const journeyId of journeyIds) await noteJourneyActivity(trx, deps, actor.municipalityId, journeyId, at);
}

/**
 * The journeys to add, checked: each must be the municipality's and in stage intake or active.
 * Every bad one is reported at its position in `journeyIds`.
 */
async function requireJoiningJourneys(
  trx: Db,
  actor: Actor,
  journeyIds: readonly string[],
  joining: ReadonlySet<string>,
): Promise<Array<{ journeyId: string; youthId: string }>> {
  const ids = journeyIds.filter((id) => joining.has(id));
  const found = new Map((await journeysForParticipation(trx, actor.municipalityId, ids)).map((j) => [j.id, j]));
  const errors: Array<{ field: string; message: Text }> = [];
  journeyIds.forEach((id, index) => {
    if (!joining.has(id)) return;
    const journey = found.get(id);
    if (!journey) errors.push({ field: `journeyIds.${index}`, message: messages.unknownJourney });
    else if (!participatingStages.includes(journey.stage)) {
      errors.push({ field: `journeyIds.${index}`, message: messages.stageNotAllowed });
    }
  });
  if (errors.length > 0) throw new DomainError('validation_failed', { fieldErrors: errors });
  return ids.map((id) => {
    const journey = found.get(id) as { youthId: string };
    return { journeyId: id, youthId: journey.youthId };
  });
}

function audit(trx: Db, actor: Actor, action: AuditAction, details: Record<string, unknown>, youthId?: string) {
  return auditCompanyNetwork(trx, actor, action, details, youthId ?? null);
}

// ---------------------------------------------------------------------------------------------
// Events and their participants
// ---------------------------------------------------------------------------------------------

export interface MatchEventDetail {
  event: MatchEvent;
  takenPlace: boolean;
  companies: MatchEventCompany[];
  youth: MatchEventYouth[];
  wishes: MatchWish[];
  interests: MatchInterest[];
}

async function detailOf(trx: Db, actor: Actor, event: MatchEvent, now: Date): Promise<MatchEventDetail> {
  return {
    event,
    takenPlace: hasTakenPlace(event, now),
    companies: await eventCompanies(trx, actor.municipalityId, event.id),
    youth: await eventYouth(trx, actor.municipalityId, event.id),
    wishes: await eventWishes(trx, actor.municipalityId, event.id),
    interests: await eventInterests(trx, actor.municipalityId, event.id),
  };
}

/**
 * Makes the event's participants exactly the companies and youth named, and audits it: one
 * entry for the event, and one per youth who joined or left (so the youth's log shows it).
 */
async function applyParticipants(
  trx: Db,
  deps: Deps,
  actor: Actor,
  event: MatchEvent,
  input: { companyIds: readonly string[]; journeyIds: readonly string[] },
  action: AuditAction,
  now: Date,
): Promise<void> {
  const companiesBefore = new Set((await eventCompanies(trx, actor.municipalityId, event.id)).map((c) => c.id));
  const youthBefore = await eventYouth(trx, actor.municipalityId, event.id);
  const journeysBefore = new Set(youthBefore.map((y) => y.journeyId));

  await requireCompanies(trx, actor, input.companyIds, 'companyIds');
  const joining = await requireJoiningJourneys(
    trx,
    actor,
    input.journeyIds,
    new Set(input.journeyIds.filter((id) => !journeysBefore.has(id))),
  );
  const leaving = youthBefore.filter((y) => !input.journeyIds.includes(y.journeyId));
  const companiesAdded = input.companyIds.filter((id) => !companiesBefore.has(id));
  const companiesRemoved = [...companiesBefore].filter((id) => !input.companyIds.includes(id));

  await removeEventCompanies(trx, actor.municipalityId, event.id, companiesRemoved);
  await removeEventYouth(
    trx,
    actor.municipalityId,
    event.id,
    leaving.map((y) => y.journeyId),
  );
  await addEventCompanies(trx, actor.municipalityId, event.id, companiesAdded);
  await addEventYouth(trx, actor.municipalityId, event.id, joining);
  await noteParticipation(trx, deps, actor, event, input.journeyIds, now);

  await audit(trx, actor, action, {
    matchEventId: event.id,
    change: 'participants',
    companiesAdded,
    companiesRemoved,
    journeysAdded: joining.map((j) => j.journeyId),
    journeysRemoved: leaving.map((y) => y.journeyId),
  });
  for (const j of joining) {
    await audit(
      trx,
      actor,
      action,
      { matchEventId: event.id, change: 'youth_added', journeyId: j.journeyId },
      j.youthId,
    );
  }
  for (const y of leaving) {
    await audit(
      trx,
      actor,
      action,
      { matchEventId: event.id, change: 'youth_removed', journeyId: y.journeyId },
      y.youthId,
    );
  }
}

export async function createMatchEvent(
  deps: Deps,
  actor: Actor,
  input: {
    date: string;
    place: string;
    note: string | null | undefined;
    companyIds: readonly string[];
    journeyIds: readonly string[];
  },
): Promise<MatchEventDetail> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const event = await insertMatchEvent(trx, actor.municipalityId, {
      date: input.date,
      place: input.place,
      note: input.note ?? null,
      createdBy: actor.userId,
    });
    await applyParticipants(trx, deps, actor, event, input, 'match_event.created', now);
    return detailOf(trx, actor, event, now);
  });
}

export async function findMatchEvents(
  deps: Deps,
  actor: Actor,
  criteria: { from?: string | undefined; to?: string | undefined; page: number; pageSize: number },
) {
  return listMatchEvents(
    deps.db,
    actor.municipalityId,
    { from: criteria.from, to: criteria.to },
    { limit: criteria.pageSize, offset: (criteria.page - 1) * criteria.pageSize },
  );
}

/** Who read which youth's participation is logged, as for the caseload list. */
function auditRead(trx: Db, actor: Actor, eventId: string, view: string, youth: readonly MatchParticipant[]) {
  return audit(trx, actor, 'journey.listed', {
    criteria: { matchEventId: eventId, view },
    resultCount: youth.length,
    journeyIds: youth.map((y) => y.journeyId),
  });
}

export async function readMatchEvent(deps: Deps, actor: Actor, id: string): Promise<MatchEventDetail> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const event = await findMatchEvent(trx, actor.municipalityId, id);
    if (!event) throw new DomainError('not_found');
    const detail = await detailOf(trx, actor, event, now);
    await auditRead(trx, actor, id, 'match_event', detail.youth);
    return detail;
  });
}

export async function setParticipants(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { companyIds: readonly string[]; journeyIds: readonly string[]; version?: number | undefined },
): Promise<MatchEventDetail> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const current = await findMatchEvent(trx, actor.municipalityId, id, { forUpdate: true });
    if (!current) throw new DomainError('not_found');
    if (input.version !== undefined && input.version !== current.version) {
      throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    }
    await applyParticipants(trx, deps, actor, current, input, 'match_event.updated', now);
    const event = await bumpMatchEvent(trx, actor.municipalityId, id, current.version, now);
    if (!event) throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    return detailOf(trx, actor, event, now);
  });
}

// ---------------------------------------------------------------------------------------------
// Wishes, interests and the match list
// ---------------------------------------------------------------------------------------------

function staleVersion(currentVersion: number): DomainError {
  return new DomainError('version_conflict', { extra: { currentVersion } });
}

type FieldIssue = { field: string; message: Text };

/** Wishes naming companies that do not take part, each at `<prefix>companyIds.<index>`. */
function wishIssues(companyIds: readonly string[], taking: ReadonlySet<string>, prefix: string): FieldIssue[] {
  return companyIds.flatMap((companyId, index) =>
    taking.has(companyId) ? [] : [{ field: `${prefix}companyIds.${index}`, message: messages.companyNotParticipating }],
  );
}

/** Interest in youth who do not take part, each at `<prefix>journeyIds.<index>`. */
function interestIssues(
  journeyIds: readonly string[],
  youth: ReadonlyMap<string, unknown>,
  prefix: string,
): FieldIssue[] {
  return journeyIds.flatMap((journeyId, index) =>
    youth.has(journeyId) ? [] : [{ field: `${prefix}journeyIds.${index}`, message: messages.youthNotParticipating }],
  );
}

function refuseIssues(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new DomainError('validation_failed', { fieldErrors: issues });
}

/** Writes a youth's wishes checked by the caller, moves them to their next version, and audits it. */
async function writeWishes(
  trx: Db,
  deps: Deps,
  actor: Actor,
  event: MatchEvent,
  participant: MatchEventYouth,
  input: { companyIds: readonly string[]; version: number },
  now: Date,
): Promise<void> {
  const { companyIds } = input;
  await replaceWishes(trx, actor.municipalityId, event.id, participant.journeyId, companyIds);
  if (!(await bumpWishesVersion(trx, actor.municipalityId, event.id, participant.journeyId, input.version))) {
    throw staleVersion(participant.wishesVersion);
  }
  await noteParticipation(trx, deps, actor, event, [participant.journeyId], now);
  await audit(
    trx,
    actor,
    'match_event.updated',
    { matchEventId: event.id, change: 'wishes', journeyId: participant.journeyId, companyIds },
    participant.youthId,
  );
}

/** Writes a company's interest checked by the caller, moves it to its next version, and audits it. */
async function writeInterests(
  trx: Db,
  actor: Actor,
  event: MatchEvent,
  company: MatchEventCompany,
  youth: ReadonlyMap<string, MatchEventYouth>,
  input: { journeyIds: readonly string[]; version: number },
): Promise<void> {
  const { journeyIds } = input;
  const id = event.id;
  const companyId = company.id;
  const before = new Set(
    (await eventInterests(trx, actor.municipalityId, id))
      .filter((i) => i.companyId === companyId)
      .map((i) => i.journeyId),
  );
  await replaceInterests(trx, actor.municipalityId, id, companyId, journeyIds);
  if (!(await bumpInterestsVersion(trx, actor.municipalityId, id, companyId, input.version))) {
    throw staleVersion(company.interestsVersion);
  }
  await audit(trx, actor, 'match_event.updated', { matchEventId: id, change: 'interests', companyId, journeyIds });
  // The interest shown in a youth is the youth's data too: their log shows each change.
  const changed = [
    ...journeyIds.filter((j) => !before.has(j)).map((j) => ({ journeyId: j, change: 'interest_added' })),
    ...[...before].filter((j) => !journeyIds.includes(j)).map((j) => ({ journeyId: j, change: 'interest_removed' })),
  ];
  for (const { journeyId, change } of changed) {
    await audit(
      trx,
      actor,
      'match_event.updated',
      { matchEventId: id, change, companyId, journeyId },
      youth.get(journeyId)?.youthId,
    );
  }
}

/** The event locked for writing, with its participants by id. */
async function lockedEvent(trx: Db, actor: Pick<Actor, 'municipalityId'>, id: string) {
  const event = await findMatchEvent(trx, actor.municipalityId, id, { forUpdate: true });
  if (!event) throw new DomainError('not_found');
  const youth = new Map((await eventYouth(trx, actor.municipalityId, id)).map((y) => [y.journeyId, y]));
  const companies = new Map((await eventCompanies(trx, actor.municipalityId, id)).map((c) => [c.id, c]));
  return { event, youth, companies };
}

/**
 * Records a youth's wishes, ranked in the order given; only companies taking part. `version` is
 * the version of the youth's wishes the caseworker saw: a colleague's change since is not overwritten.
 */
export async function recordWishes(
  deps: Deps,
  actor: Actor,
  id: string,
  journeyId: string,
  input: { companyIds: readonly string[]; version: number },
): Promise<MatchEventDetail> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { event, youth, companies } = await lockedEvent(trx, actor, id);
    const participant = youth.get(journeyId);
    if (!participant) throw fieldError('journeyId', messages.youthNotParticipating);
    if (participant.wishesVersion !== input.version) throw staleVersion(participant.wishesVersion);
    refuseIssues(wishIssues(input.companyIds, new Set(companies.keys()), ''));
    await writeWishes(trx, deps, actor, event, participant, input, now);
    return detailOf(trx, actor, event, now);
  });
}

/**
 * Records which of the event's youth a company is interested in. `version` is the version of the
 * company's interest the caseworker saw: a colleague's change since is not overwritten.
 */
export async function recordInterests(
  deps: Deps,
  actor: Actor,
  id: string,
  companyId: string,
  input: { journeyIds: readonly string[]; version: number },
): Promise<MatchEventDetail> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { event, youth, companies } = await lockedEvent(trx, actor, id);
    const company = companies.get(companyId);
    if (!company) throw fieldError('companyId', messages.companyNotParticipating);
    if (company.interestsVersion !== input.version) throw staleVersion(company.interestsVersion);
    refuseIssues(interestIssues(input.journeyIds, youth, ''));
    await writeInterests(trx, actor, event, company, youth, input);
    return detailOf(trx, actor, event, now);
  });
}

/** A row of wishes or interest that someone else changed after it was read. */
export type ChoiceConflict =
  | { kind: 'wishes'; journeyId: string; currentVersion: number }
  | { kind: 'interests'; companyId: string; currentVersion: number };

/**
 * Records several youth's wishes and several companies' interest at once, each row against the
 * version it was read at, all in one transaction: when any row is refused or was changed by
 * someone else meanwhile, nothing is saved, and the answer names every such row (a version
 * conflict lists them in `conflicts`), so a page that sends everything typed never loses a part.
 */
export async function recordChoices(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    wishes: ReadonlyArray<{ journeyId: string; companyIds: readonly string[]; version: number }>;
    interests: ReadonlyArray<{ companyId: string; journeyIds: readonly string[]; version: number }>;
  },
): Promise<MatchEventDetail> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { event, youth, companies } = await lockedEvent(trx, actor, id);
    const taking = new Set(companies.keys());
    const issues: FieldIssue[] = [];
    const conflicts: ChoiceConflict[] = [];
    const wishes = input.wishes.flatMap((row, index) => {
      const participant = youth.get(row.journeyId);
      if (!participant) {
        issues.push({ field: `wishes.${index}.journeyId`, message: messages.youthNotParticipating });
        return [];
      }
      issues.push(...wishIssues(row.companyIds, taking, `wishes.${index}.`));
      if (participant.wishesVersion !== row.version) {
        conflicts.push({ kind: 'wishes', journeyId: row.journeyId, currentVersion: participant.wishesVersion });
      }
      return [{ participant, row }];
    });
    const interests = input.interests.flatMap((row, index) => {
      const company = companies.get(row.companyId);
      if (!company) {
        issues.push({ field: `interests.${index}.companyId`, message: messages.companyNotParticipating });
        return [];
      }
      issues.push(...interestIssues(row.journeyIds, youth, `interests.${index}.`));
      if (company.interestsVersion !== row.version) {
        conflicts.push({ kind: 'interests', companyId: row.companyId, currentVersion: company.interestsVersion });
      }
      return [{ company, row }];
    });
    refuseIssues(issues);
    if (conflicts.length > 0) throw new DomainError('version_conflict', { extra: { conflicts } });
    for (const { participant, row } of wishes) await writeWishes(trx, deps, actor, event, participant, row, now);
    for (const { company, row } of interests) await writeInterests(trx, actor, event, company, youth, row);
    return detailOf(trx, actor, event, now);
  });
}

export async function matchList(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ event: MatchEvent; rows: MatchRow[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const event = await findMatchEvent(trx, actor.municipalityId, id);
    if (!event) throw new DomainError('not_found');
    const youth = await eventYouth(trx, actor.municipalityId, id);
    const rows = buildMatchList(
      youth,
      await eventCompanies(trx, actor.municipalityId, id),
      await eventWishes(trx, actor.municipalityId, id),
      await eventInterests(trx, actor.municipalityId, id),
    );
    await auditRead(trx, actor, id, 'matches', youth);
    return { event, rows };
  });
}

// ---------------------------------------------------------------------------------------------
// The young person's own side: the events they take part in, and their wishes before the day
// ---------------------------------------------------------------------------------------------

/** How many wishes the youth chooses on their own side: a first, a second and a third. */
export const OWN_WISHES_MAX = 3;

export interface OwnMatchEvent {
  event: MatchEvent;
  companies: MatchEventCompany[];
  /** The youth's wishes, first wish first (company ids). */
  wishes: string[];
  /** The wishes can still be chosen: the event's day has not come. */
  open: boolean;
}

/**
 * The match events the youth's open journey takes part in from today on (a youth takes part by
 * journey: the caseworker puts them on the event's list), each with its companies and the youth's
 * wishes, the soonest first.
 */
export async function ownMatchEvents(deps: Pick<AppDeps, 'db' | 'clock'>, actor: YouthActor): Promise<OwnMatchEvent[]> {
  const today = danishDate(deps.clock());
  return deps.db.transaction().execute(async (trx) => {
    const journey = await findOpenJourneyOfYouth(trx, actor.municipalityId, actor.youthId);
    if (!journey) return [];
    const events = await matchEventsOfJourney(trx, actor.municipalityId, journey.id, today);
    const result: OwnMatchEvent[] = [];
    for (const event of events) {
      const wishes = await eventWishes(trx, actor.municipalityId, event.id);
      result.push({
        event,
        companies: await eventCompanies(trx, actor.municipalityId, event.id),
        wishes: wishes.filter((w) => w.journeyId === journey.id).map((w) => w.companyId),
        open: event.date > today,
      });
    }
    return result;
  });
}

/**
 * The youth chooses their first, second and third wish among the companies taking part (fewer is
 * fine, none clears them), before the event: from its day on the choice is the meeting's, and is
 * refused (the NExTWORK model: youth state wishes, companies their interest; Rockwool Fonden: Hvad
 * er NExTWORK?). An event the youth does not take part in is not found.
 */
export async function chooseOwnWishes(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: YouthActor,
  eventId: string,
  companyIds: readonly string[],
): Promise<OwnMatchEvent> {
  const now = deps.clock();
  if (companyIds.length > OWN_WISHES_MAX) {
    throw fieldError('companyIds', texts('companies.refusals.tooManyWishes', { max: OWN_WISHES_MAX }));
  }
  const duplicate = companyIds.findIndex((id, index) => companyIds.indexOf(id) !== index);
  if (duplicate >= 0) throw fieldError(`companyIds.${duplicate}`, texts('companies.refusals.sameWishTwice'));
  return deps.db.transaction().execute(async (trx) => {
    const journey = await findOpenJourneyOfYouth(trx, actor.municipalityId, actor.youthId);
    if (!journey) throw new DomainError('not_found');
    const { event, youth, companies } = await lockedEvent(trx, actor, eventId);
    const participant = youth.get(journey.id);
    if (!participant) throw new DomainError('not_found');
    if (hasTakenPlace(event, now)) throw new DomainError('conflict', { extra: { reason: 'event_started' } });
    refuseIssues(wishIssues(companyIds, new Set(companies.keys()), ''));
    await replaceWishes(trx, actor.municipalityId, event.id, journey.id, companyIds, 'youth');
    // The caseworker's page holds the version it read: their next save is checked against this one.
    if (!(await bumpWishesVersion(trx, actor.municipalityId, event.id, journey.id, participant.wishesVersion, now))) {
      throw staleVersion(participant.wishesVersion);
    }
    await auditAsYouth(trx, actor, 'match_event.wishes_chosen', {
      matchEventId: event.id,
      journeyId: journey.id,
      companyIds,
    });
    return { event, companies: [...companies.values()], wishes: [...companyIds], open: true };
  });
}

/** When the youth chose wishes on their own side, by event: for the journey's timeline on the staff page. */
export async function ownWishesOfYouthJourney(deps: Pick<AppDeps, 'db'>, actor: Actor, journeyId: string) {
  return ownWishesOfJourney(deps.db, actor.municipalityId, journeyId);
}
