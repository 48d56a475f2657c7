import { createMailer } from './alerts/digest.service.ts';
import { startScheduler } from './alerts/scheduler.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { DemoSeedError, describeDemoLogins, describeDemoSeed, seedDemo } from './demo/seed.ts';
import { loadRuleSets } from './rules/rule-set.loader.ts';
import { systemClock } from './shared/clock.ts';
import { CprVault } from './shared/crypto.ts';
import { resolveSecret } from './shared/secret.ts';

// Reads the configuration, prepares the database and listens. Everything else is in buildApp.
let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const db = await openDatabase(config.database);
await migrateToLatest(db);
const secret = await resolveSecret(config.secret, config.dataDir);
const ruleSets = await loadRuleSets();
const app = await buildApp({ config, db, secret, ruleSets });

if (config.demoSeed) {
  const demoLogins = () => app.log.info(describeDemoLogins(config.publicUrl));
  try {
    const seeded = await seedDemo({ db, config, clock: systemClock, vault: new CprVault(secret), ruleSets });
    if (seeded) {
      demoLogins();
      app.log.info({ demo: seeded.counts, alerts: seeded.alerts }, describeDemoSeed(seeded));
    }
  } catch (error) {
    if (!(error instanceof DemoSeedError)) throw error;
    demoLogins();
    app.log.error(
      { err: error },
      `${error.message}. Demo Kommune keeps what was recorded and is not seeded again; delete the data folder to seed it afresh.`,
    );
  }
}

const scheduler = config.sweepEnabled
  ? startScheduler({
      db,
      ruleSets,
      clock: systemClock,
      log: app.log,
      mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log }),
      publicUrl: config.publicUrl,
      sweepAt: config.sweepAt,
    })
  : undefined;

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  try {
    scheduler?.stop();
    await app.close();
    await db.destroy();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `Ungeflow is running on http://${config.host}:${config.port} (${config.database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
);
