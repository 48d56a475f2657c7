import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { JourneyEventTable, JourneyTable, ReferralSource, RuleDecisionTable } from '../db/schema.ts';

export interface JourneyRecord {
  id: string;
  municipalityId: string;
  youthId: string;
  returning: boolean;
  referralSource: ReferralSource;
  referralReason: string;
  firstContactAt: Date;
  stage: string;
  open: boolean;
  snapshot: Record<string, unknown>;
  machineVersion: number;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

function journeyRowToRecord(row: Selectable<JourneyTable>): JourneyRecord {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    youthId: row.youth_id,
    returning: row.returning,
    referralSource: row.referral_source,
    referralReason: row.referral_reason,
    firstContactAt: row.first_contact_at,
    stage: row.stage,
    open: row.open,
    snapshot: row.snapshot,
    machineVersion: row.machine_version,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface JourneyEventRecord {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
  recordedAt: Date;
  actorId: string;
}

function eventRowToRecord(row: Selectable<JourneyEventTable>): JourneyEventRecord {
  return {
    seq: row.seq,
    type: row.type,
    payload: row.payload,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actorId: row.actor_id,
  };
}

export interface RuleDecisionRecord {
  eventSeq: number;
  ruleSet: string;
  ruleSetVersion: string;
  outcome: string;
  facts: Record<string, unknown>;
  result: Record<string, unknown>;
  decidedAt: Date;
}

function decisionRowToRecord(row: Selectable<RuleDecisionTable>): RuleDecisionRecord {
  return {
    eventSeq: row.event_seq,
    ruleSet: row.rule_set,
    ruleSetVersion: row.rule_set_version,
    outcome: row.outcome,
    facts: row.facts,
    result: row.result,
    decidedAt: row.decided_at,
  };
}

export async function insertJourney(
  db: Db,
  journey: {
    id: string;
    municipalityId: string;
    youthId: string;
    returning: boolean;
    referralSource: ReferralSource;
    referralReason: string;
    firstContactAt: Date;
    stage: string;
    open: boolean;
    snapshot: unknown;
    machineVersion: number;
    createdBy: string;
  },
): Promise<JourneyRecord> {
  const row = await db
    .insertInto('journey')
    .values({
      id: journey.id,
      municipality_id: journey.municipalityId,
      youth_id: journey.youthId,
      returning: journey.returning,
      referral_source: journey.referralSource,
      referral_reason: journey.referralReason,
      first_contact_at: journey.firstContactAt,
      stage: journey.stage,
      open: journey.open,
      snapshot: JSON.stringify(journey.snapshot),
      machine_version: journey.machineVersion,
      created_by: journey.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return journeyRowToRecord(row);
}

/** A journey by id, optionally locked for the rest of the transaction. */
export async function findJourney(
  db: Db,
  municipalityId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<JourneyRecord | undefined> {
  let query = db.selectFrom('journey').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? journeyRowToRecord(row) : undefined;
}

export async function listJourneysOfYouth(db: Db, municipalityId: string, youthId: string): Promise<JourneyRecord[]> {
  const rows = await db
    .selectFrom('journey')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(journeyRowToRecord);
}

/**
 * Writes the next snapshot when the journey is still at `expectedVersion`. Returns false when
 * someone else got there first: the caller answers 409 and nothing is written.
 */
export async function advanceJourney(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  next: { stage: string; open: boolean; snapshot: unknown; machineVersion: number },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('journey')
    .set({
      stage: next.stage,
      open: next.open,
      snapshot: JSON.stringify(next.snapshot),
      machine_version: next.machineVersion,
      version: expectedVersion + 1,
      updated_at: now,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function appendJourneyEvent(
  db: Db,
  event: {
    municipalityId: string;
    journeyId: string;
    seq: number;
    type: string;
    payload: unknown;
    occurredAt: Date;
    recordedAt: Date;
    actorId: string;
  },
): Promise<void> {
  await db
    .insertInto('journey_event')
    .values({
      municipality_id: event.municipalityId,
      journey_id: event.journeyId,
      seq: event.seq,
      type: event.type,
      payload: JSON.stringify(event.payload),
      occurred_at: event.occurredAt,
      recorded_at: event.recordedAt,
      actor_id: event.actorId,
    })
    .execute();
}

export async function listJourneyEvents(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<JourneyEventRecord[]> {
  const rows = await db
    .selectFrom('journey_event')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .orderBy('seq')
    .execute();
  return rows.map(eventRowToRecord);
}

export async function insertRuleDecision(
  db: Db,
  decision: {
    municipalityId: string;
    journeyId: string;
    eventSeq: number;
    ruleSet: string;
    ruleSetVersion: string;
    outcome: string;
    facts: unknown;
    result: unknown;
    decidedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('rule_decision')
    .values({
      municipality_id: decision.municipalityId,
      journey_id: decision.journeyId,
      event_seq: decision.eventSeq,
      rule_set: decision.ruleSet,
      rule_set_version: decision.ruleSetVersion,
      outcome: decision.outcome,
      facts: JSON.stringify(decision.facts),
      result: JSON.stringify(decision.result),
      decided_at: decision.decidedAt,
    })
    .execute();
}

/** The newest decision of each rule set for a journey. */
export async function latestRuleDecisions(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<RuleDecisionRecord[]> {
  const rows = await db
    .selectFrom('rule_decision')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .orderBy('id', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.rule_set) && seen.add(r.rule_set)).map(decisionRowToRecord);
}
