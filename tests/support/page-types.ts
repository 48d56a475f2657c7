import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppDeps } from '../../src/deps.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed.ts';
import { loadRuleSets } from '../../src/rules/rule-set.loader.ts';
import { TEST_SECRET } from './app.ts';
import { type BrowserTest, startBrowserTest } from './browser.ts';
import { accessibilityViolations, horizontalOverflow, printProblems } from './page-checks.ts';
import { youthSession } from './youth-login.ts';

// Every page type of the web interface, on the demo unit (60 youth over every stage, groups with
// meetings, companies, match events, alerts), staff's and the young person's own (Mit forløb), in
// Danish and English, on a laptop and a phone 390 pixels wide: axe-core finds nothing against WCAG 2.1 A and AA or its best practices, nothing
// makes the page scroll sideways, and the page prints without the site's header and buttons.
// A page type added to the interface belongs in `pageTypes`.
const NOW = new Date('2026-11-25T10:00:00Z');

type Role = 'caseworker' | 'leader' | 'admin' | 'anonymous' | 'youth';
const demoLogIn: Record<Exclude<Role, 'anonymous' | 'youth'>, string> = {
  caseworker: 'raadgiver@demo.dk',
  leader: 'leder@demo.dk',
  admin: 'admin@demo.dk',
};

interface PageType {
  name: string;
  role: Role;
  /** The page's address; ids are looked up in the demo unit once it is seeded. */
  path: (ids: DemoIds) => string;
  /** What to do on the page before checking it, e.g. submit a form empty to show its errors. */
  prepare?: (page: Page) => Promise<void>;
}

interface DemoIds {
  youthByStage: Map<string, string>;
  /** A youth of the demo caseworker's with an appointment booked for today. */
  youthWithAppointment: string;
  appointmentId: string;
  comingMeetingId: string;
  youthWithPlan: string;
  groupId: string;
  meetingId: string;
  companyId: string;
  companyMeetingId: string;
  matchEventId: string;
  userId: string;
  /** A youth in a group, on a match event, logged in on their own side for the Mit forløb pages. */
  youthOnMatchEvent: string;
}

const youthIn = (stage: string) => (ids: DemoIds) => {
  const id = ids.youthByStage.get(stage);
  if (!id) throw new Error(`The demo unit has no youth in the stage ${stage}`);
  return `/unge/${id}`;
};

