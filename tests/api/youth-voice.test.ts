import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YouthActor } from '../../src/auth/actor.ts';
import { chooseOwnWishes, ownMatchEvents } from '../../src/matching/match-event.service.ts';
import { ownProgression, rateOneself } from '../../src/progression/self-rating.service.ts';
import { answerQuestionnaire, ownQuestionnaire } from '../../src/visitation/questionnaire-response.service.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newUnit } from '../support/factories.ts';
import {
  activityReadyVisitation,
  questionnaireAnswers,
  referredYouth,
  sendEvent,
  youthAtIntake,
} from '../support/journeys.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;

/** The young person logged in on their own side, as the youth log-in makes them. */
function youthActor(unit: Unit, youthId: string): YouthActor {
  return { youthId, municipalityId: unit.municipality.id, sessionId: randomUUID(), ip: '127.0.0.1', requestId: null };
}

/** The audit entries of an action on the youth, oldest first. */
async function auditOf(ctx: TestContext, youthId: string, action: string) {
  return ctx.db
    .selectFrom('audit_log')
    .select(['user_id', 'youth_id', 'details'])
    .where('youth_id', '=', youthId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

describe.each(engines)("the youth's own voice on %s", (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let unit: Unit;
  const deps = () => ({ db: ctx.db, clock: ctx.clock });
  const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: unit.caseworker.headers });
  const send = (method: 'POST' | 'PUT', url: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: unit.caseworker.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  describe('Min udvikling', () => {
    it("records the youth's rating, shows it to the caseworker as the youth's, and audits it as the youth's", async () => {
      const { youth, journey } = await referredYouth(ctx.app, unit.caseworker.headers, 'Selma Selv', '2026-11-02');
      const me = youthActor(unit, youth.id);
      const rating = await rateOneself(deps(), me, {
        scores: { beliefInOwnAbilities: 6, wellbeing: 7, loneliness: 3 },
      });
      expect(rating.scores).toEqual({
        beliefInOwnAbilities: 6,
        selfRatedHealth: null,
        network: null,
        meaningAndDirection: null,
        wellbeing: 7,
        loneliness: 3,
      });

      const read = await get(`/api/journeys/${journey.id}/self-ratings`);
      expect(read.statusCode).toBe(200);
      const body = read.json();
      expect(body.ratings).toHaveLength(1);
      expect(body.ratings[0]).toMatchObject({ ratedOn: '2026-11-22', scores: { wellbeing: 7, loneliness: 3 } });
      expect(body.shared).toBe(false);

      // The youth's page shows the rating in its own section and in the timeline, marked as the youth's.
      const page = await get(`/unge/${youth.id}`);
      expect(page.body).toContain('data-testid="own-ratings"');
      expect(page.body).toMatch(/Vurderede sig selv<\/strong> <span class="badge by-youth">/);

      const [entry] = await auditOf(ctx, youth.id, 'progression.self_rated');
      expect(entry).toMatchObject({ user_id: null, youth_id: youth.id });
      expect(entry?.details).toMatchObject({
        by: 'youth',
        journeyId: journey.id,
        items: ['beliefInOwnAbilities', 'wellbeing', 'loneliness'],
      });
      // Which items, never the scores: self-rated health is health data.
      expect(JSON.stringify(entry?.details)).not.toContain('"wellbeing":7');
    });

    it('takes one rating a month unless the caseworker asks for another', async () => {
      const { youth, journey } = await referredYouth(ctx.app, unit.caseworker.headers, 'Mads Måned', '2026-11-02');
      const me = youthActor(unit, youth.id);
      await rateOneself(deps(), me, { scores: { network: 4 } });
      expect((await ownProgression(deps(), me)).due).toBe(false);
      await expect(rateOneself(deps(), me, { scores: { network: 5 } })).rejects.toMatchObject({
        code: 'conflict',
        extra: { reason: 'already_rated', nextOn: '2026-12-01' },
      });

      const asked = await send('POST', `/api/journeys/${journey.id}/self-rating-requests`);
      expect(asked.statusCode).toBe(201);
      const again = await send('POST', `/api/journeys/${journey.id}/self-rating-requests`);
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(asked.json().id);

      const mine = await ownProgression(deps(), me);
      expect(mine.due).toBe(true);
      expect(mine.requestedAt?.toISOString()).toBe(NOW.toISOString());
      const answer = await rateOneself(deps(), me, { scores: { network: 6 } });
      expect(answer.requestId).toBe(asked.json().id);
      expect((await get(`/api/journeys/${journey.id}/self-ratings`)).json().openRequest).toBeNull();
      expect((await ownProgression(deps(), me)).due).toBe(false);
    });

    it("shows the youth the caseworker's own assessments only while the caseworker shares them", async () => {
      const { youth, journey } = await referredYouth(ctx.app, unit.caseworker.headers, 'Dina Deling', '2026-11-02');
      const me = youthActor(unit, youth.id);
      for (const assessedBy of ['caseworker', 'youth'] as const) {
        const recorded = await send('POST', `/api/journeys/${journey.id}/progression`, {
          assessedBy,
          measuredOn: '2026-11-20',
          scores: { network: assessedBy === 'caseworker' ? 5 : 8 },
        });
        expect(recorded.statusCode).toBe(201);
      }
      expect((await ownProgression(deps(), me)).caseworker).toBeNull();

      const shared = await send('PUT', `/api/journeys/${journey.id}/progression-sharing`, { shared: true });
      expect(shared.json()).toEqual({ shared: true });
      const mine = await ownProgression(deps(), me);
      expect(mine.caseworker?.map((m) => [m.assessedBy, m.scores.network])).toEqual([['caseworker', 5]]);

      await send('PUT', `/api/journeys/${journey.id}/progression-sharing`, { shared: false });
      expect((await ownProgression(deps(), me)).caseworker).toBeNull();
      expect((await auditOf(ctx, youth.id, 'progression.sharing_changed')).map((e) => e.details.shared)).toEqual([
        true,
        false,
      ]);
    });

    it("keeps the youth's ratings out of the caseworker's progression and the key figures", async () => {
      const { youth, journey } = await referredYouth(ctx.app, unit.caseworker.headers, 'Karl Nøgletal', '2026-11-02');
      await rateOneself(deps(), youthActor(unit, youth.id), { scores: { beliefInOwnAbilities: 9, network: 9 } });
      const progression = await get(`/api/journeys/${journey.id}/progression`);
      expect(progression.json().measurements).toEqual([]);
      const overview = await ctx.app.inject({
        method: 'GET',
        url: '/api/overview?from=2026-11-01&to=2026-11-30&by=unit',
        headers: unit.leader.headers,
      });
      expect(overview.statusCode).toBe(200);
      // The only measurements in the unit are the caseworker's network 5 and the youth-assessed 8 above.
      const belief = overview
        .json()
        .rows[0].progression.find((p: { factor: string }) => p.factor === 'beliefInOwnAbilities');
      expect(belief).toEqual({ factor: 'beliefInOwnAbilities', numerator: 0, denominator: 0, average: null });
    });

    it('refuses a rating with no answer, naming the field', async () => {
      const { youth } = await referredYouth(ctx.app, unit.caseworker.headers, 'Tom Tom', '2026-11-02');
      await expect(rateOneself(deps(), youthActor(unit, youth.id), { scores: {} })).rejects.toMatchObject({
        code: 'validation_failed',
        fieldErrors: [{ field: 'scores' }],
      });
    });

    it("never shows one youth another youth's ratings", async () => {
      const a = await referredYouth(ctx.app, unit.caseworker.headers, 'Anna A', '2026-11-02');
      const b = await referredYouth(ctx.app, unit.caseworker.headers, 'Bo B', '2026-11-02');
      await rateOneself(deps(), youthActor(unit, a.youth.id), { scores: { wellbeing: 2 } });
      expect((await ownProgression(deps(), youthActor(unit, b.youth.id))).ratings).toEqual([]);
      // A youth of another municipality with the same id finds nothing.
      const stranger = { ...youthActor(unit, a.youth.id), municipalityId: randomUUID() };
      await expect(ownProgression(deps(), stranger)).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('Forberedelsesskemaet', () => {
    it("hands the youth's answers to the caseworker and records which the visitation kept", async () => {
      const { youth, journey } = await referredYouth(ctx.app, unit.caseworker.headers, 'Frida Forbered', '2026-11-02');
      const me = youthActor(unit, youth.id);
      expect((await ownQuestionnaire(deps(), me)).open).toBe(true);
      await answerQuestionnaire(deps(), me, { wants_education: 'unsure', advice_sources: ['friends', 'parents'] });
      const saved = await answerQuestionnaire(deps(), me, {
        wants_education: 'yes',
        liked_school: 'partly',
        advice_sources: ['friends', 'parents'],
      });
      expect(saved.version).toBe(2);

      const read = await get(`/api/journeys/${journey.id}/questionnaire-response`);
      expect(read.statusCode).toBe(200);
      expect(read.json().response.answers).toEqual({
        wants_education: 'yes',
        liked_school: 'partly',
        advice_sources: ['friends', 'parents'],
      });
      const [entry] = await auditOf(ctx, youth.id, 'questionnaire.submitted');
      expect(entry).toMatchObject({
        user_id: null,
        details: { by: 'youth', questions: ['wants_education', 'advice_sources'] },
      });

      const held = await sendEvent(ctx.app, unit.caseworker.headers, journey.id, {
        type: 'FIRST_CONVERSATION_HELD',
        mode: 'in_person',
        occurredAt: '2026-11-03T09:00:00Z',
      });
      expect(held.statusCode).toBe(201);
      // The caseworker's visitation form opens with the youth's answers ticked and marked as theirs.
      const page = await get(`/unge/${youth.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/name="q-liked_school" value="partly" checked/);
      expect(page.body.match(/data-testid="answer-by-youth"/g)).toHaveLength(3);
      expect(page.body).toContain('Udfyldte forberedelsesskemaet');

      // The caseworker keeps two answers as the youth gave them (the order of ticks aside) and changes one.
      const decided = await sendEvent(
        ctx.app,
        unit.caseworker.headers,
        journey.id,
        activityReadyVisitation({
          occurredAt: '2026-11-03T10:00:00Z',
          questionnaire: questionnaireAnswers({
            wants_education: 'yes',
            liked_school: 'no',
            advice_sources: ['parents', 'friends'],
          }),
        }),
      );
      expect(decided.statusCode).toBe(201);
      const { events } = (await get(`/api/journeys/${journey.id}`)).json();
      const visitation = events.find((e: { type: string }) => e.type === 'VISITATION_DECIDED');
      expect(visitation.payload.questionnaireFromYouth).toEqual(['wants_education', 'advice_sources']);

      expect((await ownQuestionnaire(deps(), me)).open).toBe(false);
      await expect(answerQuestionnaire(deps(), me, { wants_education: 'no' })).rejects.toMatchObject({
        code: 'event_not_accepted',
      });
    });

    it('refuses a questionnaire with no answer, naming the field', async () => {
      const { youth } = await referredYouth(ctx.app, unit.caseworker.headers, 'Olga Option', '2026-11-02');
      await expect(answerQuestionnaire(deps(), youthActor(unit, youth.id), {})).rejects.toMatchObject({
        code: 'validation_failed',
        fieldErrors: [{ field: 'answers' }],
      });
    });
  });

  describe('match-event wishes', () => {
    async function eventWith(journeyIds: string[], date = '2026-12-03') {
      const companies = await Promise.all(
        ['Alfa', 'Beta', 'Gamma', 'Delta'].map((name) =>
          newCompany(ctx.db, { municipalityId: unit.municipality.id, name: `${name} ${randomUUID().slice(0, 4)} ApS` }),
        ),
      );
      const created = await send('POST', '/api/match-events', {
        date,
        place: 'Jobcentret',
        companyIds: companies.map((c) => c.id),
        journeyIds,
      });
      if (created.statusCode !== 201) throw new Error(`${created.statusCode} ${created.body}`);
      return { id: created.json<{ id: string }>().id, companies };
    }

    it("lets the youth choose three wishes before the event, which the match list shows as the youth's", async () => {
      const { youth, journey } = await youthAtIntake(ctx.app, unit.caseworker.headers, 'Malte Match', {
        firstContactAt: '2026-11-02',
      });
      const me = youthActor(unit, youth.id);
      const event = await eventWith([journey.id]);
      const [alfa, beta, gamma, delta] = event.companies.map((c) => c.id) as [string, string, string, string];

      const mine = await ownMatchEvents(deps(), me);
      expect(mine.map((e) => [e.event.id, e.open, e.companies.length])).toEqual([[event.id, true, 4]]);

      await chooseOwnWishes(deps(), me, event.id, [gamma, alfa, beta]);
      const list = (await get(`/api/match-events/${event.id}/matches`)).json();
      expect(
        list.items.map((r: { company: { id: string }; youthRank: number; wishedByYouth: boolean }) => [
          r.company.id,
          r.youthRank,
          r.wishedByYouth,
        ]),
      ).toEqual([
        [gamma, 1, true],
        [alfa, 2, true],
        [beta, 3, true],
      ]);
      const [entry] = await auditOf(ctx, youth.id, 'match_event.wishes_chosen');
      expect(entry).toMatchObject({ user_id: null, details: { by: 'youth', matchEventId: event.id } });

      // The caseworker moves the third wish: the first two stay the youth's, the new third is the caseworker's.
      const detail = (await get(`/api/match-events/${event.id}`)).json();
      const row = detail.youth.find((y: { journeyId: string }) => y.journeyId === journey.id);
      expect(row.wishesByYouth).toEqual([gamma, alfa, beta]);
      const changed = await send('PUT', `/api/match-events/${event.id}/wishes/${journey.id}`, {
        companyIds: [gamma, alfa, delta],
        version: row.wishesVersion,
      });
      expect(changed.statusCode).toBe(200);
      const after = (await get(`/api/match-events/${event.id}/matches`)).json();
      expect(
        after.items.map((r: { youthRank: number; wishedByYouth: boolean }) => [r.youthRank, r.wishedByYouth]),
      ).toEqual([
        [1, true],
        [2, true],
        [3, false],
      ]);
    });

    it('refuses more than three wishes, a company not taking part, and a youth not on the event', async () => {
      const taking = await youthAtIntake(ctx.app, unit.caseworker.headers, 'Tina Tager', {
        firstContactAt: '2026-11-02',
      });
      const notTaking = await youthAtIntake(ctx.app, unit.caseworker.headers, 'Niels Nej', {
        firstContactAt: '2026-11-02',
      });
      const event = await eventWith([taking.journey.id]);
      const ids = event.companies.map((c) => c.id);
      const me = youthActor(unit, taking.youth.id);
      await expect(chooseOwnWishes(deps(), me, event.id, ids)).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(chooseOwnWishes(deps(), me, event.id, [ids[0]!, ids[0]!])).rejects.toMatchObject({
        fieldErrors: [{ field: 'companyIds.1' }],
      });
      const elsewhere = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      await expect(chooseOwnWishes(deps(), me, event.id, [elsewhere.id])).rejects.toMatchObject({
        fieldErrors: [{ field: 'companyIds.0' }],
      });
      const other = youthActor(unit, notTaking.youth.id);
      expect(await ownMatchEvents(deps(), other)).toEqual([]);
      await expect(chooseOwnWishes(deps(), other, event.id, [ids[0]!])).rejects.toMatchObject({ code: 'not_found' });
    });

    it('refuses wishes once the event has started', async () => {
      const { youth, journey } = await youthAtIntake(ctx.app, unit.caseworker.headers, 'Sidse Sent', {
        firstContactAt: '2026-11-02',
      });
      const event = await eventWith([journey.id], '2026-11-25');
      const me = youthActor(unit, youth.id);
      ctx.setNow(new Date('2026-11-25T07:00:00Z'));
      try {
        const [shown] = await ownMatchEvents(deps(), me);
        expect(shown?.open).toBe(false);
        await expect(chooseOwnWishes(deps(), me, event.id, [event.companies[0]!.id])).rejects.toMatchObject({
          code: 'conflict',
          extra: { reason: 'event_started' },
        });
      } finally {
        ctx.setNow(NOW);
      }
    });
  });
});
