import type { PlacementKind } from '../../machines/events.ts';
import type { Db } from '../db/database.ts';
import type { PlacementEndCause } from './placement.tables.ts';

export interface Placement {
  id: string;
  journeyId: string;
  youth: { id: string; name: string };
  company: { id: string; name: string };
  kind: PlacementKind;
  startDate: string;
  plannedEnd: string | null;
  hoursPerWeek: number;
  contactId: string | null;
  chosenByYouth: boolean;
  endedAt: Date | null;
  endReason: string | null;
  endCause: PlacementEndCause | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlacementWeek {
  weekStart: string;
  hours: number;
  recordedBy: string;
  recordedAt: Date;
  /** 'youth': the youth reported the hours and `recordedBy` confirmed them. */
  source: 'staff' | 'youth';
}

export interface PlacementCompany {
  id: string;
  name: string;
  active: boolean;
  placementCapacity: number;
}

const placementColumns = [
  'placement.id',
  'placement.journey_id',
  'placement.youth_id',
  'youth.name as youth_name',
  'placement.company_id',
  'company.name as company_name',
  'placement.kind',
  'placement.start_date',
  'placement.planned_end',
  'placement.hours_per_week',
  'placement.contact_id',
  'placement.chosen_by_youth',
  'placement.ended_at',
  'placement.end_reason',
  'placement.end_cause',
  'placement.version',
  'placement.created_at',
  'placement.updated_at',
] as const;

interface PlacementRow {
  id: string;
  journey_id: string;
  youth_id: string;
  youth_name: string;
  company_id: string;
  company_name: string;
  kind: PlacementKind;
  start_date: string;
  planned_end: string | null;
  hours_per_week: string | number;
  contact_id: string | null;
  chosen_by_youth: boolean;
  ended_at: Date | null;
  end_reason: string | null;
  end_cause: PlacementEndCause | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

function placementRowToPlacement(row: PlacementRow): Placement {
  return {
    id: row.id,
    journeyId: row.journey_id,
    youth: { id: row.youth_id, name: row.youth_name },
    company: { id: row.company_id, name: row.company_name },
    kind: row.kind,
    startDate: row.start_date,
    plannedEnd: row.planned_end,
    // numeric arrives as a string on both engines.
    hoursPerWeek: Number(row.hours_per_week),
    contactId: row.contact_id,
    chosenByYouth: row.chosen_by_youth,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    endCause: row.end_cause,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function placements(db: Db, municipalityId: string) {
  return db
    .selectFrom('placement')
    .innerJoin('youth', 'youth.id', 'placement.youth_id')
    .innerJoin('company', 'company.id', 'placement.company_id')
    .where('placement.municipality_id', '=', municipalityId);
}

export async function findPlacementCompany(
  db: Db,
  municipalityId: string,
  companyId: string,
): Promise<PlacementCompany | undefined> {
  const row = await db
    .selectFrom('company')
    .select(['id', 'name', 'active', 'placement_capacity'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', companyId)
    // Locked, so two placements at once cannot both take the company's last place.
    .forUpdate()
    .executeTakeFirst();
  return row
    ? { id: row.id, name: row.name, active: row.active, placementCapacity: row.placement_capacity }
    : undefined;
}

export async function countRunningPlacementsAt(db: Db, municipalityId: string, companyId: string): Promise<number> {
  const row = await db
    .selectFrom('placement')
    .select((eb) => eb.fn.countAll<string | number>().as('running'))
    .where('municipality_id', '=', municipalityId)
    .where('company_id', '=', companyId)
    .where('ended_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.running);
}

export async function insertPlacement(
  db: Db,
  placement: {
    id: string;
    municipalityId: string;
    journeyId: string;
    youthId: string;
    companyId: string;
    kind: PlacementKind;
    startDate: string;
    plannedEnd: string | null;
    hoursPerWeek: number;
    contactId: string | null;
    chosenByYouth: boolean;
    createdBy: string;
    createdAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('placement')
    .values({
      id: placement.id,
      municipality_id: placement.municipalityId,
      journey_id: placement.journeyId,
      youth_id: placement.youthId,
      company_id: placement.companyId,
      kind: placement.kind,
      start_date: placement.startDate,
      planned_end: placement.plannedEnd,
      hours_per_week: placement.hoursPerWeek,
      contact_id: placement.contactId,
      chosen_by_youth: placement.chosenByYouth,
      created_by: placement.createdBy,
      created_at: placement.createdAt,
      updated_at: placement.createdAt,
    })
    .execute();
}

export interface PlacementEnd {
  endedAt: Date;
  reason: string | null;
  cause: PlacementEndCause;
  now: Date;
}

/** Ends one running placement of a journey. Returns false when there was none to end. */
export async function endPlacement(
  db: Db,
  municipalityId: string,
  journeyId: string,
  placementId: string,
  end: PlacementEnd,
): Promise<boolean> {
  const result = await db
    .updateTable('placement')
    .set((eb) => ({
      ended_at: end.endedAt,
      end_reason: end.reason,
      end_cause: end.cause,
      version: eb('version', '+', 1),
      updated_at: end.now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .where('id', '=', placementId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Ends whatever placement of the journey is still running (an exit or a withdrawal). */
export async function endRunningPlacementOf(
  db: Db,
  municipalityId: string,
  journeyId: string,
  end: PlacementEnd,
): Promise<void> {
  await db
    .updateTable('placement')
    .set((eb) => ({
      ended_at: end.endedAt,
      end_reason: end.reason,
      end_cause: end.cause,
      version: eb('version', '+', 1),
      updated_at: end.now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .where('ended_at', 'is', null)
    .execute();
}

export async function findPlacement(db: Db, municipalityId: string, id: string): Promise<Placement | undefined> {
  const row = await placements(db, municipalityId)
    .select(placementColumns)
    .where('placement.id', '=', id)
    .executeTakeFirst();
  return row ? placementRowToPlacement(row) : undefined;
}

/** A journey's placements, oldest first. */
export async function listPlacementsOfJourney(db: Db, municipalityId: string, journeyId: string): Promise<Placement[]> {
  const rows = await placements(db, municipalityId)
    .select(placementColumns)
    .where('placement.journey_id', '=', journeyId)
    .orderBy('placement.start_date')
    .orderBy('placement.created_at')
    .execute();
  return rows.map(placementRowToPlacement);
}

export interface PlacementFilter {
  companyId?: string | undefined;
  /** Running (not ended) or ended. */
  active?: boolean | undefined;
}

export async function listPlacements(
  db: Db,
  municipalityId: string,
  filter: PlacementFilter,
  page: { limit: number; offset: number },
): Promise<{ items: Placement[]; total: number }> {
  let query = placements(db, municipalityId);
  if (filter.companyId) query = query.where('placement.company_id', '=', filter.companyId);
  if (filter.active === true) query = query.where('placement.ended_at', 'is', null);
  if (filter.active === false) query = query.where('placement.ended_at', 'is not', null);
  const rows = await query
    .select(placementColumns)
    .orderBy('placement.start_date', 'desc')
    .orderBy('placement.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  return { items: rows.map(placementRowToPlacement), total: Number(count.total) };
}

export interface PlacementChanges {
  plannedEnd?: string | null;
  hoursPerWeek?: number;
  contactId?: string | null;
}

/** Applies the changes when the placement is still at `expectedVersion`; false otherwise. */
export async function updatePlacement(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  changes: PlacementChanges,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('placement')
    .set({
      ...(changes.plannedEnd !== undefined ? { planned_end: changes.plannedEnd } : {}),
      ...(changes.hoursPerWeek !== undefined ? { hours_per_week: changes.hoursPerWeek } : {}),
      ...(changes.contactId !== undefined ? { contact_id: changes.contactId } : {}),
      version: expectedVersion + 1,
      updated_at: now,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Sets the hours of one week, replacing what was logged for that week before. */
export async function upsertPlacementWeek(
  db: Db,
  week: {
    municipalityId: string;
    placementId: string;
    journeyId: string;
    weekStart: string;
    hours: number;
    recordedBy: string;
    recordedAt: Date;
    source: 'staff' | 'youth';
  },
): Promise<void> {
  await db
    .insertInto('placement_hours')
    .values({
      municipality_id: week.municipalityId,
      placement_id: week.placementId,
      journey_id: week.journeyId,
      week_start: week.weekStart,
      hours: week.hours,
      recorded_by: week.recordedBy,
      recorded_at: week.recordedAt,
      source: week.source,
    })
    .onConflict((oc) =>
      oc.columns(['placement_id', 'week_start']).doUpdateSet({
        hours: week.hours,
        recorded_by: week.recordedBy,
        recorded_at: week.recordedAt,
        source: week.source,
      }),
    )
    .execute();
}

/** The weeks logged for a placement, oldest first. */
export async function listPlacementWeeks(
  db: Db,
  municipalityId: string,
  placementId: string,
): Promise<PlacementWeek[]> {
  const rows = await db
    .selectFrom('placement_hours')
    .select(['week_start', 'hours', 'recorded_by', 'recorded_at', 'source'])
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', '=', placementId)
    .orderBy('week_start')
    .execute();
  return rows.map((r) => ({
    weekStart: r.week_start,
    hours: Number(r.hours),
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    source: r.source,
  }));
}