const pageTypes: PageType[] = [
  { name: 'log-in', role: 'anonymous', path: () => '/login' },
  {
    name: 'log-in with an error',
    role: 'anonymous',
    path: () => '/login',
    prepare: async (page) => {
      await page.locator('form[action="/login"] button[type=submit]').click();
      await page.waitForLoadState();
    },
  },
  { name: 'page not found', role: 'caseworker', path: () => '/unge/00000000-0000-4000-8000-000000000000' },
  { name: 'today', role: 'caseworker', path: () => '/i-dag' },
  { name: 'caseload', role: 'caseworker', path: () => '/' },
  { name: 'caseload sorted', role: 'caseworker', path: () => '/?sort=deadline&dir=desc' },
  { name: 'all journeys', role: 'leader', path: () => '/' },
  { name: 'new youth', role: 'caseworker', path: () => '/unge/ny' },
  {
    name: 'new youth with errors',
    role: 'caseworker',
    path: () => '/unge/ny',
    prepare: async (page) => {
      await page.locator('main form[method=post] button[type=submit]').last().click();
      await page.waitForLoadState();
    },
  },
  ...['referred', 'visitation', 'intake', 'active', 'paused', 'followUp', 'closed'].map((stage): PageType => ({
    name: `youth (${stage})`,
    role: 'caseworker',
    path: youthIn(stage),
  })),
  { name: 'youth with legal hold and deletion', role: 'leader', path: youthIn('referred') },
  {
    name: 'deleting a youth with errors',
    role: 'leader',
    path: youthIn('referred'),
    prepare: async (page) => {
      await page
        .locator('[data-testid=delete-form]')
        .evaluate((form) => form.closest('details')?.setAttribute('open', ''));
      await page.locator('[data-testid=delete-form] button[type=submit]').click();
      await page.waitForLoadState();
    },
  },
  { name: 'new appointment', role: 'caseworker', path: (ids) => `/unge/${ids.youthWithAppointment}/aftaler/ny` },
  {
    name: 'appointment',
    role: 'caseworker',
    path: (ids) => `/unge/${ids.youthWithAppointment}/aftaler/${ids.appointmentId}`,
  },
  { name: 'my calendar', role: 'caseworker', path: () => '/min-kalender' },
  { name: "youth's plan", role: 'caseworker', path: (ids) => `/unge/${ids.youthWithPlan}/plan` },
  { name: 'groups', role: 'caseworker', path: () => '/grupper' },
  { name: 'group', role: 'caseworker', path: (ids) => `/grupper/${ids.groupId}` },
  { name: 'new group', role: 'leader', path: () => '/grupper/ny' },
  { name: 'group meeting', role: 'caseworker', path: (ids) => `/grupper/${ids.groupId}/moeder/${ids.meetingId}` },
  {
    name: 'coming group meeting',
    role: 'caseworker',
    path: (ids) => `/grupper/${ids.groupId}/moeder/${ids.comingMeetingId}`,
  },
  { name: 'companies', role: 'caseworker', path: () => '/virksomheder' },
  { name: 'new company', role: 'caseworker', path: () => '/virksomheder/ny' },
  { name: 'company', role: 'caseworker', path: (ids) => `/virksomheder/${ids.companyId}` },
  { name: 'company meetings', role: 'caseworker', path: () => '/virksomheder/moeder' },
  { name: 'company meeting', role: 'caseworker', path: (ids) => `/virksomheder/moeder/${ids.companyMeetingId}` },
  { name: 'match events', role: 'caseworker', path: () => '/matchevents' },
  { name: 'match event', role: 'caseworker', path: (ids) => `/matchevents/${ids.matchEventId}` },
  { name: 'alerts', role: 'caseworker', path: () => '/advarsler' },
  { name: 'alerts of the unit', role: 'leader', path: () => '/advarsler' },
  { name: 'resolved alerts', role: 'leader', path: () => '/advarsler?status=resolved' },
  { name: 'overview', role: 'leader', path: () => '/overblik' },
  { name: 'evaluation data', role: 'leader', path: () => '/evaluering' },
  {
    name: 'evaluation data with its files',
    role: 'leader',
    path: () => '/evaluering?from=2026-01-01&to=2026-11-25&evaluation=NExTWORK+2026',
  },
  {
    name: 'evaluation data with errors',
    role: 'leader',
    path: () => '/evaluering',
    prepare: async (page) => {
      await page.locator('#f-from').fill('2026-11-25');
      await page.locator('#f-to').fill('2026-01-01');
      await page.locator('form[action="/evaluering"] button[type=submit]').click();
      await page.waitForLoadState();
    },
  },
  { name: 'distribute cases', role: 'leader', path: () => '/fordel-sager' },
  { name: 'audit log', role: 'leader', path: () => '/logning' },
  { name: 'audit log (admin)', role: 'admin', path: () => '/logning' },
  { name: 'risk thresholds', role: 'leader', path: () => '/admin/regler' },
  { name: 'rule sets', role: 'leader', path: () => '/regelsaet' },
  { name: 'change password', role: 'caseworker', path: () => '/adgangskode' },
  {
    name: 'account with a new API token',
    role: 'leader',
    path: () => '/adgangskode',
    prepare: async (page) => {
      await page.locator('#f-token-name').fill('Rapport-script');
      await page.locator('form[action="/adgangskode/noegler"] button[type=submit]').click();
      await page.waitForLoadState();
    },
  },
  { name: 'administration', role: 'admin', path: () => '/admin' },
  { name: 'users', role: 'admin', path: () => '/admin/brugere' },
  { name: 'user', role: 'admin', path: (ids) => `/admin/brugere/${ids.userId}` },
  { name: 'settings', role: 'admin', path: () => '/admin/indstillinger' },
  { name: 'webhook', role: 'admin', path: () => '/admin/webhook' },
  { name: 'caseload import', role: 'admin', path: () => '/admin/import' },
  {
    name: 'caseload import with problems',
    role: 'admin',
    path: () => '/admin/import',
    prepare: async (page) => {
      const file =
        '\uFEFFNavn;CPR-nummer;Henvisningsdato;Henvist af;Rådgivers e-mail\r\nIda;010203-1234;2099-01-01;UU;ingen@x.dk\r\n';
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'fejl.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
      await page.locator('main form[method=post] button[type=submit]').last().click();
      await page.waitForLoadState();
    },
  },
  { name: 'risk thresholds (admin)', role: 'admin', path: () => '/admin/regler' },
  { name: 'Mit forløb log-in', role: 'anonymous', path: () => '/mit-forloeb/log-ind' },
  { name: 'Mit forløb', role: 'youth', path: () => '/mit-forloeb' },
  { name: 'Mit forløb: check-in', role: 'youth', path: () => '/mit-forloeb/tjek-ind' },
  { name: 'Mit forløb: afbud', role: 'youth', path: () => '/mit-forloeb/afbud' },
  { name: 'Mit forløb: match wishes', role: 'youth', path: () => '/mit-forloeb/match' },
  { name: 'Mit forløb: questionnaire', role: 'youth', path: () => '/mit-forloeb/forberedelse' },
  { name: 'Mit forløb: my progress', role: 'youth', path: () => '/mit-forloeb/min-udvikling' },
  { name: 'Mit forløb: reminders', role: 'youth', path: () => '/mit-forloeb/paamindelser' },
  { name: 'Mit forløb: devices', role: 'youth', path: () => '/mit-forloeb/enheder' },
];

