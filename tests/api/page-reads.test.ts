import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit-chain.ts';
import { startTestApp } from '../support/app.ts';
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
