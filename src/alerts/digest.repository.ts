import type { Db } from '../db/database.ts';

/** What the leaders' daily digest reads (alerts counted by rule) and records (alert_digest). */

/** When the municipality's last digest went out, or null. */
export async function lastDigestSentAt(db: Db, municipalityId: string): Promise<Date | null> {
  const last = await db
    .selectFrom('alert_digest')
    .select('sent_at')
    .where('municipality_id', '=', municipalityId)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.sent_at ?? null;
}

/** How many alerts of a rule. */
export interface AlertCount {
  code: string;
  count: number;
}

/** The alerts opened in (after, until], counted by rule. */
export async function countAlertsOpened(
  db: Db,
  municipalityId: string,
  after: Date,
  until: Date,
): Promise<AlertCount[]> {
  const rows = await db
    .selectFrom('alert')
    .select(['code', (eb) => eb.fn.countAll<string>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .where('opened_at', '>', after)
    .where('opened_at', '<=', until)
    .groupBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, count: Number(r.n) }));
}

/** The alerts still unresolved that went to the leader in (after, until], counted by rule. */
export async function countAlertsEscalated(
  db: Db,
  municipalityId: string,
  after: Date,
  until: Date,
): Promise<AlertCount[]> {
  const rows = await db
    .selectFrom('alert')
    .select(['code', (eb) => eb.fn.countAll<string>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .where('status', '<>', 'resolved')
    .where('escalated_at', '>', after)
    .where('escalated_at', '<=', until)
    .groupBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, count: Number(r.n) }));
}

export async function insertDigest(
  db: Db,
  digest: { municipalityId: string; sentAt: Date; alerts: number; mails: number },
): Promise<void> {
  await db
    .insertInto('alert_digest')
    .values({
      municipality_id: digest.municipalityId,
      sent_at: digest.sentAt,
      alerts: digest.alerts,
      mails: digest.mails,
    })
    .execute();
}