/** The pages a unit prints, which must print their content and nothing of the site around it. */
const printed = [
  'today',
  'caseload',
  'group meeting',
  'coming group meeting',
  'match event',
  "youth's plan",
  'youth (active)',
  'overview',
];

const widths = [1280, 390] as const;

/**
 * The checks in one language, on a laptop and a phone. Each language is its own test file, so the
 * two run side by side.
 */
export function checkEveryPageType(lang: 'da' | 'en') {
  describe(`every page type in Chromium, in ${lang}`, { timeout: 600_000 }, () => {
    let t: BrowserTest;
    let ids: DemoIds;

    beforeAll(async () => {
      t = await startBrowserTest({ now: NOW });
      const deps = await createAppDeps({
        db: t.ctx.db,
        config: t.ctx.config,
        secret: TEST_SECRET,
        clock: t.ctx.clock,
        ruleSets: await loadRuleSets(),
      });
      await seedDemo(deps);
      ids = await lookUpDemoIds(t);
    }, 300_000);
    afterAll(() => t?.close());

    describe.each(widths)('%i px wide', (width) => {
      const pages = new Map<Role, Page>();
      const pageFor = async (role: Role): Promise<Page> => {
        const open = pages.get(role);
        if (open) return open;
        const options = { viewport: { width, height: 900 }, bypassCSP: true, password: DEMO_PASSWORD };
        let page: Page;
        if (role === 'anonymous' || role === 'youth') {
          const context = await t.browser.newContext({ viewport: options.viewport, bypassCSP: true, locale: 'da-DK' });
          if (role === 'youth') {
            const { token } = await youthSession(t.ctx.db, ids.youthOnMatchEvent, { now: NOW });
            await context.addCookies([
              { name: 'ungeflow_youth', value: token, url: t.base, httpOnly: true, sameSite: 'Lax' },
            ]);
          }
          page = await context.newPage();
        } else {
          page = await t.loggedIn(demoLogIn[role], options);
        }
        // The language switch is remembered in a cookie; Danish is the default.
        if (lang === 'en') await page.goto(`${t.base}${role === 'youth' ? '/mit-forloeb' : '/login'}?lang=en`);
        pages.set(role, page);
        return page;
      };
      afterAll(async () => {
        for (const page of pages.values()) await page.context().close();
      });

      it.each(pageTypes)('$name', async ({ role, path, prepare, name }) => {
        const page = await pageFor(role);
        const response = await page.goto(`${t.base}${path(ids)}`);
        expect(response?.status(), name).toBe(name === 'page not found' ? 404 : 200);
        // The page itself, not the log-in page a lost session would be sent to.
        expect(new URL(page.url()).pathname, name).toBe(new URL(path(ids), t.base).pathname);
        await prepare?.(page);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect((await accessibilityViolations(page)).join('\n'), `axe-core on ${name}`).toBe('');
        expect((await horizontalOverflow(page)).join('\n'), `sideways scrolling on ${name}`).toBe('');
        if (printed.includes(name)) expect((await printProblems(page)).join('\n'), `printing ${name}`).toBe('');
      });
    });
  });
}

