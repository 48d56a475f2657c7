import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit-chain.ts';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  UnknownRow,
} from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { anotherInstance, startTestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newGroup, newUnit } from '../support/factories.ts';
import { youthAtIntake } from '../support/journeys.ts';
import { youthSession } from '../support/youth-login.ts';

const NOW = new Date('2026-11-30T10:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;

describe.each(engines)('one audit entry per youth and kind of read for a page view, on %s', (engine) => {
  let ctx: Awaited<ReturnType<typeof startTestApp>>;
  let unit: Unit;
  let youthId: string;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    ({
      youth: { id: youthId },
    } = await youthAtIntake(ctx.app, unit.caseworker.headers, 'Sara Holm', { groupId: group.id }));
    const note = await ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${youthId}/notes`,
      headers: unit.caseworker.headers,
      payload: { kind: 'phone', text: 'Ringede om praktikken.' },
    });
    expect(note.statusCode).toBe(201);
  });
  afterAll(() => ctx.close());

  /** The entries written by what `act` does, oldest first. */
  const entriesOf = async (act: () => Promise<{ statusCode: number }>) => {
    const before = await ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    expect((await act()).statusCode).toBe(200);
    return ctx.db
      .selectFrom('audit_log')
      .select(['action', 'youth_id', 'user_id', 'details'])
      .where('id', '>', before.id ?? '0')
      .orderBy('id')
      .execute();
  };

  it("logs the youth's page as one entry for each kind of read, naming every part of the journey it showed", async () => {
    const entries = await entriesOf(() =>
      ctx.app.inject({ method: 'GET', url: `/unge/${youthId}`, headers: unit.caseworker.headers }),
    );
    expect(entries.map((e) => [e.action, e.youth_id, e.user_id])).toEqual([
      ['youth.read', youthId, unit.caseworker.id],
      ['journey.read', youthId, unit.caseworker.id],
      ['case_note.read', youthId, unit.caseworker.id],
    ]);
    const journeyRead = entries[1]!.details as { page: string; reads: Array<{ view?: string }> };
    expect(journeyRead.page).toBe('/unge/:youthId');
    expect(journeyRead.reads.map((r) => r.view)).toEqual(
      expect.arrayContaining(['placements', 'activities', 'progression', 'offers', 'questionnaire']),
    );
    expect((await verifyAuditChain(ctx.db)).broken).toEqual([]);
  });

  /**
   * The database as the app sees it, counting the transactions begun and the statements sent (as
   * SQL), on a second instance of the app over the same database.
   */
  const counting = async () => {
    const seen = { transactions: 0, statements: [] as string[] };
    const plugin: KyselyPlugin = {
      transformQuery: ({ node, queryId }: PluginTransformQueryArgs) => {
        seen.statements.push(ctx.db.getExecutor().compileQuery(node, queryId).sql);
        return node;
      },
      transformResult: ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> =>
        Promise.resolve(result),
    };
    const counted: Db = ctx.db.withPlugin(plugin);
    const db = new Proxy(counted, {
      get(target, property) {
        if (property === 'transaction') seen.transactions++;
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const app = await anotherInstance(ctx, db);
    return { app, seen };
  };

  it("reads a page with no transaction of its own, and on the youth's page the journey and the youth once", async () => {
    const { app, seen } = await counting();
    try {
      const page = await app.inject({ method: 'GET', url: `/unge/${youthId}`, headers: unit.caseworker.headers });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Sara Holm');
      expect(seen.transactions).toBe(0);
      const byId = (table: string) =>
        seen.statements.filter((s) =>
          s.startsWith(`select * from "${table}" where "municipality_id" = $1 and "id" = $2`),
        );
      expect(byId('journey')).toHaveLength(1);
      expect(byId('youth')).toHaveLength(1);

      seen.transactions = 0;
      for (const url of ['/', '/i-dag']) {
        const list = await app.inject({ method: 'GET', url, headers: unit.caseworker.headers });
        expect(list.statusCode).toBe(200);
      }
      expect(seen.transactions).toBe(0);

      // The API reads the same youth in a transaction with its audit entry, as before.
      seen.transactions = 0;
      const api = await app.inject({ method: 'GET', url: `/api/youth/${youthId}`, headers: unit.caseworker.headers });
      expect(api.statusCode).toBe(200);
      expect(seen.transactions).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('still logs each read of the API on its own, in its transaction', async () => {
    const entries = await entriesOf(() =>
      ctx.app.inject({ method: 'GET', url: `/api/youth/${youthId}`, headers: unit.caseworker.headers }),
    );
    expect(entries.map((e) => [e.action, e.youth_id])).toEqual([['youth.read', youthId]]);
  });

  it("logs the young person's own start page as their read, with no user", async () => {
    const { cookie } = await youthSession(ctx.db, youthId, { now: NOW });
    const entries = await entriesOf(() => ctx.app.inject({ method: 'GET', url: '/mit-forloeb', headers: { cookie } }));
    expect(entries.map((e) => [e.action, e.youth_id, e.user_id])).toEqual([['journey.read', youthId, null]]);
    expect(entries[0]!.details).toMatchObject({ by: 'youth', view: 'my_journey' });
  });

  it('logs the caseload as the list it showed', async () => {
    const entries = await entriesOf(() =>
      ctx.app.inject({ method: 'GET', url: '/', headers: unit.caseworker.headers }),
    );
    expect(entries.map((e) => e.action)).toEqual(['journey.listed', 'journey.listed']);
    expect(entries.some((e) => (e.details as { youthIds?: string[] }).youthIds?.includes(youthId))).toBe(true);
  });
});
