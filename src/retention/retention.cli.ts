import pino from 'pino';
import { AuditPseudonyms } from '../audit/pseudonym.ts';
import { loadConfig } from '../config.ts';
import { openCommandDatabase } from '../db/command-database.ts';
import { danishDate, systemClock } from '../shared/clock.ts';
import { CprVault } from '../shared/crypto.ts';
import { isCalendarDay } from '../shared/days.ts';
import { resolveSecret } from '../shared/secret.ts';
import { runRetention } from './retention.service.ts';

// `npm run retention -- [--as-of YYYY-MM-DD] [--dry-run]`: removes the personal data that is
// past the municipalities' retention periods, as the nightly run does; with --dry-run, only
// shows what would go. Youth are named by id only.
const args = process.argv.slice(2);
const asOfAt = args.indexOf('--as-of');
const asOf = asOfAt >= 0 ? args[asOfAt + 1] : danishDate(systemClock());
const dryRun = args.includes('--dry-run');
if (
  !asOf ||
  !isCalendarDay(asOf) ||
  args.some((a, i) => a.startsWith('--') && !['--as-of', '--dry-run'].includes(a) && i !== asOfAt + 1)
) {
  console.error('Usage: npm run retention -- [--as-of YYYY-MM-DD] [--dry-run]');
  process.exit(2);
}

const config = loadConfig(process.env);
const log = pino({ level: config.logLevel });
const { db, close } = await openCommandDatabase(config);
try {
  const secret = await resolveSecret(config.secret, config.dataDir);
  const outcome = await runRetention(
    { db, vault: new CprVault(secret), pseudonyms: new AuditPseudonyms(secret), clock: systemClock, log },
    { asOf, dryRun },
  );
  if (outcome.status === 'skipped') {
    console.log('A sweep or retention run is under way elsewhere; nothing done.');
  } else {
    const verb = dryRun ? 'would be' : 'were';
    for (const m of outcome.municipalities) {
      console.log(`Municipality ${m.municipalityId}:`);
      console.log(
        `  ${m.youth.length} youth whose last journey closed before ${m.personalDataBefore} ${verb} anonymised` +
          (m.youth.length > 0 ? ':' : '.'),
      );
      for (const y of m.youth) console.log(`    ${y.youthId} (last journey closed ${danishDate(y.lastClosedAt)})`);
      console.log(`  ${m.auditEntries} audit entries written before ${m.auditBefore} ${verb} pseudonymised.`);
    }
    if (dryRun) console.log(`Dry run as of ${asOf}: nothing was changed.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await close();
}
