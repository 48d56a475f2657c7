import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, stopAll, untilOutput } from '../support/processes.ts';

// `npm start` on a fresh data folder, as a new user meets it: the server listens while Demo
// Kommune is being added, and nothing but the public pages answers before the demo is in.

const DEMO_LINE = /Demo content:/;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ungeflow-first-start-'));
});
afterAll(async () => {
  await stopAll();
  await rm(root, { recursive: true, force: true });
});

const env = (folder: string) => ({
  UNGEFLOW_DATA_DIR: join(root, folder),
  DEMO_SEED: 'true',
  SWEEP_ENABLED: 'false',
  // A stop during the first start waits for the demo unit; on a loaded machine that takes a while.
  SHUTDOWN_GRACE_SECONDS: '300',
});

async function logIn(url: string): Promise<{ status: number; cookie: string | undefined }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'raadgiver@demo.dk', password: 'ungeflow-demo' }),
  });
  return { status: response.status, cookie: response.headers.getSetCookie()[0]?.split(';')[0] };
}

describe('the first start with the demo unit', () => {
  it('answers the log-in page at once and holds a log-in until the whole demo is in', async () => {
    const server = await spawnServer(env('fresh'));
    await untilOutput(server, /Ungeflow is running/, 120_000);
    const page = await fetch(`${server.url}/login`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form');
    // The page answered while the demo unit was still being added: it did not wait for it.
    expect(server.output()).not.toMatch(DEMO_LINE);

    const login = await logIn(server.url);
    // The answer came after the demo unit was complete, not with half of it.
    expect(server.output()).toMatch(DEMO_LINE);
    expect(login.status).toBe(200);
    const journeys = await fetch(`${server.url}/api/journeys`, { headers: { cookie: login.cookie! } });
    expect(journeys.status).toBe(200);
    const counted = /"journeys":(\d+)/.exec(server.output())?.[1];
    expect(Number(counted)).toBeGreaterThan(0);
    const body = (await journeys.json()) as { total: number };
    expect(body.total).toBeGreaterThan(0);
    expect((await server.stop()).code).toBe(0);
  }, 240_000);

  it('lets the demo unit finish when it is stopped during the first start, and does not add it twice', async () => {
    const first = await spawnServer(env('stopped'));
    await untilOutput(first, /Ungeflow is running/, 120_000);
    const stopped = await first.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(DEMO_LINE);

    const again = await spawnServer(env('stopped'));
    await untilOutput(again, /Ungeflow is running/, 120_000);
    expect((await logIn(again.url)).status).toBe(200);
    const output = (await again.stop()).stdout;
    expect(output).not.toMatch(DEMO_LINE);
  }, 240_000);
});
