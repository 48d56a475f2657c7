import { sql } from 'kysely';
import type { PlacementKind } from '../../machines/events.ts';
import type { Db } from '../db/database.ts';
import type { ProgressionFactor } from '../progression/progression.factors.ts';

/** A journey drawn for the evaluation: the visitation event that carried the draw, and its youth. */
export interface DrawnJourney {
  journeyId: string;
  cprEncrypted: string;
  returning: boolean;
  stage: string;
  firstContactAt: Date;
  visitationAt: Date;
  /** VISITATION_DECIDED's payload: category, barriers and the draw ({ seed, arm }). */
  visitation: Record<string, unknown>;
}

/** The journeys whose draw (the visitation with a randomisation) happened in [from, to), oldest first. */
export async function listDrawnJourneys(db: Db, municipalityId: string, from: Date, to: Date): Promise<DrawnJourney[]> {
  const rows = await db
    .selectFrom('journey_event as e')
    .innerJoin('journey', 'journey.id', 'e.journey_id')
    .innerJoin('youth', 'youth.id', 'journey.youth_id')
    .select([
      'e.journey_id',
      'e.seq',
      'e.occurred_at',
      'e.payload',
      'youth.cpr_encrypted',
      'journey.returning',
      'journey.stage',
      'journey.first_contact_at',
    ])
    .where('e.municipality_id', '=', municipalityId)
    .where('journey.municipality_id', '=', municipalityId)
    .where('e.type', '=', 'VISITATION_DECIDED')
    .where(sql<boolean>`(e.payload -> 'randomisation') is not null`)
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', to)
    .orderBy('e.occurred_at')
    .orderBy('e.journey_id')
    .orderBy('e.seq')
    .execute();
  // A journey is drawn once; should a later visitation carry a draw too, the first one counts.
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.journey_id) && seen.add(r.journey_id))
    .map((r) => ({
      journeyId: r.journey_id,
      cprEncrypted: r.cpr_encrypted,
      returning: r.returning,
      stage: r.stage,
      firstContactAt: r.first_contact_at,
      visitationAt: r.occurred_at,
      visitation: r.payload,
    }));
}

/** The journeys' exits and withdrawals: the first of each per journey. */
export async function listEndings(
  db: Db,
  municipalityId: string,
  journeyIds: readonly string[],
): Promise<Array<{ journeyId: string; type: 'EXITED' | 'WITHDRAWN'; occurredAt: Date; outcome: string | null }>> {
  if (journeyIds.length === 0) return [];
  const rows = await db
    .selectFrom('journey_event')
    .select(['journey_id', 'type', 'occurred_at', sql<string | null>`payload ->> 'outcome'`.as('outcome')])
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', 'in', journeyIds)
    .where('type', 'in', ['EXITED', 'WITHDRAWN'])
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    journeyId: r.journey_id,
    type: r.type as 'EXITED' | 'WITHDRAWN',
    occurredAt: r.occurred_at,
    outcome: r.outcome,
  }));
}

export interface PlacementSpan {
  journeyId: string;
  kind: PlacementKind;
  startDate: string;
  endedAt: Date | null;
}

export async function listPlacementSpans(
  db: Db,
  municipalityId: string,
  journeyIds: readonly string[],
): Promise<PlacementSpan[]> {
  if (journeyIds.length === 0) return [];
  const rows = await db
    .selectFrom('placement')
    .select(['journey_id', 'kind', 'start_date', 'ended_at'])
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', 'in', journeyIds)
    .execute();
  return rows.map((r) => ({ journeyId: r.journey_id, kind: r.kind, startDate: r.start_date, endedAt: r.ended_at }));
}

export async function listFollowUpStatuses(
  db: Db,
  municipalityId: string,
  journeyIds: readonly string[],
): Promise<Array<{ journeyId: string; month: number; status: string | null }>> {
  if (journeyIds.length === 0) return [];
  const rows = await db
    .selectFrom('follow_up')
    .select(['journey_id', 'month', 'status'])
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', 'in', journeyIds)
    .execute();
  return rows.map((r) => ({ journeyId: r.journey_id, month: Number(r.month), status: r.status }));
}

export interface Measurement {
  journeyId: string;
  measuredOn: string;
  scores: Record<ProgressionFactor, number | null>;
}

/** The journeys' progression measurements, oldest first. */
export async function listProgression(
  db: Db,
  municipalityId: string,
  journeyIds: readonly string[],
): Promise<Measurement[]> {
  if (journeyIds.length === 0) return [];
  const rows = await db
    .selectFrom('progression_measurement')
    .select([
      'journey_id',
      'measured_on',
      'belief_in_own_abilities',
      'self_rated_health',
      'network',
      'meaning_and_direction',
      'readiness',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', 'in', journeyIds)
    .orderBy('measured_on')
    .orderBy('recorded_at')
    .execute();
  return rows.map((r) => ({
    journeyId: r.journey_id,
    measuredOn: r.measured_on,
    scores: {
      beliefInOwnAbilities: r.belief_in_own_abilities,
      selfRatedHealth: r.self_rated_health,
      network: r.network,
      meaningAndDirection: r.meaning_and_direction,
      readiness: r.readiness,
    },
  }));
}
