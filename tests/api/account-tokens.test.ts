import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { loginAs, newMunicipality, newUser } from '../support/factories.ts';

const NOW = new Date('2026-12-07T09:00:00Z');
const form = 'application/x-www-form-urlencoded';

/** The tokens on the account page: each one's name, then what its list says of it, in order. */
function rowsOf(html: string): string[][] {
  const plain = (fragment: string) =>
    fragment
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return [...html.matchAll(/<li data-testid="token">([\s\S]*?)<\/li>/g)].map((item) => {
    const body = item[1] ?? '';
    const name = plain(/<h3[^>]*>([\s\S]*?)<\/h3>/.exec(body)?.[1] ?? '');
    return [name, ...[...body.matchAll(/<dd>([\s\S]*?)<\/dd>/g)].map((dd) => plain(dd[1] ?? ''))];
  });
}

describe.each(engines)('API tokens on the account page, on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let cookie = '';
  const csrf = { cookie: '', token: '' };

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id, role: 'leader' });
    cookie = (await loginAs(ctx.app, user)).cookie;
  });
  afterAll(() => ctx.close());

  async function open(url = '/adgangskode'): Promise<LightMyRequestResponse> {
    const response = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { cookie: [cookie, csrf.cookie].join('; ') },
    });
    keepCsrf(response);
    return response;
  }
  function keepCsrf(response: LightMyRequestResponse) {
    const set = response.cookies.find((c) => c.name === 'ungeflow_csrf');
    if (set) csrf.cookie = `ungeflow_csrf=${set.value}`;
    csrf.token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? csrf.token;
  }
  async function post(url: string, fields: Record<string, string>) {
    const response = await ctx.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams({ _csrf: csrf.token, ...fields }).toString(),
      headers: { 'content-type': form, cookie: [cookie, csrf.cookie].join('; ') },
    });
    keepCsrf(response);
    return response;
  }

  it('creates a token with the lifetime chosen, shows it once, and lists when it expires and was last used', async () => {
    ctx.setNow(NOW);
    await open();
    const created = await post('/adgangskode/noegler', { name: 'Rapport-script', expiresInDays: '30' });
    expect(created.statusCode).toBe(200);
    const token = /<code class="break">(uft_[^<]+)<\/code>/.exec(created.body)?.[1] ?? '';
    expect(token).toMatch(/^uft_/);
    expect(created.body).toContain('Den vises kun denne ene gang.');
    expect(rowsOf(created.body)).toEqual([
      [
        'Rapport-script',
        `${token.slice(0, 10)}…`,
        'mandag den 7. december 2026 kl. 10.00',
        'onsdag den 6. januar 2027 kl. 10.00',
        'Aldrig',
        'Virker',
      ],
    ]);

    ctx.setNow(new Date(NOW.getTime() + 2 * 3_600_000));
    const used = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(used.statusCode).toBe(200);
    const again = await open();
    expect(again.body).not.toContain(token);
    expect(rowsOf(again.body)[0]?.[4]).toBe('mandag den 7. december 2026 kl. 12.00');
  });

  it('offers 90 days unless another lifetime is chosen, and refuses one it does not offer', async () => {
    const page = await open();
    expect(page.body).toMatch(/<option value="90" selected>90 dage<\/option>/);
    const refused = await post('/adgangskode/noegler', { name: 'For længe', expiresInDays: '400' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="e-expiresInDays"');
    const blank = await post('/adgangskode/noegler', { name: ' ', expiresInDays: '90' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('id="e-token-name"');
  });

  it('revokes a token from the page', async () => {
    await open();
    const created = await post('/adgangskode/noegler', { name: 'Kortlivet', expiresInDays: '90' });
    const token = /<code class="break">(uft_[^<]+)<\/code>/.exec(created.body)?.[1] ?? '';
    const id = /action="\/adgangskode\/noegler\/([0-9a-f-]+)\/tilbagekald"/.exec(created.body)?.[1] ?? '';
    const revoked = await post(`/adgangskode/noegler/${id}/tilbagekald`, {});
    expect(revoked.statusCode).toBe(303);
    const page = await open(revoked.headers.location);
    expect(page.body).toContain('Nøglen er tilbagekaldt.');
    expect(rowsOf(page.body).find((row) => row[0] === 'Kortlivet')?.[5]).toBe('Tilbagekaldt');
    const refused = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.statusCode).toBe(401);
  });
});
