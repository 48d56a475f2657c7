import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { TEST_SECRET } from '../support/app.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/engines.ts';
import { newCpr, newUnit, newYouth } from '../support/factories.ts';
import {
  killGroup,
  type ServerProcess,
  spawnServer,
  startServer,
  untilLive,
  untilOutput,
} from '../support/processes.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';

// What happens when PostgreSQL goes away under a running Ungeflow: a restart, a failover, an
// administrator's pg_terminate_backend, a network cut. Only PostgreSQL has connections to lose.
describe.skipIf(!engines.includes('postgres'))('the server when PostgreSQL drops its connections', () => {
  let database: TestDatabase;
  let cookie: string;
  let server: ServerProcess | undefined;
  const proxies: TcpProxy[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterEach(async () => {
    if (server) {
      killGroup(server, 'SIGKILL');
      await server.exited;
      server = undefined;
    }
    for (const proxy of proxies.splice(0)) await proxy.close();
  });
  afterAll(async () => {
    await database.drop();
  });

  /** A unit with a caseworker logged in, made through an app on the test database. */
  async function caseworkerSession(): Promise<string> {
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', UNGEFLOW_SECRET: TEST_SECRET }),
      db: database.db,
      secret: TEST_SECRET,
    });
    const unit = await newUnit(app, database.db);
    await newYouth(app, unit.caseworker.headers, { name: 'Sofie Hansen' });
    await app.close();
    return unit.caseworker.headers.cookie;
  }

  function serverEnv(url: string, extra: Record<string, string> = {}) {
    return { DATABASE_URL: url, UNGEFLOW_SECRET: TEST_SECRET, ...extra };
  }

  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${server!.url}${path}`, { ...init, headers: { cookie, ...init.headers } });

  const databaseName = () => new URL(database.url!).pathname.slice(1);

  /** A proxy the test controls in front of the test database, and the database's URL through it. */
  async function proxyToDatabase(): Promise<{ proxy: TcpProxy; viaProxy: URL }> {
    const target = new URL(database.url!);
    const proxy = await new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) }).start();
    proxies.push(proxy);
    const viaProxy = new URL(database.url!);
    viaProxy.port = String(proxy.port);
    return { proxy, viaProxy };
  }

  it('survives pg_terminate_backend on every connection, also under load, and serves again', async () => {
    cookie = await caseworkerSession();
    server = await startServer(serverEnv(database.url!));
    expect((await get('/api/youth')).status).toBe(200);

    // Ten clients read and register youth while every connection of the server is terminated
    // every 150 ms: some requests meet a dead connection mid-query or mid-transaction.
    const statuses: number[] = [];
    let loading = true;
    const client = async () => {
      while (loading) {
        const response =
          statuses.length % 3 === 0
            ? await get('/api/youth', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ name: 'Ung under last', cpr: newCpr() }),
              })
            : await get('/api/youth?query=sofie');
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    };
    const clients = Array.from({ length: 10 }, client);
    for (let round = 0; round < 20; round++) {
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
                where datname = ${databaseName()} and application_name = 'ungeflow' and pid <> pg_backend_pid()`.execute(
        database.db,
      );
      await sleep(150);
    }
    loading = false;
    await Promise.all(clients);

    expect(server.child.exitCode).toBeNull();
    expect(statuses.length).toBeGreaterThan(20);
    // A request that met a lost connection is told to try again; none fails as a fault.
    expect(statuses.filter((s) => s !== 200 && s !== 201 && s !== 503)).toEqual([]);
    expect(server.output()).toMatch(/lost a database connection/);
    expect(server.output()).not.toMatch(/Unhandled 'error' event/);
    // And once the terminations stop, everything answers again.
    await expect.poll(async () => (await get('/api/youth')).status, { timeout: 10_000 }).toBe(200);
    expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);
  }, 120_000);

  it('answers 503 in Danish while a proxy between it and PostgreSQL is cut, and recovers by itself', async () => {
    cookie = await caseworkerSession();
    const { proxy, viaProxy } = await proxyToDatabase();
    server = await startServer(serverEnv(viaProxy.toString(), { DATABASE_CONNECT_TIMEOUT_SECONDS: '2' }));
    expect((await get('/api/youth')).status).toBe(200);

    await proxy.cut();
    const api = await get('/api/youth');
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    const body = (await api.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('database_unavailable');
    expect(body.error.message).toBe(
      'Ungeflow kan ikke få forbindelse til sin database lige nu. Vent et øjeblik, og prøv igen.',
    );
    const page = await get('/');
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Ungeflow kan ikke få forbindelse til sin database lige nu.');
    const english = await get('/api/youth', { headers: { 'accept-language': 'en' } });
    expect(((await english.json()) as { error: { message: string } }).error.message).toBe(
      'Ungeflow cannot reach its database right now. Wait a moment and try again.',
    );
    const ready = await fetch(`${server.url}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unreachable', migrations: 'unknown' });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(503);
    expect((await fetch(`${server.url}/api/health/live`)).status).toBe(200);

    await sleep(3000);
    expect(server.child.exitCode).toBeNull();
    await proxy.restore();
    await expect.poll(async () => (await get('/api/youth')).status, { timeout: 15_000 }).toBe(200);
    expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);
    expect(server.output()).not.toMatch(/"level":50/);
  }, 120_000);

  it('waits at start for a database that is not there yet, saying where it waits', async () => {
    const { proxy, viaProxy } = await proxyToDatabase();
    await proxy.cut();
    server = await spawnServer(serverEnv(viaProxy.toString(), { DATABASE_WAIT_SECONDS: '60' }));
    const waiting = await untilOutput(server, /Waiting for PostgreSQL/);
    expect(waiting).toContain(`Waiting for PostgreSQL at 127.0.0.1:${proxy.port}/${databaseName()}`);
    expect(waiting).not.toContain('postgres@');
    await proxy.restore();
    await untilLive(server);
    expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);
  }, 120_000);

  it('gives up after DATABASE_WAIT_SECONDS with a message that names the database', async () => {
    const { proxy, viaProxy } = await proxyToDatabase();
    await proxy.cut();
    server = await spawnServer(serverEnv(viaProxy.toString(), { DATABASE_WAIT_SECONDS: '2' }));
    expect(await server.exited).toBe(1);
    const output = server.output();
    expect(output).toContain(
      `Could not reach PostgreSQL at 127.0.0.1:${proxy.port}/${databaseName()} within 2 s (DATABASE_WAIT_SECONDS)`,
    );
    expect(output).not.toContain('Migration (unknown) failed');
    server = undefined;
  }, 60_000);
});
