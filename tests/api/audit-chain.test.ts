import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit-chain.ts';
import type { Db } from '../../src/db/database.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newUnit, newYouth } from '../support/factories.ts';

/** Changes the log as the owner of the table can: with its guard switched off for the moment. */
async function asOwner(db: Db, change: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(db);
  try {
    await change.execute(db);
  } finally {
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(db);
  }
}

describe.each(engines)('the audit log’s hash chain on %s', (engine) => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startTestApp(engine);
  });
  afterAll(() => ctx.close());

  /** A municipality with a few entries of its own; the id of its third. */
  async function chainWithEntries() {
    const unit = await newUnit(ctx.app, ctx.db);
    for (let i = 0; i < 3; i++) await newYouth(ctx.app, unit.caseworker.headers);
    const third = await ctx.db
      .selectFrom('audit_log')
      .select(['id', 'chain_seq'])
      .where('municipality_id', '=', unit.municipality.id)
      .orderBy('chain_seq')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    return { municipalityId: unit.municipality.id, entryId: String(third.id) };
  }
  const brokenIn = async (municipalityId: string) =>
    (await verifyAuditChain(ctx.db)).broken.find((b) => b.municipalityId === municipalityId);

  it('holds for entries written concurrently, and numbers each municipality’s entries without gaps', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    await Promise.all(Array.from({ length: 8 }, () => newYouth(ctx.app, unit.caseworker.headers)));
    const report = await verifyAuditChain(ctx.db);
    expect(report.broken).toEqual([]);
    const head = report.heads.find((h) => h.municipalityId === unit.municipality.id);
    const count = await ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('municipality_id', '=', unit.municipality.id)
      .executeTakeFirstOrThrow();
    expect(head?.chainSeq).toBe(String(count.n));
  });

  it('reports the first entry whose details were changed', async () => {
    const { municipalityId, entryId } = await chainWithEntries();
    await asOwner(ctx.db, sql`update audit_log set details = '{"changed": true}'::jsonb where id = ${entryId}`);
    expect(await brokenIn(municipalityId)).toMatchObject({ entryId, reason: 'personal' });
  });

  it('reports an entry whose action was changed, even with its hash recomputed', async () => {
    const { municipalityId, entryId } = await chainWithEntries();
    await asOwner(
      ctx.db,
      sql`update audit_log set action = 'youth.read',
        hash = audit_log_chain_hash(null, chain_seq, municipality_id, occurred_at, 'youth.read', request_id, personal_digest)
        where id = ${entryId}`,
    );
    const broken = await brokenIn(municipalityId);
    expect(broken?.reason).toBe('changed');
    expect(Number(broken?.entryId)).toBeGreaterThanOrEqual(Number(entryId));
  });

  it('reports a removed entry', async () => {
    const { municipalityId, entryId } = await chainWithEntries();
    await asOwner(ctx.db, sql`delete from audit_log where id = ${entryId}`);
    expect(await brokenIn(municipalityId)).toMatchObject({ reason: 'missing' });
  });

  it('refuses changes and removal without the owner switching the guard off', async () => {
    const { entryId } = await chainWithEntries();
    await expect(sql`update audit_log set ip = null where id = ${entryId}`.execute(ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where id = ${entryId}`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });
});
