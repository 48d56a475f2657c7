import { createMailer } from './alerts/digest.service.ts';
import { startScheduler } from './alerts/scheduler.ts';
import { buildApp } from './app.ts';
import { AuditPseudonyms } from './audit/pseudonym.ts';
import { type AppConfig, ConfigError, loadConfig } from './config.ts';
import { exitOnDataFolderError, openDataFolder } from './db/data-folder.ts';
import { describeDatabase, openDatabase } from './db/database.ts';
import { migrateDatabase } from './db/roles.ts';
import { DatabaseUnreachableError, waitForDatabase } from './db/readiness.ts';
import { DemoSeedError, describeDemoLogins, describeDemoSeed, seedDemo } from './demo/seed.ts';
import { createAppDeps } from './deps.ts';
import { createMessenger } from './messages/messenger.ts';
import { loadRuleSets } from './rules/rule-set.loader.ts';
import { systemClock } from './shared/clock.ts';
import { CprVault } from './shared/crypto.ts';
import { resolveSecret } from './shared/secret.ts';
import { stopOnSignals } from './shared/shutdown.ts';

// Reads the configuration, prepares the database and listens. Everything else is in buildApp.
let config: AppConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

// The embedded database's folder is this process's alone while it runs (see src/db/data-folder.ts).
const dataFolder =
  config.database.engine === 'pglite' ? await openDataFolder(config).catch(exitOnDataFolderError(1)) : undefined;
const db = await openDatabase(config.database);
const secret = await resolveSecret(config.secret, config.dataDir);
const ruleSets = await loadRuleSets();
// The demo unit is added while the server already listens: the log-in page answers at once, and
// every other request waits until the demo is in (see BuildAppOptions.contentArriving).
let demoIsIn = () => {};
const demoArriving = config.demoSeed ? new Promise<void>((resolve) => (demoIsIn = resolve)) : undefined;
const app = await buildApp({ config, db, secret, ruleSets, contentArriving: demoArriving });

try {
  await waitForDatabase(db, {
    waitSeconds: config.databaseWaitSeconds,
    target: describeDatabase(config.database),
    log: (message) => app.log.warn(message),
  });
  await migrateDatabase(config, db);
} catch (error) {
  if (error instanceof DatabaseUnreachableError) app.log.fatal(error.message);
  else app.log.fatal({ err: error }, 'could not prepare the database');
  await db.destroy().catch(() => undefined);
  process.exit(1);
}

/** Adds Demo Kommune on a first start; what it could not add is logged, and the server goes on. */
async function addDemoUnit(): Promise<void> {
  const demoLogins = () => app.log.info(describeDemoLogins(config.publicUrl));
  try {
    const seeded = await seedDemo(await createAppDeps({ db, config, secret, ruleSets }));
    if (seeded) {
      demoLogins();
      app.log.info({ demo: seeded.counts, alerts: seeded.alerts }, describeDemoSeed(seeded));
    }
  } catch (error) {
    if (!(error instanceof DemoSeedError)) {
      app.log.fatal({ err: error }, 'could not add the demo unit');
      process.exit(1);
    }
    demoLogins();
    app.log.error(
      { err: error },
      `${error.message}. Demo Kommune keeps what was recorded and is not seeded again; delete the data folder to seed it afresh.`,
    );
  }
}

const startSweeps = () =>
  config.sweepEnabled
    ? startScheduler({
        db,
        ruleSets,
        clock: systemClock,
        log: app.log,
        mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log }),
        publicUrl: config.publicUrl,
        sweepAt: config.sweepAt,
        retention: { vault: new CprVault(secret), pseudonyms: new AuditPseudonyms(secret) },
        webhookAllowedHosts: config.webhookAllowedHosts,
        reminders: { messenger: createMessenger(config, app.log), remindersAt: config.remindersAt },
      })
    : undefined;
// The scheduler's first sweep waits for the demo unit, which runs its own.
const scheduling = config.demoSeed ? addDemoUnit().then(startSweeps) : Promise.resolve(startSweeps());
void scheduling.then(demoIsIn);

stopOnSignals({
  graceSeconds: config.shutdownGraceSeconds,
  log: app.log,
  async stop() {
    // fastify stops listening, answers 503 to new requests on open keep-alive connections,
    // and resolves once every connection has ended. A connection whose request was in flight
    // stays open for the client's next request once it is answered; closing the idle ones as
    // they come keeps a client's keep-alive from holding the stop.
    const closing = app.close();
    const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
    try {
      await closing;
    } finally {
      clearInterval(closeIdle);
    }
    // A stop during the first start lets the demo unit finish, so it is not left half added.
    await (await scheduling)?.stop();
    await db.destroy();
    dataFolder?.release();
  },
});

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `Ungeflow is running on http://${config.host}:${config.port} (${config.database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
);
