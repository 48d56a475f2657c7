import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { verifyAuditChain } from '../../src/audit/audit-chain.ts';
import { AuditPseudonyms } from '../../src/audit/pseudonym.ts';
import { loadConfig } from '../../src/config.ts';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/roles.ts';
import { runRetention } from '../../src/retention/retention.service.ts';
import { CprVault } from '../../src/shared/crypto.ts';
import { TEST_SECRET } from '../support/app.ts';
import { createPostgresDatabase, type PostgresTestDatabase } from '../support/engines.ts';
import { newUnit, newYouth } from '../support/factories.ts';

const postgresUrl = process.env.TEST_DATABASE_URL;

// Two roles on PostgreSQL (README, "Two database roles"): migrations as the owner, the server as a
// role that may only read and add to the audit log. The embedded database has one role only.
describe.skipIf(!postgresUrl)('the server’s database role on postgres', () => {
  const suffix = randomBytes(4).toString('hex');
  const ownerRole = `ungeflow_owner_${suffix}`;
  const appRole = `ungeflow_app_${suffix}`;
  let admin: Kysely<unknown>;
  let database: PostgresTestDatabase;
  let appDb: Db;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    admin = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }),
    });
    await sql`create role ${sql.id(ownerRole)} login password 'owner-password'`.execute(admin);
    await sql`create role ${sql.id(appRole)} login password 'app-password'`.execute(admin);
    await sql`alter schema public owner to ${sql.id(ownerRole)}`.execute(admin);
    const ownerUrl = new URL(database.url);
    ownerUrl.username = ownerRole;
    ownerUrl.password = 'owner-password';
    const appUrl = new URL(database.url);
    appUrl.username = appRole;
    appUrl.password = 'app-password';
    const config = loadConfig({
      DATABASE_URL: appUrl.toString(),
      MIGRATION_DATABASE_URL: ownerUrl.toString(),
      UNGEFLOW_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
    });
    appDb = await openDatabase(config.database);
    await migrateDatabase(config, appDb);
    app = await buildApp({
      config,
      db: appDb,
      secret: TEST_SECRET,
      logStream: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await appDb?.destroy();
    await admin?.destroy();
    await database?.drop();
    const cleanup = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: postgresUrl, max: 1 }) }),
    });
    await sql`drop role if exists ${sql.id(appRole)}`.execute(cleanup);
    await sql`drop role if exists ${sql.id(ownerRole)}`.execute(cleanup);
    await cleanup.destroy();
  });

  it('migrated as the owner: the tables belong to it, not to the server’s role', async () => {
    const { rows } = await sql<{ tableowner: string }>`
      select tableowner from pg_tables where schemaname = 'public' and tablename = 'audit_log'`.execute(appDb);
    expect(rows[0]?.tableowner).toBe(ownerRole);
  });

  it('lets the server work and write the log, but never change, remove or unguard a row of it', async () => {
    const unit = await newUnit(app, appDb);
    await newYouth(app, unit.caseworker.headers);
    const entry = await appDb
      .selectFrom('audit_log')
      .select('id')
      .where('municipality_id', '=', unit.municipality.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const refused = /permission denied|must be owner/;
    await expect(sql`update audit_log set ip = null where id = ${entry.id}`.execute(appDb)).rejects.toThrow(refused);
    await expect(sql`delete from audit_log where id = ${entry.id}`.execute(appDb)).rejects.toThrow(refused);
    await expect(sql`truncate audit_log`.execute(appDb)).rejects.toThrow(refused);
    await expect(sql`alter table audit_log disable trigger all`.execute(appDb)).rejects.toThrow(refused);
    await expect(sql`drop trigger audit_log_chained on audit_log`.execute(appDb)).rejects.toThrow(refused);
    expect((await verifyAuditChain(appDb)).broken).toEqual([]);
  });

  it('pseudonymises old entries through the owner’s function only, and the chain still holds', async () => {
    const asOf = `${new Date().getUTCFullYear() + 6}-01-01`;
    const outcome = await runRetention(
      {
        db: appDb,
        vault: new CprVault(TEST_SECRET),
        pseudonyms: new AuditPseudonyms(TEST_SECRET),
        clock: () => new Date(),
      },
      { asOf, dryRun: false },
    );
    expect(outcome.status).toBe('completed');
    const left = await appDb
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('pseudonymised_at', 'is', null)
      .where('action', '!=', 'audit.pseudonymised')
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    expect((await verifyAuditChain(appDb)).broken).toEqual([]);
  });
});
