import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { DataFolderError, embeddedFoldersOf } from './data-folder.ts';
import { BackupRefusal, restoreEmbedded } from './embedded-backup.ts';

// `npm run restore -- --from <file> [--force]`: replaces the embedded database with a backup.
// Exit code 2 means nothing was changed (the server runs, a database exists without --force,
// the archive does not open, wrong arguments).
const usage = 'Usage: npm run restore -- --from <file.tar.gz> [--force]   (stop the server first)';
let args: { from?: string; force?: boolean };
try {
  args = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean' } } }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const from = args.from;
if (!from) {
  console.error(usage);
  process.exit(2);
}

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const folders = embeddedFoldersOf(config);
if (!folders) {
  console.error(
    'npm run restore covers the embedded database only. DATABASE_URL is set: restore PostgreSQL with pg_restore ' +
      '(e.g. pg_restore --clean --if-exists --dbname="$DATABASE_URL" ungeflow.dump) from a pg_dump archive.',
  );
  process.exit(2);
}

// The restored database is its owner's alone, like the data folder it goes into.
process.umask(0o077);
try {
  const { keptAs } = await restoreEmbedded(folders, from, { force: args.force === true, now: new Date() });
  console.log(`Restored the embedded database in ${folders.pgdata} from ${from}.`);
  if (keptAs) console.log(`The database it replaced is kept in ${keptAs}; delete it once the restore is confirmed.`);
  console.log(
    'The database needs the key it was backed up with: UNGEFLOW_SECRET_FILE, UNGEFLOW_SECRET or ' +
      `${folders.dataDir}/secret.key must hold that key before the server starts.`,
  );
} catch (error) {
  if (error instanceof DataFolderError || error instanceof BackupRefusal) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
