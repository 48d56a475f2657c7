import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { DataFolderError, embeddedFoldersOf } from './data-folder.ts';
import { BackupRefusal, backupEmbedded, restoreEmbedded } from './embedded-backup.ts';

// `npm run backup -- --to <file>`: writes the embedded database to one .tar.gz file, without the
// key. `npm run restore -- --from <file> [--force]`: replaces the embedded database with a backup.
// Exit code 2 means nothing was done or changed (the server runs, no database, a database exists
// without --force, the archive does not open, wrong arguments); 1 that something failed on the way.

const commands = {
  backup: {
    usage: 'Usage: npm run backup -- --to <file.tar.gz>   (stop the server first)',
    options: { to: { type: 'string' } },
    postgres: 'back up PostgreSQL with pg_dump (e.g. pg_dump --format=custom --file=ungeflow.dump "$DATABASE_URL")',
  },
  restore: {
    usage: 'Usage: npm run restore -- --from <file.tar.gz> [--force]   (stop the server first)',
    options: { from: { type: 'string' }, force: { type: 'boolean' } },
    postgres:
      'restore PostgreSQL with pg_restore (e.g. pg_restore --clean --if-exists --dbname="$DATABASE_URL" ungeflow.dump)',
  },
} as const;

const refuse = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const [command, ...argv] = process.argv.slice(2);
if (command !== 'backup' && command !== 'restore') refuse(`${commands.backup.usage}\n${commands.restore.usage}`);
const { usage, options, postgres } = commands[command as keyof typeof commands];

let values: { to?: string; from?: string; force?: boolean } = {};
try {
  values = parseArgs({ args: argv, options }).values as typeof values;
} catch (error) {
  refuse(`${(error as Error).message}\n${usage}`);
}
const file = command === 'backup' ? values.to : values.from;
if (!file) refuse(usage);

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  refuse(error.message);
}
const folders = config && embeddedFoldersOf(config);
if (!folders) {
  refuse(`npm run ${command} covers the embedded database only. DATABASE_URL is set: ${postgres}.`);
}

// Anything this process creates is its owner's alone, like the data folder it reads and writes.
process.umask(0o077);
try {
  if (command === 'backup') {
    const { bytes } = await backupEmbedded(folders!, file!);
    console.log(
      `Backed up the embedded database in ${folders!.pgdata} to ${file} (${(bytes / 1_048_576).toFixed(1)} MB).\n` +
        `The key is not in the backup. Keep it (UNGEFLOW_SECRET_FILE, UNGEFLOW_SECRET or ${folders!.dataDir}/secret.key) ` +
        `in a separate safe place: without it the CPR numbers in the backup cannot be read, and with it anyone can.`,
    );
  } else {
    const { keptAs } = await restoreEmbedded(folders!, file!, { force: values.force === true, now: new Date() });
    console.log(`Restored the embedded database in ${folders!.pgdata} from ${file}.`);
    if (keptAs) console.log(`The database it replaced is kept in ${keptAs}; delete it once the restore is confirmed.`);
    console.log(
      'The database needs the key it was backed up with: UNGEFLOW_SECRET_FILE, UNGEFLOW_SECRET or ' +
        `${folders!.dataDir}/secret.key must hold that key before the server starts.`,
    );
  }
} catch (error) {
  if (error instanceof DataFolderError || error instanceof BackupRefusal) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
