import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteJourneyActivity } from '../../src/alerts/activity-facts.ts';
import { buildApp } from '../../src/app.ts';
import { parseCvr } from '../../src/companies/cvr.ts';
import { loadConfig } from '../../src/config.ts';
import { type AppDeps, createAppDeps } from '../../src/deps.ts';
import { linkIn, openLink } from '../support/youth-login.ts';
import { DEMO_PASSWORD, type DemoSeedResult, demoUsers, seedDemo } from '../../src/demo/seed.ts';
import { loadRuleSets } from '../../src/rules/rule-set.loader.ts';
import { resolveSecret } from '../../src/shared/secret.ts';
import { ageOn, parseCpr } from '../../src/youth/cpr.ts';
import { TEST_SECRET } from '../support/app.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/engines.ts';
import { newMunicipality } from '../support/factories.ts';

// Sunday 22 November 2026, 11:00 in Denmark.
const NOW = new Date('2026-11-22T10:00:00Z');
const TODAY = '2026-11-22';

type Headers = { cookie: string };

describe.each(engines)('first start on %s', (engine) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let seeded: DemoSeedResult | null;
  let app: FastifyInstance;
  let leader: Headers;
  let caseworker: Headers;

  async function login(email: string): Promise<Headers> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    });
    const cookie = response.cookies.find((c) => c.name === 'ungeflow_session');
    if (response.statusCode !== 200 || !cookie) throw new Error(`login failed: ${response.statusCode}`);
    return { cookie: `ungeflow_session=${cookie.value}` };
  }

  async function get<T>(url: string, headers: Headers = leader): Promise<T> {
    const response = await app.inject({ method: 'GET', url, headers });
    if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  }

  // The demo is seeded once per engine; every test below reads the unit it made.
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const ruleSets = await loadRuleSets();
    deps = await createAppDeps({ db: database.db, config, secret: TEST_SECRET, clock: () => NOW, ruleSets });
    seeded = await seedDemo(deps);
    app = await buildApp({ config, db: database.db, secret: TEST_SECRET, clock: () => NOW, ruleSets });
    leader = await login('leder@demo.dk');
    caseworker = await login('raadgiver@demo.dk');
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('creates Demo Kommune and its four users', async () => {
    expect(seeded).not.toBeNull();
    const municipalities = await database.db.selectFrom('municipality').select('name').execute();
    expect(municipalities).toEqual([{ name: 'Demo Kommune' }]);
    const users = await database.db.selectFrom('app_user').select(['email', 'role']).execute();
    expect(users.sort((a, b) => a.email.localeCompare(b.email))).toEqual(
      demoUsers.map((u) => ({ email: u.email, role: u.role })).sort((a, b) => a.email.localeCompare(b.email)),
    );
  });

  it('lets every demo user log in with the demo password', async () => {
    for (const user of demoUsers) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: DEMO_PASSWORD },
      });
      expect(response.statusCode, user.email).toBe(200);
      expect(response.json().user.role).toBe(user.role);
    }
  });

  it('registers about 60 youth with Danish names, among them names with æ, ø or å', async () => {
    const page = await get<{ items: Array<{ name: string }>; total: number }>('/api/youth?pageSize=100', caseworker);
    expect(page.total).toBeGreaterThanOrEqual(55);
    expect(page.total).toBeLessThanOrEqual(65);
    expect(page.items.filter((y) => /[æøåÆØÅ]/.test(y.name)).length).toBeGreaterThanOrEqual(3);
    expect(new Set(page.items.map((y) => y.name)).size).toBe(page.total);
  });

  it('gives every youth a valid, fictitious CPR number whose century digit matches an age of 16 to 29', async () => {
    const page = await get<{ items: Array<{ id: string; birthDate: string }> }>('/api/youth?pageSize=100', caseworker);
    for (const youth of page.items) {
      const revealed = await get<{ cpr: string }>(`/api/youth/${youth.id}?reveal=cpr`, caseworker);
      const parsed = parseCpr(revealed.cpr, NOW);
      expect(parsed.ok && parsed.cpr.birthDate, revealed.cpr).toBe(youth.birthDate);
      // Fictitious: failing the modulus-11 check no number issued before 2007 fails.
      const digits = revealed.cpr.replace('-', '');
      const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * ([4, 3, 2, 7, 6, 5, 4, 3, 2, 1][i] ?? 0), 0);
      expect(sum % 11, revealed.cpr).not.toBe(0);
      const age = ageOn(youth.birthDate, TODAY);
      expect(age).toBeGreaterThanOrEqual(16);
      expect(age).toBeLessThanOrEqual(29);
    }
  });

  it('has at least one journey in every stage but the optional control group', async () => {
    for (const stage of ['referred', 'visitation', 'intake', 'redirected', 'active', 'paused', 'followUp', 'closed']) {
      const page = await get<{ total: number }>(`/api/journeys?stage=${stage}&pageSize=1`);
      expect(page.total, stage).toBeGreaterThanOrEqual(1);
    }
  });

  it('has active youth exploring, placed and between placements, and returning youth', async () => {
    const rows = await database.db
      .selectFrom('journey')
      .select(['placement_state', 'returning'])
      .where('stage', '=', 'active')
      .execute();
    const states = new Set(rows.map((r) => r.placement_state));
    expect([...states].sort()).toEqual(['between', 'exploring', 'placed']);
    const returning = await get<{ items: Array<{ returning: boolean }> }>('/api/journeys?pageSize=100&open=true');
    expect(returning.items.some((j) => j.returning)).toBe(true);
  });

  it('shares the caseload between the two caseworkers', async () => {
    const page = await get<{ items: Array<{ caseworker: { name: string } }>; total: number }>(
      '/api/journeys?pageSize=100',
    );
    expect(page.items).toHaveLength(page.total);
    const byCaseworker = new Map<string, number>();
    for (const journey of page.items) {
      byCaseworker.set(journey.caseworker.name, (byCaseworker.get(journey.caseworker.name) ?? 0) + 1);
    }
    expect([...byCaseworker.keys()].sort()).toEqual(['Rasmus Rådgiver', 'Rikke Rådgiver']);
    for (const count of byCaseworker.values()) expect(count).toBeGreaterThanOrEqual(20);
  });

  it('runs six network groups with months of held meetings and attendance, and the coming weeks planned', async () => {
    const groups = await get<{ items: Array<{ id: string; memberCount: number }>; total: number }>('/api/groups');
    expect(groups.total).toBe(6);
    for (const group of groups.items) {
      expect(group.memberCount).toBeGreaterThanOrEqual(3);
      expect(group.memberCount).toBeLessThanOrEqual(8);
      const meetings = await get<{ items: Array<{ id: string; status: string; startsAt: string }> }>(
        `/api/groups/${group.id}/meetings?from=2026-06-01&to=2027-01-31`,
      );
      const held = meetings.items.filter((m) => m.status === 'held');
      expect(held.length).toBeGreaterThanOrEqual(4);
      expect(meetings.items.filter((m) => m.status === 'planned' && new Date(m.startsAt) > NOW).length).toBe(8);
      const lastHeld = held.at(-1);
      if (!lastHeld) throw new Error('no held meeting');
      const meeting = await get<{ attendance: Array<{ status: string | null }> }>(`/api/meetings/${lastHeld.id}`);
      expect(meeting.attendance.some((a) => a.status === 'attended')).toBe(true);
    }
    // The groups pause over the autumn holiday (week 42).
    const first = groups.items[0];
    const october = await get<{ items: Array<{ status: string; note: string | null }> }>(
      `/api/groups/${first?.id}/meetings?from=2026-10-12&to=2026-10-18`,
    );
    expect(october.items).toEqual([expect.objectContaining({ status: 'cancelled', note: 'Efterårsferie' })]);
  });

  it('invites three placed youth to Mit forløb: their links are in the outbox and log a youth in to a living journey', async () => {
    expect(seeded?.invited).toBe(3);
    const messages = await database.db
      .selectFrom('outgoing_message')
      .select(['youth_id', 'body', 'transport', 'status'])
      .where('kind', '=', 'invitation')
      .execute();
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => m.transport === 'outbox' && m.status === 'sent')).toBe(true);
    const { posted, cookie } = await openLink(app, linkIn(messages[0]!.body));
    expect(posted.statusCode).toBe(303);
    const start = await app.inject({ method: 'GET', url: '/mit-forloeb', headers: { cookie: cookie! } });
    expect(start.statusCode).toBe(200);
    const placement = await database.db
      .selectFrom('placement')
      .innerJoin('company', 'company.id', 'placement.company_id')
      .select('company.name')
      .where('placement.youth_id', '=', messages[0]!.youth_id!)
      .where('placement.ended_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(start.body).toContain(placement.name.replaceAll('&', '&amp;'));
  });

  it('has 25 companies with valid CVR numbers and contact persons', async () => {
    const page = await get<{ items: Array<{ id: string; cvr: string }>; total: number }>('/api/companies?pageSize=100');
    expect(page.total).toBe(25);
    expect(new Set(page.items.map((c) => c.cvr)).size).toBe(25);
    for (const company of page.items) {
      expect(parseCvr(company.cvr).ok, company.cvr).toBe(true);
      const detail = await get<{ contacts: unknown[] }>(`/api/companies/${company.id}`);
      expect(detail.contacts.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('holds a past match event with wishes, interests and mutual matches, and plans a coming one', async () => {
    const page = await get<{ items: Array<{ id: string; date: string }>; total: number }>('/api/match-events');
    expect(page.total).toBe(2);
    const past = page.items.find((e) => e.date < TODAY);
    const coming = page.items.find((e) => e.date > TODAY);
    if (!past || !coming) throw new Error('expected one past and one coming match event');
    const matches = await get<{ items: Array<{ kind: string }> }>(`/api/match-events/${past.id}/matches`);
    expect(matches.items.some((m) => m.kind === 'mutual')).toBe(true);
    const next = await get<{ youth: Array<{ wishes: string[] }>; companies: unknown[] }>(
      `/api/match-events/${coming.id}`,
    );
    expect(next.youth.length).toBeGreaterThanOrEqual(3);
    expect(next.companies.length).toBe(8);
    expect(next.youth.every((y) => y.wishes.length === 0)).toBe(true);
  });

  it('records placements with hours, conversations, mentor contacts and progression', async () => {
    const running = await get<{ items: Array<{ id: string }>; total: number }>('/api/placements?active=true');
    expect(running.total).toBeGreaterThanOrEqual(10);
    const ended = await get<{ total: number }>('/api/placements?active=false');
    expect(ended.total).toBeGreaterThanOrEqual(5);
    const placement = await get<{ totalHours: number; weeks: unknown[] }>(`/api/placements/${running.items[0]?.id}`);
    expect(placement.weeks.length).toBeGreaterThanOrEqual(1);
    expect(placement.totalHours).toBeGreaterThan(0);
    const counts = seeded?.counts;
    expect(counts?.activities).toBeGreaterThanOrEqual(150);
    expect(counts?.progressionMeasurements).toBeGreaterThanOrEqual(60);
    const mentorContacts = await database.db
      .selectFrom('activity')
      .select('id')
      .where('kind', '=', 'mentor_contact')
      .execute();
    expect(mentorContacts.length).toBeGreaterThanOrEqual(10);
  });

  it('has exits with follow-ups recorded, coming and overdue', async () => {
    const overdue = await get<{ total: number }>('/api/follow-ups?due=overdue');
    expect(overdue.total).toBeGreaterThanOrEqual(1);
    const upcoming = await get<{ total: number }>('/api/follow-ups?due=upcoming');
    expect(upcoming.total).toBeGreaterThanOrEqual(5);
    expect(seeded?.counts.followUpsRecorded).toBeGreaterThanOrEqual(2);
  });

  it('shows open passive alerts at once, from the start-up sweep', async () => {
    const passive = await get<{ items: Array<{ youthName: string; status: string }>; total: number }>(
      '/api/alerts?code=passive&status=open',
    );
    expect(passive.total).toBeGreaterThanOrEqual(1);
    const longPassive = await get<{ total: number }>('/api/alerts?code=passive_long&status=open&forLeader=true');
    expect(longPassive.total).toBeGreaterThanOrEqual(1);
    const runs = await database.db.selectFrom('sweep_run').select('trigger').execute();
    expect(runs).toEqual([{ trigger: 'startup' }]);
  });

  it('leaves every journey as refreshing its risk after each write would have: the seed refreshes each once', async () => {
    const state = () =>
      database.db
        .selectFrom('journey')
        .leftJoin('journey_risk_check', 'journey_risk_check.journey_id', 'journey.id')
        .select([
          'id',
          'missed_meetings_in_row',
          'conversations_first_6m',
          'hours_below_agreed_weeks',
          'hours_latest_week',
          'last_progression_at',
          'last_activity_at',
          'check_on',
        ])
        .orderBy('id')
        .execute();
    const alerts = () => database.db.selectFrom('alert').select(['id', 'status', 'code']).orderBy('id').execute();
    const before = await state();
    const alertsBefore = await alerts();
    expect(before.length).toBeGreaterThan(50);
    expect(before.some((j) => j.hours_below_agreed_weeks > 0)).toBe(true);
    expect(before.some((j) => j.conversations_first_6m > 0)).toBe(true);
    for (const journey of await database.db.selectFrom('journey').select(['id', 'municipality_id']).execute()) {
      await database.db
        .transaction()
        .execute((trx) => noteJourneyActivity(trx, deps, journey.municipality_id, journey.id, null));
    }
    expect(await state()).toEqual(before);
    expect(await alerts()).toEqual(alertsBefore);
  });

  it('opens every page a leader and a caseworker reach by links, in Danish and in English', async () => {
    // From the start pages, follow every link to a page (not the API, files or downloads), as a
    // user clicking through the demo would. Each must open, and none may print a missing value.
    const visited = new Map<string, number>();
    for (const [who, headers, starts] of [
      ['leader', leader, ['/', '/advarsler', '/overblik', '/grupper']],
      ['caseworker', caseworker, ['/', '/grupper', '/unge/ny']],
    ] as const) {
      for (const lang of ['da', 'en'] as const) {
        const queue: string[] = [...starts];
        const seen = new Set(queue);
        while (queue.length > 0) {
          const url = queue.shift() as string;
          const response = await app.inject({
            method: 'GET',
            url,
            headers: { ...headers, cookie: `${headers.cookie}; ungeflow_lang=${lang}` },
          });
          expect(response.statusCode, `${who} ${lang} GET ${url}`).toBe(200);
          // The random CSRF token may spell anything; the page's own text may not.
          const shown = response.body.replace(/name="_csrf" value="[^"]*"/g, '');
          expect(shown, `${who} ${lang} GET ${url}`).not.toMatch(/undefined|NaN|\[object Object\]/);
          // Every id once on a page: a label's "for" and an error's "aria-describedby" must find one field.
          const ids = [...response.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
          expect(
            ids.filter((id, i) => ids.indexOf(id) !== i),
            `${who} ${lang} GET ${url}: ids used twice`,
          ).toEqual([]);
          visited.set(url.split('?')[0] as string, response.statusCode);
          for (const [, href] of response.body.matchAll(/href="(\/[^"]*)"/g)) {
            const link = (href as string).replaceAll('&amp;', '&');
            const path = link.split('?')[0] as string;
            if (/^\/(api|docs)\b|\.(css|pdf|csv)$|\/pdf$/.test(path) || link.includes('lang=')) continue;
            // One visit a path is enough, but for the further pages of a long list (the caseload).
            const further = /(^|&)page=\d+/.test(link.split('?')[1] ?? '');
            if (further ? seen.has(link) : [...seen].some((s) => s.split('?')[0] === path)) continue;
            seen.add(link);
            queue.push(link);
          }
        }
      }
    }
    // Every youth with an open journey was reached from the lists, so every open stage's page was drawn.
    const open = await get<{ items: Array<{ youth: { id: string } }>; total: number }>(
      '/api/journeys?open=true&pageSize=100',
    );
    expect(open.items).toHaveLength(open.total);
    const youthPages = new Set([...visited.keys()].filter((p) => /^\/unge\/[0-9a-f-]{36}$/.test(p)));
    for (const j of open.items) expect(youthPages).toContain(`/unge/${j.youth.id}`);
  }, 240_000);

  it('seeds nothing on a second start', async () => {
    const before = await get<{ total: number }>('/api/youth?pageSize=1', caseworker);
    expect(await seedDemo(deps)).toBeNull();
    const after = await get<{ total: number }>('/api/youth?pageSize=1', caseworker);
    expect(after.total).toBe(before.total);
    expect(await database.db.selectFrom('municipality').select('id').execute()).toHaveLength(1);
  });
});

describe.each(engines)('first start on %s with a municipality already there', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.drop());

  it('seeds no demo municipality', async () => {
    await newMunicipality(database.db, 'Roskilde Kommune');
    const deps = await createAppDeps({
      db: database.db,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      secret: TEST_SECRET,
      clock: () => NOW,
    });
    expect(await seedDemo(deps)).toBeNull();
    expect(await database.db.selectFrom('municipality').select('name').execute()).toEqual([
      { name: 'Roskilde Kommune' },
    ]);
  });
});

