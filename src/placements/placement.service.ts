import type { PlacementKind } from '../../machines/events.ts';
import { placementStateOf, restore, stageOf } from '../../machines/journey.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { noteJourneyActivity } from '../alerts/activity-facts.ts';
import { findContact } from '../companies/company.repository.ts';
import { setPlacementHoursPerWeek } from '../alerts/risk-row.repository.ts';
import type { JourneyRecord } from '../journeys/journey.repository.ts';
import { updateOfferOfPlacement } from '../offers/offer.repository.ts';
import { recordEvents } from '../journeys/journey.service.ts';
import { auditAs } from '../audit/audit-as.ts';
import { addDays, isoWeekday, mondayOf } from '../shared/days.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import {
  findPlacement,
  listPlacements,
  listPlacementsOfJourney,
  listPlacementWeeks,
  type Placement,
  type PlacementChanges,
  type PlacementFilter,
  type PlacementWeek,
  updatePlacement,
  upsertPlacementWeek,
} from './placement.repository.ts';
import { settleHoursReport } from './hours-report.repository.ts';
import { texts } from '../shared/texts.ts';
import { journeyAs, readingAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets' | 'journeyEffects'>;

export interface PlacementDetail extends Placement {
  weeks: PlacementWeek[];
  totalHours: number;
}

function snapshotOf(journey: JourneyRecord) {
  return restore({ machineVersion: journey.machineVersion, snapshot: journey.snapshot as never });
}

function detailOf(placement: Placement, weeks: PlacementWeek[]): PlacementDetail {
  return { ...placement, weeks, totalHours: weeks.reduce((sum, w) => sum + w.hours, 0) };
}

// ---------------------------------------------------------------------------------------------
// Switching company
// ---------------------------------------------------------------------------------------------

export interface SwitchPlacementInput {
  expectedVersion: number;
  companyId: string;
  kind: PlacementKind;
  hoursPerWeek: number;
  plannedEnd?: string | undefined;
  contactId?: string | undefined;
  chosenByYouth: boolean;
  reason?: string | undefined;
  occurredAt?: string | undefined;
}

/**
 * The youth moves to another company (Rockwool Fonden: the NExTWORK evaluation summary (2025): the youth may switch company): the current
 * placement ends and the next starts in one step, recorded as PLACEMENT_ENDED followed by
 * PLACEMENT_STARTED in one transaction. If the new placement is refused, the old one keeps running.
 */
export async function switchPlacement(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  input: SwitchPlacementInput,
): Promise<{ journeyVersion: number; ended: Placement; started: Placement }> {
  const journey = await journeyAs(deps.db, actor, journeyId);
  if (!journey) throw new DomainError('not_found');
  if (journey.version !== input.expectedVersion) {
    throw new DomainError('version_conflict', { extra: { currentVersion: journey.version } });
  }
  const snapshot = snapshotOf(journey);
  const current = snapshot.context.currentPlacement;
  if (!current) {
    throw new DomainError('event_not_accepted', {
      extra: { stage: stageOf(snapshot), placement: placementStateOf(snapshot) },
      fieldErrors: [
        {
          field: 'companyId',
          message: texts('placements.refusals.notPlacedNow'),
        },
      ],
    });
  }
  const view = await recordEvents(deps, actor, journeyId, input.expectedVersion, [
    { type: 'PLACEMENT_ENDED', placementId: current.placementId, reason: input.reason, occurredAt: input.occurredAt },
    {
      type: 'PLACEMENT_STARTED',
      companyId: input.companyId,
      kind: input.kind,
      hoursPerWeek: input.hoursPerWeek,
      plannedEnd: input.plannedEnd,
      contactId: input.contactId,
      chosenByYouth: input.chosenByYouth,
      occurredAt: input.occurredAt,
    },
  ]);
  const startedId = snapshotOf(view.journey).context.currentPlacement?.placementId;
  const ended = await findPlacement(deps.db, actor.municipalityId, current.placementId);
  const started = startedId ? await findPlacement(deps.db, actor.municipalityId, startedId) : undefined;
  if (!ended || !started) throw new Error(`Switch on journey ${journeyId} left no placement rows`);
  return { journeyVersion: view.journey.version, ended, started };
}

// ---------------------------------------------------------------------------------------------
// Hours worked
// ---------------------------------------------------------------------------------------------

/** The week must be a Monday, begun, and within the placement. */
function checkWeek(placement: Placement, weekStart: string, now: Date): void {
  if (isoWeekday(weekStart) !== 1) {
    throw invalidField('weekStart', 'placements.refusals.weekByMonday');
  }
  if (weekStart > mondayOf(danishDate(now))) {
    throw invalidField('weekStart', 'placements.refusals.weekNotBegun');
  }
  if (addDays(weekStart, 6) < placement.startDate) {
    throw invalidField('weekStart', 'placements.refusals.weekBeforeStart', { date: placement.startDate });
  }
  if (placement.endedAt && weekStart > danishDate(placement.endedAt)) {
    throw invalidField('weekStart', 'placements.refusals.weekAfterEnd', { date: danishDate(placement.endedAt) });
  }
}

/**
 * Writes the hours worked in one week, in the caller's transaction: what the caseworker logs, and
 * what the youth reported once the caseworker confirms it (`source` 'youth'). A report of the youth
 * still waiting for that week is settled by it, as confirmed or corrected. Hours worked are
 * recorded activity (docs/domain.md, "The rules", "passive"), dated at the end of that week, or now
 * while the week is still running.
 */
export async function writeHoursWorked(
  trx: Db,
  deps: Pick<AppDeps, 'clock' | 'ruleSets' | 'riskRefresh'>,
  actor: Actor,
  placement: Placement,
  week: { weekStart: string; hours: number; source: 'staff' | 'youth' },
): Promise<void> {
  const now = deps.clock();
  const { weekStart, hours } = week;
  checkWeek(placement, weekStart, now);
  await upsertPlacementWeek(trx, {
    municipalityId: actor.municipalityId,
    placementId: placement.id,
    journeyId: placement.journeyId,
    weekStart,
    hours,
    recordedBy: actor.userId,
    recordedAt: now,
    source: week.source,
  });
  await settleHoursReport(trx, actor.municipalityId, placement.id, weekStart, { hours, by: actor.userId, at: now });
  // Hours worked are activity; any week recorded, none included, may change the run of weeks
  // below the hours agreed (the low_hours rule).
  const endOfWeek = new Date(startOfDanishDay(addDays(weekStart, 7)).getTime() - 1);
  await noteJourneyActivity(
    trx,
    deps,
    actor.municipalityId,
    placement.journeyId,
    hours > 0 ? (endOfWeek < now ? endOfWeek : now) : null,
  );
  await auditAs(trx, actor, 'placement.hours_logged', placement.youth.id, {
    journeyId: placement.journeyId,
    placementId: placement.id,
    weekStart,
    hours,
    ...(week.source === 'youth' ? { reportedByYouth: true } : {}),
  });
}

/** Sets the hours the youth actually worked in one week (Monday to Sunday), as the caseworker logs them. */
export async function logPlacementHours(
  deps: Deps,
  actor: Actor,
  placementId: string,
  weekStart: string,
  hours: number,
): Promise<PlacementDetail> {
  const now = deps.clock();
  if (isoWeekday(weekStart) !== 1) {
    throw invalidField('weekStart', 'placements.refusals.weekByMonday');
  }
  if (weekStart > mondayOf(danishDate(now))) {
    throw invalidField('weekStart', 'placements.refusals.weekNotBegun');
  }
  return deps.db.transaction().execute(async (trx) => {
    const placement = await findPlacement(trx, actor.municipalityId, placementId);
    if (!placement) throw new DomainError('not_found');
    await writeHoursWorked(trx, deps, actor, placement, { weekStart, hours, source: 'staff' });
    return detailOf(placement, await listPlacementWeeks(trx, actor.municipalityId, placementId));
  });
}

// ---------------------------------------------------------------------------------------------
// Changing the agreement
// ---------------------------------------------------------------------------------------------

export async function changePlacement(
  deps: Deps,
  actor: Actor,
  placementId: string,
  input: { version: number } & PlacementChanges,
): Promise<PlacementDetail> {
  const now = deps.clock();
  const { version, ...changes } = input;
  const fields = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
  if (fields.length === 0) {
    throw invalidField('body', 'placements.refusals.noChange');
  }
  return deps.db.transaction().execute(async (trx) => {
    const placement = await findPlacement(trx, actor.municipalityId, placementId);
    if (!placement) throw new DomainError('not_found');
    if (placement.endedAt) {
      throw new DomainError('conflict', {
        fieldErrors: [
          {
            field: 'body',
            message: texts('placements.refusals.ended'),
          },
        ],
      });
    }
    if (changes.plannedEnd && changes.plannedEnd < placement.startDate) {
      throw invalidField('plannedEnd', 'placements.refusals.plannedEndBeforeStart');
    }
    if (changes.contactId && !(await findContact(trx, actor.municipalityId, placement.company.id, changes.contactId))) {
      throw invalidField('contactId', 'placements.refusals.contactNotOfCompany');
    }
    if (!(await updatePlacement(trx, actor.municipalityId, placementId, version, changes, now))) {
      throw new DomainError('version_conflict', { extra: { currentVersion: placement.version } });
    }
    // An internship's or a wage subsidy's offer keeps the placement's terms (docs/domain.md, "offer").
    await updateOfferOfPlacement(trx, actor.municipalityId, placementId, changes, now);
    await auditAs(trx, actor, 'placement.updated', placement.youth.id, {
      journeyId: placement.journeyId,
      placementId,
      fields,
    });
    // The low-hours rule measures the weeks worked against the hours agreed (ended placements are refused above).
    if (changes.hoursPerWeek !== undefined) {
      await setPlacementHoursPerWeek(trx, actor.municipalityId, placement.journeyId, changes.hoursPerWeek);
      await noteJourneyActivity(trx, deps, actor.municipalityId, placement.journeyId, null);
    }
    const updated = await findPlacement(trx, actor.municipalityId, placementId);
    if (!updated) throw new DomainError('not_found');
    return detailOf(updated, await listPlacementWeeks(trx, actor.municipalityId, placementId));
  });
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export async function readPlacement(deps: Deps, actor: Actor, placementId: string): Promise<PlacementDetail> {
  return readingAs(deps.db, actor, async (trx) => {
    const placement = await findPlacement(trx, actor.municipalityId, placementId);
    if (!placement) throw new DomainError('not_found');
    const weeks = await listPlacementWeeks(trx, actor.municipalityId, placementId);
    await auditAs(trx, actor, 'journey.read', placement.youth.id, {
      journeyId: placement.journeyId,
      placementId,
      view: 'placement',
    });
    return detailOf(placement, weeks);
  });
}

/** Refuses, as not found, a placement that is not the youth's (see requireJourneyOfYouth). Reads ids only. */
export async function requirePlacementOfYouth(deps: Deps, actor: Actor, placementId: string, youthId: string) {
  const placement = await findPlacement(deps.db, actor.municipalityId, placementId);
  if (!placement || placement.youth.id !== youthId) throw new DomainError('not_found');
}

export async function placementsOfJourney(deps: Deps, actor: Actor, journeyId: string): Promise<Placement[]> {
  return readingAs(deps.db, actor, async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const items = await listPlacementsOfJourney(trx, actor.municipalityId, journeyId);
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId, view: 'placements' });
    return items;
  });
}

/** Placements across the municipality, e.g. a company's youth; audited as a search. */
export async function findPlacements(
  deps: Deps,
  actor: Actor,
  filter: PlacementFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: Placement[]; total: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const result = await listPlacements(trx, actor.municipalityId, filter, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    await auditAs(trx, actor, 'journey.listed', null, {
      view: 'placements',
      criteria: { ...filter, ...page },
      resultCount: result.total,
      journeyIds: result.items.map((p) => p.journeyId),
    });
    return result;
  });
}
