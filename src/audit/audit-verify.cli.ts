import { loadConfig } from '../config.ts';
import { openCommandDatabase } from '../db/command-database.ts';
import { verifyAuditChain } from './audit-chain.ts';

// `npm run audit:verify`: checks every municipality's chain of audit entries and reports the
// first broken link of each. Exit code 0: every chain holds; 1: a link is broken (or the check
// could not run).
const config = loadConfig(process.env);
const { db, close } = await openCommandDatabase(config);
try {
  const report = await verifyAuditChain(db);
  const chainName = (id: string | null) => (id === null ? 'entries of no municipality' : `municipality ${id}`);
  for (const link of report.broken) {
    const what = {
      changed: 'its content or hash was changed after it was written',
      personal: 'a personal field was changed, though the entry was never pseudonymised',
      missing: 'the entry before it is missing',
    }[link.reason];
    console.log(
      `BROKEN ${chainName(link.municipalityId)}: entry ${link.entryId} (number ${link.chainSeq} in the chain): ${what}.`,
    );
  }
  for (const head of report.heads) {
    console.log(`Head of ${chainName(head.municipalityId)}: entry number ${head.chainSeq}, hash ${head.hash}`);
  }
  console.log(
    report.broken.length === 0
      ? `All ${report.entries} audit entries in ${report.chains} chains verified.`
      : `${report.broken.length} of ${report.chains} chains are broken (${report.entries} entries read).`,
  );
  if (report.broken.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await close();
}