describe('the embedded secret', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ungeflow-secret-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is generated once into the data folder, readable by the owner only, and reused', async () => {
    const first = await resolveSecret(undefined, dir);
    const second = await resolveSecret(undefined, dir);
    expect(first).toHaveLength(64);
    expect(second).toBe(first);
    expect((await readFile(join(dir, 'secret.key'), 'utf8')).trim()).toBe(first);
    expect((await stat(join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
  });

  it('is not generated when one is configured', async () => {
    expect(await resolveSecret('x'.repeat(40), join(dir, 'unused'))).toBe('x'.repeat(40));
  });
});

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { engine: 'pglite', dataDir: './data/pgdata' },
      dataDir: './data',
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and then requires a secret', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(
      /UNGEFLOW_SECRET or UNGEFLOW_SECRET_FILE is required/,
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x', UNGEFLOW_SECRET: 's'.repeat(32) }).database).toEqual({
      engine: 'postgres',
      url: 'postgres://localhost/x',
      poolSize: 10,
      connectTimeoutSeconds: 5,
    });
  });

  describe('with the key in a file', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ungeflow-key-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('reads UNGEFLOW_SECRET_FILE, trimmed, also for PostgreSQL', async () => {
      const file = join(dir, 'key');
      await writeFile(file, `  ${'k'.repeat(40)}\n`);
      expect(loadConfig({ UNGEFLOW_SECRET_FILE: file }).secret).toBe('k'.repeat(40));
      expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x', UNGEFLOW_SECRET_FILE: file }).secret).toBe(
        'k'.repeat(40),
      );
    });

    it('refuses a key file that is missing or shorter than 32 characters', async () => {
      const missing = join(dir, 'missing');
      expect(() => loadConfig({ UNGEFLOW_SECRET_FILE: missing })).toThrow(
        `UNGEFLOW_SECRET_FILE: cannot read the key file ${missing} (ENOENT)`,
      );
      const short = join(dir, 'short');
      await writeFile(short, `${'k'.repeat(31)}\n\n`);
      expect(() => loadConfig({ UNGEFLOW_SECRET_FILE: short })).toThrow(
        `UNGEFLOW_SECRET_FILE: the key file ${short} must hold at least 32 characters`,
      );
    });

    it('refuses UNGEFLOW_SECRET and UNGEFLOW_SECRET_FILE together', async () => {
      const file = join(dir, 'both');
      await writeFile(file, 'k'.repeat(40));
      expect(() => loadConfig({ UNGEFLOW_SECRET: 's'.repeat(32), UNGEFLOW_SECRET_FILE: file })).toThrow(
        'set UNGEFLOW_SECRET or UNGEFLOW_SECRET_FILE, not both',
      );
    });
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', UNGEFLOW_SECRET: 'short' })).toThrow(/PORT[\s\S]*UNGEFLOW_SECRET/);
  });
});
