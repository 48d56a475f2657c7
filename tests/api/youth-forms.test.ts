import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newUnit } from '../support/factories.ts';
import { activityReadyVisitation, referredYouth, sendEvent, youthAtIntake } from '../support/journeys.ts';
import { youthSession } from '../support/youth-login.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;

/**
 * The youth's questionnaire and match-wish pages on Mit forløb, as a phone without JavaScript
 * sends them (form posts with the CSRF token), on both engines. The browser test
 * (tests/browser/web.youth-forms.test.ts) covers what the youth sees.
 */
describe.each(engines)("the youth's questionnaire and wish forms on %s", (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let unit: Unit;

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const cw = () => unit.caseworker.headers;

  /** A phone logged in as the youth: its cookies and the form token of the last page it opened. */
  async function phoneOf(youthId: string) {
    const { cookie } = await youthSession(ctx.db, youthId, { now: ctx.clock() });
    const state = { csrfCookie: '', token: '' };
    const keep = <T extends { cookies: Array<{ name: string; value: string }>; body: string }>(response: T): T => {
      const set = response.cookies.find((c) => c.name === 'ungeflow_csrf');
      if (set) state.csrfCookie = `ungeflow_csrf=${set.value}`;
      state.token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? state.token;
      return response;
    };
    const cookies = () => [cookie, state.csrfCookie].filter(Boolean).join('; ');
    return {
      open: async (url: string) => keep(await ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies() } })),
      post: async (url: string, fields: Array<[string, string]>) =>
        keep(
          await ctx.app.inject({
            method: 'POST',
            url,
            payload: new URLSearchParams([['_csrf', state.token], ...fields]).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies() },
          }),
        ),
    };
  }

  it('stores the answers the form sends, refuses a bad one at its question, and closes after the visitation', async () => {
    const { youth, journey } = await referredYouth(ctx.app, cw(), 'Freja Form', '2026-11-16');
    const phone = await phoneOf(youth.id);
    const start = await phone.open('/mit-forloeb');
    expect(start.body).toContain('href="/mit-forloeb/forberedelse"');
    expect((await phone.open('/mit-forloeb/forberedelse')).statusCode).toBe(200);

    const refused = await phone.post('/mit-forloeb/forberedelse', [
      ['q-primary_school_grade_average', '13'],
      ['q-liked_school', 'partly'],
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      '<p class="error" id="e-q-primary_school_grade_average">Skriv et tal fra -3 til 12.</p>',
    );
    // Nothing was stored.
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/journeys/${journey.id}/questionnaire-response`,
          headers: cw(),
        })
      ).json(),
    ).toEqual({ response: null });

    const saved = await phone.post('/mit-forloeb/forberedelse', [
      ['q-liked_school', 'partly'],
      ['q-education_importance', '4'],
      ['q-advice_sources', 'parents'],
      ['q-advice_sources', 'friends'],
      ['q-completion_obstacles', 'none'],
      ['q-previous_dropout', 'yes'],
      ['q-previous_dropout-reason', 'academic'],
      ['q-primary_school_grade_average', '6,2'],
      ['q-wants_education', ''],
    ]);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/mit-forloeb/forberedelse?gemt=1');
    const stored = await ctx.app.inject({
      method: 'GET',
      url: `/api/journeys/${journey.id}/questionnaire-response`,
      headers: cw(),
    });
    expect(stored.json().response.answers).toEqual({
      liked_school: 'partly',
      education_importance: 4,
      advice_sources: ['parents', 'friends'],
      completion_obstacles: [],
      previous_dropout: { droppedOut: true, mainReason: 'academic' },
      primary_school_grade_average: 6.2,
    });

    for (const event of [
      { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: '2026-11-20T09:00:00Z' },
      activityReadyVisitation({ occurredAt: '2026-11-20T10:00:00Z' }),
    ]) {
      expect((await sendEvent(ctx.app, cw(), journey.id, event)).statusCode).toBe(201);
    }
    const closed = await phone.open('/mit-forloeb/forberedelse');
    expect(closed.body).toContain('data-testid="closed"');
    expect(closed.body).not.toContain('name="q-liked_school"');
    expect((await phone.open('/mit-forloeb')).body).not.toContain('href="/mit-forloeb/forberedelse"');
    const late = await phone.post('/mit-forloeb/forberedelse', [['q-liked_school', 'no']]);
    expect(late.statusCode).toBe(409);
    const after = await ctx.app.inject({
      method: 'GET',
      url: `/api/journeys/${journey.id}/questionnaire-response`,
      headers: cw(),
    });
    expect(after.json().response).toMatchObject({ version: 1, answers: { liked_school: 'partly' } });
  });

  it("saves the wishes the form sends, refuses the same company twice, and finds no other youth's event", async () => {
    const { youth, journey } = await youthAtIntake(ctx.app, cw(), 'Mads Match', { firstContactAt: '2026-11-02' });
    const other = await youthAtIntake(ctx.app, cw(), 'Olivia Anden', { firstContactAt: '2026-11-02' });
    const companies = await Promise.all(
      ['Alfa', 'Beta'].map((name) => newCompany(ctx.db, { municipalityId: unit.municipality.id, name: `${name} ApS` })),
    );
    const eventOf = async (journeyId: string) => {
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/match-events',
        headers: cw(),
        payload: {
          date: '2026-12-03',
          place: 'Jobcentret',
          companyIds: companies.map((c) => c.id),
          journeyIds: [journeyId],
        },
      });
      expect(created.statusCode).toBe(201);
      return created.json<{ id: string }>().id;
    };
    const mine = await eventOf(journey.id);
    const theirs = await eventOf(other.journey.id);
    const [alfa, beta] = companies.map((c) => c.id) as [string, string];

    const phone = await phoneOf(youth.id);
    expect((await phone.open('/mit-forloeb')).body).toContain('href="/mit-forloeb/match"');
    const page = await phone.open('/mit-forloeb/match');
    expect(page.body).toContain(`action="/mit-forloeb/match/${mine}"`);
    expect(page.body).not.toContain(theirs);

    const twice = await phone.post(`/mit-forloeb/match/${mine}`, [
      ['wish1', beta],
      ['wish2', beta],
    ]);
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain(`id="e-${mine}-wish2">Du har valgt den samme virksomhed to gange. Vælg en anden her.`);

    // An empty first choice: the second is the first wish.
    const saved = await phone.post(`/mit-forloeb/match/${mine}`, [
      ['wish1', ''],
      ['wish2', beta],
      ['wish3', alfa],
    ]);
    expect(saved.statusCode).toBe(303);
    const list = await ctx.app.inject({ method: 'GET', url: `/api/match-events/${mine}/matches`, headers: cw() });
    expect(
      list
        .json<{ items: Array<{ company: { id: string }; youthRank: number; wishedByYouth: boolean }> }>()
        .items.map((r) => [r.company.id, r.youthRank, r.wishedByYouth]),
    ).toEqual([
      [beta, 1, true],
      [alfa, 2, true],
    ]);

    for (const id of [theirs, '00000000-0000-4000-8000-000000000000']) {
      expect((await phone.post(`/mit-forloeb/match/${id}`, [['wish1', alfa]])).statusCode, id).toBe(404);
    }
    expect((await phone.post('/mit-forloeb/match/not-an-id', [['wish1', alfa]])).statusCode).toBe(400);
    // The other youth's wishes are untouched.
    const theirList = await ctx.app.inject({
      method: 'GET',
      url: `/api/match-events/${theirs}/matches`,
      headers: cw(),
    });
    expect(theirList.json<{ items: unknown[] }>().items).toEqual([]);

    // A form without the token is refused.
    const forged = await ctx.app.inject({
      method: 'POST',
      url: `/mit-forloeb/match/${mine}`,
      payload: new URLSearchParams({ wish1: alfa }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: (await youthSession(ctx.db, youth.id, { now: ctx.clock() })).cookie,
      },
    });
    expect(forged.statusCode).toBe(403);
  });
});