/** One youth in each stage and one of each other record in the demo unit, for the pages' addresses. */
async function lookUpDemoIds(t: BrowserTest): Promise<DemoIds> {
  const { db } = t.ctx;
  const journeys = await db
    .selectFrom('journey')
    .select(['youth_id', 'stage'])
    .distinctOn('stage')
    .orderBy('stage')
    .orderBy('youth_id')
    .execute();
  const plan = await db.selectFrom('plan_version').select('youth_id').limit(1).executeTakeFirst();
  const withPlan =
    plan?.youth_id ??
    (await db.selectFrom('journey').select('youth_id').where('stage', '=', 'active').executeTakeFirstOrThrow())
      .youth_id;
  const meeting = await db
    .selectFrom('group_meeting')
    .select(['id', 'group_id'])
    .where(sql<boolean>`exists (select 1 from group_attendance a where a.meeting_id = group_meeting.id)`)
    .orderBy('starts_at', 'desc')
    .executeTakeFirstOrThrow();
  const companyMeeting = await db.selectFrom('company_meeting').select('id').executeTakeFirstOrThrow();
  const company = await db
    .selectFrom('company')
    .select('id')
    .where(sql<boolean>`exists (select 1 from placement p where p.company_id = company.id)`)
    .executeTakeFirstOrThrow();
  const matchEvent = await db
    .selectFrom('match_event')
    .select('id')
    .where(sql<boolean>`exists (select 1 from match_event_youth y where y.match_event_id = match_event.id)`)
    .executeTakeFirstOrThrow();
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', 'raadgiver@demo.dk')
    .executeTakeFirstOrThrow();
  const coming = await db
    .selectFrom('group_meeting')
    .select('id')
    .where('group_id', '=', meeting.group_id)
    .where('starts_at', '>', NOW)
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();
  const mine = await db
    .selectFrom('journey')
    .select('youth_id')
    .where('caseworker_id', '=', user.id)
    .where('stage', '=', 'active')
    .executeTakeFirstOrThrow();
  const appointment = await bookAppointment(t, mine.youth_id);
  const onMatchEvent = await db
    .selectFrom('match_event_youth')
    .innerJoin('journey', 'journey.id', 'match_event_youth.journey_id')
    .select('journey.youth_id')
    .where('journey.open', '=', true)
    .orderBy('journey.youth_id')
    .executeTakeFirstOrThrow();
  return {
    youthByStage: new Map(journeys.map((j) => [j.stage, j.youth_id])),
    youthWithPlan: withPlan,
    groupId: meeting.group_id,
    meetingId: meeting.id,
    companyId: company.id,
    companyMeetingId: companyMeeting.id,
    matchEventId: matchEvent.id,
    userId: user.id,
    youthWithAppointment: mine.youth_id,
    appointmentId: appointment,
    comingMeetingId: coming.id,
    youthOnMatchEvent: onMatchEvent.youth_id,
  };
}

/** Books a conversation this afternoon through the API, as the demo caseworker; returns its id. */
async function bookAppointment(t: BrowserTest, youthId: string): Promise<string> {
  const login = await t.ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: demoLogIn.caseworker, password: DEMO_PASSWORD },
  });
  const session = login.cookies.find((c) => c.name === 'ungeflow_session');
  if (!session) throw new Error(`The demo caseworker could not log in: ${login.body}`);
  const booked = await t.ctx.app.inject({
    method: 'POST',
    url: `/api/youth/${youthId}/appointments`,
    headers: { cookie: `ungeflow_session=${session.value}` },
    payload: { kind: 'job_conversation', mode: 'phone', startsAt: '2026-11-25T14:00:00+01:00' },
  });
  if (booked.statusCode !== 201) throw new Error(`The appointment was not booked: ${booked.body}`);
  return booked.json<{ id: string }>().id;
}
