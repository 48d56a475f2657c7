import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { withCommandDatabase } from '../db/command-database.ts';
import { createAppDeps } from '../deps.ts';
import { listAllMunicipalities } from '../municipalities/municipality.repository.ts';
import { resolveSecret } from '../shared/secret.ts';
import { t } from '../shared/texts.ts';
import { columnHeadings } from './import.schemas.ts';
import { type ImportReport, importCaseload } from './import.service.ts';

// npm run import -- --municipality <id> --file caseload.csv [--dry-run]
//
// Checks every row of the file and imports the caseload when none has a problem; with --dry-run it
// only checks (and undoes what it tried). The report is in Danish, as on the administrator's page.
// Exit codes: 0 imported (or, with --dry-run, no problems); 2 the command or the file was wrong and
// nothing was imported; 1 anything else (configuration, database).

const USAGE = 'Usage: npm run import -- --municipality <id> --file <caseload.csv> [--dry-run]';

const WRONG_COMMAND = 2;

process.exitCode = await main(process.argv.slice(2));

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        municipality: { type: 'string' },
        file: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return WRONG_COMMAND;
  }
  const { municipality: municipalityId, file } = values;
  if (!municipalityId || !file) {
    console.error(
      `Missing ${[!municipalityId && '--municipality', !file && '--file'].filter(Boolean).join(', ')}.\n${USAGE}`,
    );
    return WRONG_COMMAND;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return WRONG_COMMAND;
  }

  return withCommandDatabase(async (db, config) => {
    if (!(await listAllMunicipalities(db)).some((m) => m.id === municipalityId)) {
      console.error(`No municipality has the id ${municipalityId}. npm run municipality:list shows them.`);
      return WRONG_COMMAND;
    }
    const deps = await createAppDeps({ db, config, secret: await resolveSecret(config.secret, config.dataDir) });
    const report = await importCaseload(
      deps,
      { municipalityId, userId: null, ip: null, requestId: null },
      { bytes, name: basename(file) },
      { dryRun: values['dry-run'] },
    );
    console.log(describe(report));
    return report.problems.length === 0 ? 0 : WRONG_COMMAND;
  });
}

/** The report as the page shows it, one problem a line: row, column, what is wrong. */
function describe(report: ImportReport): string {
  const seconds = `(${(report.milliseconds / 1000).toFixed(1)} s)`;
  if (report.problems.length === 0) {
    return report.imported
      ? `${t('da', 'admin.import.imported', { rows: report.rows })} ${seconds}`
      : `${t('da', 'admin.import.noProblems', { rows: report.rows })} ${seconds}`;
  }
  const rows = new Set(report.problems.map((p) => p.row)).size;
  const lines = report.problems.map((p) => {
    const row = p.row === null ? t('da', 'admin.import.wholeFile') : `${t('da', 'admin.import.rowColumn')} ${p.row}`;
    const column = p.column === null ? '' : `, ${columnHeadings[p.column].da}`;
    return `${row}${column}: ${p.message.da}`;
  });
  const summary = t('da', 'admin.import.problemsFound', { count: report.problems.length, rows });
  return [...lines, '', summary].join('\n');
}
