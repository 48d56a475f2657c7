import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { scrubObject } from './scrub.ts';

/** Lets this transaction blank or remove journey events and case notes (see the retention migration). */
export async function allowErasure(trx: Db): Promise<void> {
  await sql`select set_config('ungeflow.erasing', 'on', true)`.execute(trx);
}

export interface RetentionCandidate {
  youthId: string;
  /** When the youth's last journey closed (its last event); their registration without a journey. */
  lastClosedAt: Date;
}

/**
 * The municipality's youth whose personal data has outlived the retention period: not
 * anonymised, not on legal hold, no open journey, and the last journey closed (or, without one,
 * the registration) before `closedBefore`.
 */
export async function findRetentionCandidates(
  db: Db,
  municipalityId: string,
  closedBefore: Date,
): Promise<RetentionCandidate[]> {
  const { rows } = await sql<{ id: string; last_closed_at: Date }>`
    select id, last_closed_at from (
      select y.id, coalesce(
        (select max(e.occurred_at) from journey_event e join journey j on j.id = e.journey_id where j.youth_id = y.id),
        (select max(j.first_contact_at) from journey j where j.youth_id = y.id),
        y.created_at) as last_closed_at
      from youth y
      where y.municipality_id = ${municipalityId}
        and y.anonymised_at is null
        and y.legal_hold_reason is null
        and not exists (select 1 from journey j where j.youth_id = y.id and j.open)
    ) c
    where last_closed_at < ${closedBefore}
    order by last_closed_at, id`.execute(db);
  return rows.map((r) => ({ youthId: r.id, lastClosedAt: new Date(r.last_closed_at) }));
}

/** Rewrites a JSON column of the rows `where` picks without its free text (see scrub.ts). */
async function scrubJson(
  trx: Db,
  table: string,
  columns: readonly string[],
  where: ReturnType<typeof sql>,
  known: readonly string[],
): Promise<void> {
  const { rows } = await sql<
    Record<string, unknown>
  >`select id, ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)} where ${where}`.execute(trx);
  for (const row of rows) {
    const sets = columns.map((c) => {
      const value = row[c];
      const scrubbed = Array.isArray(value)
        ? []
        : value && typeof value === 'object'
          ? scrubObject(value as Record<string, unknown>, known)
          : value;
      return sql`${sql.ref(c)} = ${JSON.stringify(scrubbed)}::jsonb`;
    });
    await sql`update ${sql.table(table)} set ${sql.join(sets)} where id = ${row.id}`.execute(trx);
  }
}

/**
 * Removes every personal field of the youth and of what was recorded about them: name, CPR,
 * contact details and all free text. Dates, stages, categories, codes and counts stay, so figures
 * for past periods come out the same. `known` are the youth's own details, which no kept string
 * may contain. The caller has called allowErasure in the transaction.
 */
