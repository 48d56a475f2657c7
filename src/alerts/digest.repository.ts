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

/** The alerts whose `moment` lies in (after, until], counted by rule; unresolved ones only if asked. */
async function countAlertsBy(
  db: Db,
  municipalityId: string,
  moment: 'opened_at' | 'escalated_at',
  window: { after: Date; until: Date; unresolvedOnly: boolean },
): Promise<AlertCount[]> {
  const rows = await db
    .selectFrom('alert')
    .select(['code', (eb) => eb.fn.countAll<string>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .$if(window.unresolvedOnly, (qb) => qb.where('status', '<>', 'resolved'))
    .where(moment, '>', window.after)
    .where(moment, '<=', window.until)
    .groupBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, count: Number(r.n) }));
}

/** The alerts opened in (after, until], counted by rule. */
export function countAlertsOpened(db: Db, municipalityId: string, after: Date, until: Date): Promise<AlertCount[]> {
  return countAlertsBy(db, municipalityId, 'opened_at', { after, until, unresolvedOnly: false });
}

/** The alerts still unresolved that went to the leader in (after, until], counted by rule. */
export function countAlertsEscalated(db: Db, municipalityId: string, after: Date, until: Date): Promise<AlertCount[]> {
  return countAlertsBy(db, municipalityId, 'escalated_at', { after, until, unresolvedOnly: true });
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
