import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newGroup, newUnit, newYouth } from '../support/factories.ts';
import { openJourney, sendEvent, youthAtIntake } from '../support/journeys.ts';

/**
 * Issue 14, points 5 and 6: the contact course as LAB counts it, NExTWORK's entry condition of 15
 * hours a week asked at intake, and the hours worked measured against the hours agreed. Each case
 * names the source it rests on.
 */

const NOW = new Date('2026-11-22T10:00:00Z');
const TODAY = '2026-11-22';

/** The day `n` days before today, as the referral's first contact. */
function daysBefore(n: number): string {
  const day = new Date(`${TODAY}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - n);
  return day.toISOString().slice(0, 10);
}

type Unit = Awaited<ReturnType<typeof newUnit>>;
type Alert = { code: string; message: { da: string; en: string } };

describe.each(engines)('the contact course and the hours on %s', (engine) => {
  let ctx: TestContext;
  let unit: Unit;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const headers = () => unit.caseworker.headers;
  const journeyOf = async (id: string) =>
    (await ctx.app.inject({ method: 'GET', url: `/api/journeys/${id}`, headers: headers() })).json();
  const alertOf = async (id: string, code: string): Promise<Alert | undefined> =>
    ((await journeyOf(id)).alerts as Alert[]).find((a) => a.code === code);

  describe('conversations_behind counts the first conversation and every mode', () => {
    type Conversation = { mode: 'in_person' | 'phone' | 'video'; kind?: 'individual' | 'group'; job?: boolean };
    const job = (mode: Conversation['mode']): Conversation => ({ mode });

    // [case, days since first contact, how the first conversation was held, later conversations,
    //  expected: held and due by today, or null when the course is on time; source]
    const cases: Array<[string, number, Conversation['mode'], Conversation[], [number, number] | null, string]> = [
      ['the first conversation alone is the first due by day 46', 50, 'in_person', [], null, 'LAB § 31 stk. 5'],
      ['a first conversation by phone counts', 50, 'phone', [], null, 'LAB § 31 stk. 5; STAR, kontaktforløb'],
      ['a first conversation by video counts', 50, 'video', [], null, 'LAB § 31 stk. 5; STAR, kontaktforløb'],
      [
        'the first and one by phone are the two due by day 91',
        95,
        'in_person',
        [job('phone')],
        null,
        'STAR, kontaktforløb',
      ],
      [
        'the first and one by video are the two due by day 91',
        95,
        'in_person',
        [job('video')],
        null,
        'STAR, kontaktforløb',
      ],
      ['the first alone is one of two due by day 91', 95, 'in_person', [], [1, 2], 'LAB § 31 stk. 3'],
      [
        'a group conversation is no individual job conversation',
        95,
        'in_person',
        [{ mode: 'in_person', kind: 'group', job: false }],
        [1, 2],
        'LAB § 31 stk. 3 ("individuelle jobsamtaler")',
      ],
      [
        'an individual conversation not recorded as a job conversation does not count',
        95,
        'in_person',
        [{ mode: 'phone', job: false }],
        [1, 2],
        'LAB § 31 stk. 3',
      ],
      ['two of three due by day 137', 140, 'video', [job('in_person')], [2, 3], 'LAB § 31 stk. 3'],
      [
        'four of four by day 182: on time',
        185,
        'in_person',
        [job('phone'), job('video'), job('in_person')],
        null,
        'LAB § 31 stk. 3',
      ],
    ];

    it.each(cases)('%s (%i days after first contact)', async (_name, days, firstMode, later, expected) => {
      const firstContactAt = daysBefore(days);
      const youth = await newYouth(ctx.app, headers());
      const journey = await openJourney(ctx.app, headers(), youth.id, { firstContactAt });
      // The conversations first, while the journey is referred: an alert keeps the message it opened with.
      for (const [i, c] of later.entries()) {
        const recorded = await ctx.app.inject({
          method: 'POST',
          url: `/api/journeys/${journey.id}/activities`,
          headers: headers(),
          payload: {
            kind: 'conversation',
            conversationKind: c.kind ?? 'individual',
            mode: c.mode,
            jobConversation: c.job ?? true,
            occurredAt: `${daysBefore(days - 10 - i)}T10:00:00Z`,
          },
        });
        expect(recorded.statusCode).toBe(201);
      }
      const held = await sendEvent(ctx.app, headers(), journey.id, {
        type: 'FIRST_CONVERSATION_HELD',
        mode: firstMode,
        occurredAt: `${daysBefore(days - 1)}T09:00:00Z`,
      });
      expect(held.statusCode).toBe(201);
      const alert = await alertOf(journey.id, 'conversations_behind');
      if (expected === null) {
        expect(alert).toBeUndefined();
      } else {
        const [count, due] = expected;
        expect(alert?.message.da).toContain(`Jobsamtaler holdt: ${count}. Skulle være holdt i dag: ${due}.`);
        expect(alert?.message.en).toContain(`Job conversations held: ${count}. Due by today: ${due}.`);
      }
    });

    it('records how the first conversation was held, and asks for it in Danish when it is missing', async () => {
      const youth = await newYouth(ctx.app, headers());
      const journey = await openJourney(ctx.app, headers(), youth.id);
      const missing = await sendEvent(ctx.app, headers(), journey.id, { type: 'FIRST_CONVERSATION_HELD' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.details).toEqual([{ field: 'mode', message: 'Skal udfyldes.' }]);
      const held = await sendEvent(ctx.app, headers(), journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'video' });
      expect(held.statusCode).toBe(201);
      expect((await journeyOf(journey.id)).events[0].payload).toMatchObject({ mode: 'video' });
    });
  });

  describe("NExTWORK's entry condition at intake (seed 002; seed 004 p. 24)", () => {
    async function groupFor() {
      return newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    }

    // [case, what the caseworker answers, expected status, the refused field or null]
    const cases: Array<[string, Record<string, unknown>, number, { field: string; message: string } | null]> = [
      ['can take part 15 hours a week: taken in', { canTakePart15HoursAWeek: true }, 201, null],
      [
        'cannot, with the reason to take the youth in all the same: taken in',
        { canTakePart15HoursAWeek: false, entryOverrideReason: 'Starter med 8 timer efter aftale med mentor.' },
        201,
        null,
      ],
      [
        'cannot, without a reason: refused, naming the reason field',
        { canTakePart15HoursAWeek: false },
        400,
        {
          field: 'entryOverrideReason',
          message:
            'Den unge kan ikke deltage mindst 15 timer om ugen. Skriv en begrundelse for at optage den unge alligevel – ellers kan den unge ikke tildeles en netværksgruppe.',
        },
      ],
      [
        'cannot, with a blank reason: refused',
        { canTakePart15HoursAWeek: false, entryOverrideReason: '   ' },
        400,
        { field: 'entryOverrideReason', message: 'Må ikke være tomt.' },
      ],
      [
        'not answered: refused, naming the question',
        {},
        400,
        {
          field: 'canTakePart15HoursAWeek',
          message:
            "Svar på, om den unge i udgangspunktet kan deltage mindst 15 timer om ugen (NExTWORK's adgangskrav).",
        },
      ],
    ];

    it.each(cases)('%s', async (_name, answer, status, refused) => {
      const { journey } = await youthAtIntake(ctx.app, headers(), 'Ida Holm', { firstContactAt: '2026-11-02' });
      const group = await groupFor();
      const response = await sendEvent(ctx.app, headers(), journey.id, {
        type: 'GROUP_ASSIGNED',
        groupId: group.id,
        ...answer,
      });
      expect(response.statusCode).toBe(status);
      const detail = await journeyOf(journey.id);
      if (refused) {
        expect(response.json().error.details).toEqual([refused]);
        expect(detail.stage).toBe('intake');
      } else {
        expect(detail.stage).toBe('active');
        // Stored with the event, so the decision can be read later.
        expect(detail.events.at(-1).payload).toMatchObject({ type: 'GROUP_ASSIGNED', ...answer });
      }
    });

    it('asks nothing when a youth already in the programme moves to another group', async () => {
      const first = await groupFor();
      const { journey } = await youthAtIntake(ctx.app, headers(), 'Jonas Berg', { firstContactAt: '2026-11-02' });
      await sendEvent(ctx.app, headers(), journey.id, {
        type: 'GROUP_ASSIGNED',
        groupId: first.id,
        canTakePart15HoursAWeek: true,
      });
      const moved = await sendEvent(ctx.app, headers(), journey.id, {
        type: 'GROUP_ASSIGNED',
        groupId: (await groupFor()).id,
      });
      expect(moved.statusCode).toBe(201);
    });
  });

  describe('low_hours measures the hours worked against the hours agreed, never against 15', () => {
    /** A youth placed since Monday 12 October 2026 with `agreed` hours a week, working `worked` each week since. */
    async function placedWorking(agreed: number, worked: number[]) {
      const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
      const { journey } = await youthAtIntake(ctx.app, headers(), 'Amalie Jensen', {
        firstContactAt: '2026-10-01',
        groupId: group.id,
      });
      const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const started = await sendEvent(ctx.app, headers(), journey.id, {
        type: 'PLACEMENT_STARTED',
        companyId: company.id,
        kind: 'internship',
        hoursPerWeek: agreed,
        occurredAt: '2026-10-12T08:00:00+02:00',
      });
      expect(started.statusCode).toBe(201);
      const placementId = (await journeyOf(journey.id)).context.currentPlacement.placementId as string;
      const mondays = ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];
      for (const [i, hours] of worked.entries()) {
        const logged = await ctx.app.inject({
          method: 'PUT',
          url: `/api/placements/${placementId}/hours/${mondays[i]}`,
          headers: headers(),
          payload: { hours },
        });
        expect(logged.statusCode).toBe(200);
      }
      return { journeyId: journey.id, placementId };
    }

    // [case, hours agreed, hours worked week by week, fires]; the default limit is 4 weeks in a row.
    const cases: Array<[string, number, number[], boolean]> = [
      ['8 hours agreed and 8 worked, below 15 but at the agreement: no alert', 8, [8, 8, 8, 8, 8, 8], false],
      ['12 agreed, 12.5 worked: no alert', 12, [12.5, 12.5, 12.5, 12.5, 12.5, 12.5], false],
      [
        '20 agreed, 16 worked for six weeks, above 15 but below the agreement: alert',
        20,
        [16, 16, 16, 16, 16, 16],
        true,
      ],
      ['20 agreed, below for three weeks in a row only: no alert', 20, [20, 20, 20, 10, 10, 10], false],
      ['20 agreed, below for the last four finished weeks: alert', 20, [20, 10, 10, 10, 10, 10], true],
      // Today is Sunday 22 November: the week of 16 November is still running.
      ['20 agreed, three finished weeks below and a running one: no alert yet', 20, [20, 20, 10, 10, 10, 10], false],
      ['20 agreed, a week at the agreement breaks the run: no alert', 20, [10, 10, 10, 20, 10, 10], false],
    ];

    it.each(cases)('%s', async (_name, agreed, worked, fires) => {
      const { journeyId } = await placedWorking(agreed, worked);
      const alert = await alertOf(journeyId, 'low_hours');
      if (fires) expect(alert?.message.da).toMatch(/^Færre timer end aftalt i praktikken i \d+ uger i træk/);
      else expect(alert).toBeUndefined();
    });

    it('clears when the caseworker and the youth agree on the hours the youth works', async () => {
      const { journeyId, placementId } = await placedWorking(20, [10, 10, 10, 10, 10, 10]);
      expect(await alertOf(journeyId, 'low_hours')).toBeDefined();
      const placement = (
        await ctx.app.inject({ method: 'GET', url: `/api/placements/${placementId}`, headers: headers() })
      ).json();
      const changed = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/placements/${placementId}`,
        headers: headers(),
        payload: { version: placement.version, hoursPerWeek: 10 },
      });
      expect(changed.statusCode).toBe(200);
      expect(await alertOf(journeyId, 'low_hours')).toBeUndefined();
    });
  });
});
