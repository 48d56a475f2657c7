import pino from 'pino';
import { loadConfig } from '../config.ts';
import { openCommandDatabase } from '../db/command-database.ts';
import { loadRuleSets } from '../rules/rule-set.loader.ts';
import { systemClock } from '../shared/clock.ts';
import { createMailer } from './digest.service.ts';
import { sweepAndNotify } from './scheduler.ts';

// `npm run sweep`: runs the risk sweep now, sends the digest and due webhooks, and prints what changed.
const config = loadConfig(process.env);
const log = pino({ level: config.logLevel });
const { db, close } = await openCommandDatabase(config);
try {
  const result = await sweepAndNotify(
    {
      db,
      ruleSets: await loadRuleSets(),
      clock: systemClock,
      log,
      mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log }),
      publicUrl: config.publicUrl,
      sweepAt: config.sweepAt,
      webhookAllowedHosts: config.webhookAllowedHosts,
    },
    'manual',
  );
  if (result.status === 'skipped') {
    console.log('Another sweep is running; nothing done.');
  } else {
    console.log(
      `Swept ${result.journeys} open journeys as of ${result.asOf}: ${result.opened} alerts opened, ` +
        `${result.resolved} resolved, ${result.woken} woken from snooze, ${result.escalated} escalated to a leader ` +
        `(${result.timings.total} ms: load ${result.timings.load}, rules ${result.timings.evaluate}, writes ${result.timings.write}).`,
    );
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await close();
}
