import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { TEST_SECRET } from '../support/app.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/engines.ts';
import { newUnit, newYouth } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';
import { isListening, killGroup, type ServerProcess, startServer } from '../support/processes.ts';

/** The node process `npm start` runs (npm's only child: the start script execs node). */
function nodeChildOf(npm: ServerProcess): number {
  const pids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(npm.pid)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter(Boolean);
  expect(pids).toHaveLength(1);
  const command = execFileSync('ps', ['-o', 'args=', '-p', String(pids[0])], { encoding: 'utf8' });
  expect(command).toMatch(/^node --import tsx src\/server\.ts/);
  return pids[0]!;
}

describe('stopping the server started by npm start', () => {
  let server: ServerProcess | undefined;
  afterEach(async () => {
    if (server && server.child.exitCode === null) {
      killGroup(server, 'SIGKILL');
      await server.exited;
    }
    server = undefined;
  });

  describe.skipIf(!engines.includes('postgres'))('on PostgreSQL, with plan downloads in flight', () => {
    let database: TestDatabase;
    let cookie: string;
    let journeyIds: string[];

    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      const app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', UNGEFLOW_SECRET: TEST_SECRET }),
        db: database.db,
        secret: TEST_SECRET,
      });
      const unit = await newUnit(app, database.db);
      cookie = unit.caseworker.headers.cookie;
      journeyIds = [];
      for (let i = 0; i < 8; i++) {
        const youth = await newYouth(app, unit.caseworker.headers);
        journeyIds.push((await openJourney(app, unit.caseworker.headers, youth.id)).id);
      }
      await app.close();
    });
    afterAll(async () => {
      await database.drop();
    });

    it('lets all 8 finish on SIGTERM to npm, then exits 0 and answers no more', async () => {
      server = await startServer({ DATABASE_URL: database.url!, UNGEFLOW_SECRET: TEST_SECRET }, { via: 'npm' });
      const { url: baseUrl, port } = server;
      const download = async (journeyId: string) => {
        const response = await fetch(`${baseUrl}/api/journeys/${journeyId}/plan.pdf`, { headers: { cookie } });
        const body = Buffer.from(await response.arrayBuffer());
        return { status: response.status, body, at: performance.now() };
      };
      // Warm up, so the downloads below are the server's work and not the first compile.
      expect((await download(journeyIds[0]!)).status).toBe(200);

      const downloads = journeyIds.map(download);
      // The first answer shows the server is at work on the eight; the other seven are in flight.
      const first = await Promise.race(downloads);
      const signalledAt = performance.now();
      server.child.kill('SIGTERM');
      const results = await Promise.all(downloads);

      expect(first.status).toBe(200);
      for (const result of results) {
        expect(result.status).toBe(200);
        expect(result.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(result.body.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
      }
      // Some of them were answered after the signal: the stop waited for them.
      expect(results.filter((r) => r.at > signalledAt).length).toBeGreaterThanOrEqual(4);
      expect(await server.exited).toBe(0);
      expect(await isListening(port)).toBe(false);
      const output = server.output();
      expect(output).toContain('SIGTERM: stopping');
      expect(output).toContain('"msg":"stopped"');
    }, 120_000);
  });

  describe('on the embedded database', () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'ungeflow-stop-'));
    });
    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('stops on Ctrl-C (SIGINT to npm and the server together) and exits 0', async () => {
      server = await startServer({ UNGEFLOW_DATA_DIR: dataDir }, { via: 'npm' });
      const nodePid = nodeChildOf(server);
      killGroup(server, 'SIGINT');
      expect(await server.exited).toBe(0);
      expect(await isListening(server.port)).toBe(false);
      expect(() => process.kill(nodePid, 0)).toThrow();
      expect(server.output()).toContain('SIGINT: stopping');
    }, 120_000);

    it('stops on SIGTERM to the node process npm started, and npm exits 0 with it', async () => {
      server = await startServer({ UNGEFLOW_DATA_DIR: dataDir }, { via: 'npm' });
      process.kill(nodeChildOf(server), 'SIGTERM');
      expect(await server.exited).toBe(0);
      expect(await isListening(server.port)).toBe(false);
    }, 120_000);
  });
});