export async function anonymiseYouthData(
  trx: Db,
  municipalityId: string,
  youthId: string,
  known: readonly string[],
  now: Date,
): Promise<void> {
  const ofYouth = sql`municipality_id = ${municipalityId} and youth_id = ${youthId}`;
  const ofJourneys = sql`municipality_id = ${municipalityId} and journey_id in (select id from journey where youth_id = ${youthId})`;
  const ofAlerts = sql`municipality_id = ${municipalityId} and alert_id in (select id from alert where youth_id = ${youthId})`;

  await trx
    .updateTable('youth')
    .set((eb) => ({
      name: '-',
      cpr_encrypted: '',
      cpr_hash: sql<string>`'anonymised:' || id::text`,
      phone: null,
      email: null,
      address: null,
      anonymised_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', youthId)
    .execute();

  await sql`update journey set referral_reason = '-' where municipality_id = ${municipalityId} and youth_id = ${youthId}`.execute(
    trx,
  );
  await scrubJson(trx, 'journey', ['snapshot'], ofYouth, known);
  await scrubJson(trx, 'journey_event', ['payload'], ofJourneys, known);
  await scrubJson(trx, 'rule_decision', ['facts', 'result'], ofJourneys, known);
  await scrubJson(trx, 'alert', ['explanation', 'facts'], ofYouth, known);
  await sql`update alert_history set note = null where ${ofAlerts}`.execute(trx);
  await scrubJson(trx, 'alert_history', ['details'], ofAlerts, known);
  await scrubJson(trx, 'webhook_delivery', ['payload'], ofAlerts, known);
  await sql`update webhook_delivery set last_error = null where ${ofAlerts}`.execute(trx);
  await sql`update activity set note = null where ${ofYouth}`.execute(trx);
  await sql`update appointment set note = null, place = case when place is null then null else '-' end where ${ofYouth}`.execute(
    trx,
  );
  await sql`update case_note_version set text = '-' where municipality_id = ${municipalityId}
    and note_id in (select id from case_note where youth_id = ${youthId})`.execute(trx);
  await sql`update education_injunction set goal = '-' where ${ofYouth}`.execute(trx);
  await sql`update group_attendance set note = null where ${ofYouth}`.execute(trx);
  await sql`update match_event set note = null where municipality_id = ${municipalityId}
    and id in (select match_event_id from match_event_youth where youth_id = ${youthId})`.execute(trx);
  await sql`update offer set note = null where ${ofYouth}`.execute(trx);
  await sql`update placement set end_reason = null where ${ofYouth}`.execute(trx);
  await sql`update plan_content set goal = null, agreements = '[]'::jsonb, next_steps = '[]'::jsonb,
    stabilisation = '[]'::jsonb where ${ofJourneys}`.execute(trx);
  await scrubJson(trx, 'plan_version', ['data'], ofYouth, known);
  // No log-in of theirs outlives the data (findYouthBySession refuses an anonymised youth besides),
  // and the messages sent them named them and their phone or e-mail.
  await sql`delete from youth_session where ${ofYouth}`.execute(trx);
  await sql`delete from youth_invitation where ${ofYouth}`.execute(trx);
  await sql`delete from youth_reminder where ${ofYouth}`.execute(trx);
  await sql`delete from youth_reminder_choice where ${ofYouth}`.execute(trx);
  await sql`delete from outgoing_message where ${ofYouth}`.execute(trx);
}

/**
 * Removes the youth and everything recorded about them, child rows first. For a youth registered
 * by mistake only; the caller has called allowErasure in the transaction.
 */
export async function deleteYouthData(trx: Db, municipalityId: string, youthId: string): Promise<void> {
  const ofYouth = sql`municipality_id = ${municipalityId} and youth_id = ${youthId}`;
  const ofJourneys = sql`municipality_id = ${municipalityId} and journey_id in (select id from journey where youth_id = ${youthId})`;
  const ofAlerts = sql`municipality_id = ${municipalityId} and alert_id in (select id from alert where youth_id = ${youthId})`;
  const statements = [
    sql`delete from youth_session where ${ofYouth}`,
    sql`delete from youth_invitation where ${ofYouth}`,
    sql`delete from youth_reminder where ${ofYouth}`,
    sql`delete from youth_reminder_choice where ${ofYouth}`,
    sql`delete from outgoing_message where ${ofYouth}`,
    sql`delete from match_interest where ${ofJourneys}`,
    sql`delete from match_wish where ${ofJourneys}`,
    sql`delete from match_event_youth where ${ofYouth}`,
    sql`delete from alert_history where ${ofAlerts}`,
    sql`delete from webhook_delivery where ${ofAlerts}`,
    sql`delete from alert where ${ofYouth}`,
    sql`delete from rule_decision where ${ofJourneys}`,
    sql`delete from journey_event where ${ofJourneys}`,
    sql`delete from plan_version where ${ofJourneys}`,
    sql`delete from plan_content where ${ofJourneys}`,
    sql`delete from placement_hours where ${ofJourneys}`,
    sql`delete from hours_report where ${ofYouth}`,
    sql`delete from offer where ${ofYouth}`,
    sql`delete from placement where ${ofYouth}`,
    sql`delete from activity where ${ofYouth}`,
    sql`delete from appointment where ${ofYouth}`,
    sql`delete from case_note_version where municipality_id = ${municipalityId}
      and note_id in (select id from case_note where youth_id = ${youthId})`,
    sql`delete from case_note where ${ofYouth}`,
    sql`delete from education_injunction where ${ofYouth}`,
    sql`delete from follow_up where ${ofYouth}`,
    sql`delete from group_attendance where ${ofYouth}`,
    sql`delete from group_membership where ${ofYouth}`,
    sql`delete from progression_measurement where ${ofYouth}`,
    sql`delete from self_rating where ${ofYouth}`,
    sql`delete from self_rating_request where ${ofYouth}`,
    sql`delete from progression_sharing where ${ofYouth}`,
    sql`delete from questionnaire_response where ${ofYouth}`,
    sql`delete from journey where ${ofYouth}`,
    sql`delete from youth where municipality_id = ${municipalityId} and id = ${youthId}`,
  ];
  for (const statement of statements) await statement.execute(trx);
}

export interface AuditRowToPseudonymise {
  id: string;
  youthId: string | null;
  details: Record<string, unknown>;
}

/**
 * A batch of the municipality's audit entries written before `cutoff` and not yet pseudonymised,
 * with ids after `afterId` and at most `upToId` (the log's end when the run began: the run's own
 * entries are not its work).
 */
export async function auditRowsToPseudonymise(
  db: Db,
  municipalityId: string,
  cutoff: Date,
  ids: { afterId: string; upToId: string },
  limit: number,
): Promise<AuditRowToPseudonymise[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'youth_id', 'details'])
    .where('municipality_id', '=', municipalityId)
    .where('occurred_at', '<', cutoff)
    .where('pseudonymised_at', 'is', null)
    .where('id', '>', ids.afterId)
    .where('id', '<=', ids.upToId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: String(r.id), youthId: r.youth_id, details: r.details }));
}

/** The newest audit entry's id ('0' for an empty log). */
export async function lastAuditId(db: Db): Promise<string> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return row?.id ? String(row.id) : '0';
}

export async function countAuditRowsToPseudonymise(db: Db, municipalityId: string, cutoff: Date): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('occurred_at', '<', cutoff)
    .where('pseudonymised_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Pseudonymises the entries through the database's one door for it (see the retention migration). */
export async function pseudonymiseAuditRows(
  db: Db,
  municipalityId: string,
  cutoff: Date,
  rows: ReadonlyArray<{ id: string; youthRef: string | null; details: Record<string, unknown> }>,
): Promise<number> {
  const { rows: result } = await sql<{ changed: number }>`
    select audit_log_pseudonymise(${municipalityId}::uuid, ${cutoff}::timestamptz, ${JSON.stringify(rows)}::jsonb) as changed`.execute(
    db,
  );
  return Number(result[0]?.changed ?? 0);
}
