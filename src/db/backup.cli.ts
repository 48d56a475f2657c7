import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { DataFolderError, embeddedFoldersOf } from './data-folder.ts';
import { BackupRefusal, backupEmbedded } from './embedded-backup.ts';

// `npm run backup -- --to <file>`: writes the embedded database to one .tar.gz file, without the
// key. Exit code 2 means nothing was done (the server runs, no database, wrong arguments).
const usage = 'Usage: npm run backup -- --to <file.tar.gz>   (stop the server first)';
let to: string | undefined;
try {
  to = parseArgs({ options: { to: { type: 'string' } } }).values.to;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (!to) {
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
    'npm run backup covers the embedded database only. DATABASE_URL is set: back up PostgreSQL with pg_dump ' +
      '(e.g. pg_dump --format=custom --file=ungeflow.dump "$DATABASE_URL") and restore it with pg_restore.',
  );
  process.exit(2);
}

// Anything this process creates is its owner's alone, like the data folder it reads.
process.umask(0o077);
try {
  const { bytes } = await backupEmbedded(folders, to);
  console.log(
    `Backed up the embedded database in ${folders.pgdata} to ${to} (${(bytes / 1_048_576).toFixed(1)} MB).\n` +
      `The key is not in the backup. Keep it (UNGEFLOW_SECRET_FILE, UNGEFLOW_SECRET or ${folders.dataDir}/secret.key) ` +
      `in a separate safe place: without it the CPR numbers in the backup cannot be read, and with it anyone can.`,
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
