import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCpr, newUnit, newYouth } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';

const NOW = new Date('2026-12-07T08:00:00Z');

describe.each(engines)('the caseload sorted and searched on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  const ids: Record<string, string> = {};
  let amalieCpr = '';
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    const h = unit.caseworker.headers;
    for (const [name, firstContactAt, birthDate] of [
      ['Mikkel Hansen', '2026-12-03', '2004-05-15'],
      ['Bo Nielsen', '2026-11-20', '2004-05-15'],
      ['Amalie Jensen', '2026-12-06', '2003-02-01'],
    ] as const) {
      const cpr = newCpr(birthDate);
      if (name === 'Amalie Jensen') amalieCpr = cpr;
      const youth = await newYouth(ctx.app, h, { name, cpr });
      await openJourney(ctx.app, h, youth.id, { firstContactAt });
      ids[name] = youth.id;
    }
  });
  afterAll(() => ctx.close());

  const list = async (query: string) => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/journeys?${query}`,
      headers: unit.caseworker.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json().items.map((j: { youth: { name: string } }) => j.youth.name);
  };
  const search = async (query: string) => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/youth?query=${encodeURIComponent(query)}`,
      headers: unit.caseworker.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json().items.map((y: { name: string }) => y.name);
  };

  it('sorts by the next deadline as nextDeadlineOf dates it, and by name both ways', async () => {
    expect(await list('sort=deadline')).toEqual(['Bo Nielsen', 'Mikkel Hansen', 'Amalie Jensen']);
    expect(await list('sort=deadline&dir=desc')).toEqual(['Amalie Jensen', 'Mikkel Hansen', 'Bo Nielsen']);
    expect(await list('sort=name&dir=desc')).toEqual(['Mikkel Hansen', 'Bo Nielsen', 'Amalie Jensen']);
    // Bo's first conversation is overdue: the one alert sorts him last ascending.
    expect(await list('sort=alerts')).toEqual(['Amalie Jensen', 'Mikkel Hansen', 'Bo Nielsen']);
  });

  it('keeps every journey once across pages, whatever the order', async () => {
    for (const sort of ['name', 'stage', 'caseworker', 'lastActivity', 'alerts', 'deadline']) {
      const pages = [
        ...(await list(`sort=${sort}&pageSize=2&page=1`)),
        ...(await list(`sort=${sort}&pageSize=2&page=2`)),
      ];
      expect(pages.sort()).toEqual(['Amalie Jensen', 'Bo Nielsen', 'Mikkel Hansen']);
    }
  });

  it('finds a misspelt name, a date of birth, and a CPR number by its date when no one has it', async () => {
    expect(await search('mikel')).toEqual(['Mikkel Hansen']);
    expect(await search('010203')).toEqual(['Amalie Jensen']);
    expect(await search('01-02-03')).toEqual(['Amalie Jensen']);
    expect(await search(amalieCpr)).toEqual(['Amalie Jensen']);
    expect(await search('010203-4999')).toEqual(['Amalie Jensen']);
    // The serial number tells the century: 1 means born in 1903, and no one was.
    expect(await search('010203-1999')).toEqual([]);
    expect(await search('150504')).toEqual(['Bo Nielsen', 'Mikkel Hansen']);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'youth.searched')
      .where('municipality_id', '=', unit.municipality.id)
      .execute();
    const criteria = audit.map((a) => (a.details as { criteria: { query: string; by: string } }).criteria);
    expect(criteria).toContainEqual(expect.objectContaining({ query: '010203-XXXX', by: 'birth_date' }));
    expect(criteria).toContainEqual(expect.objectContaining({ query: 'mikel', by: 'name' }));
  });
});
