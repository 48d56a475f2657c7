import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { GENERATED_SECRET_FILE } from '../shared/secret.ts';
import { formatCpr, parseCpr } from '../youth/cpr.ts';
import { EvaluationPseudonyms } from './evaluation-pseudonym.ts';

// npm run evaluation:pseudonyms -- --municipality <id> --evaluation "NExTWORK 2026" < cpr.txt > pseudonyms.csv
//
// The pseudonyms of the evaluation export for CPR numbers the municipality holds (docs/exports.md):
// one CPR number a line in, "cpr;pseudonym" a line out, so the register data handed to the
// researchers can carry the same pseudonym as Ungeflow's rows. Run where Ungeflow runs, with its
// configuration: the key is derived from the server's secret, which never leaves the server. It
// reads no database, so it also runs while Ungeflow does.
//
// Exit codes: 0 done; 2 the command or a line of input was wrong (nothing is written for a wrong
// command; a wrong line is named on standard error and the line left out); 1 anything else.

const USAGE =
  'Usage: npm run evaluation:pseudonyms -- --municipality <municipality id> --evaluation "<name>" < cpr.txt';
const WRONG_COMMAND = 2;
const FAILED = 1;
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

process.exitCode = await main(process.argv.slice(2));

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { municipality: { type: 'string' }, evaluation: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return WRONG_COMMAND;
  }
  const municipality = values.municipality ?? '';
  const evaluation = values.evaluation?.trim() ?? '';
  if (!uuidShape.test(municipality) || evaluation === '') {
    console.error(`--municipality (the id npm run municipality:list shows) and --evaluation are required.\n${USAGE}`);
    return WRONG_COMMAND;
  }
  let secret: string;
  try {
    const config = loadConfig(process.env);
    // The embedded database's generated key is read, never made here: a new one would give
    // pseudonyms no export has.
    secret = config.secret ?? (await readFile(join(config.dataDir, GENERATED_SECRET_FILE), 'utf8')).trim();
  } catch (error) {
    console.error(
      error instanceof ConfigError ? error.message : `Cannot read the server's key: ${(error as Error).message}`,
    );
    return FAILED;
  }
  const pseudonyms = new EvaluationPseudonyms(secret);
  let wrongLines = 0;
  let number = 0;
  process.stdout.write('cpr;pseudonym\n');
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    number += 1;
    const text = line.replace(/^\uFEFF/, '').trim();
    if (text === '') continue;
    const parsed = parseCpr(text);
    if (!parsed.ok) {
      // The line's number only: the text may be a CPR number, which stays out of logs.
      console.error(`line ${number}: not a CPR number (${parsed.problem})`);
      wrongLines += 1;
      continue;
    }
    const digits = parsed.cpr.digits;
    process.stdout.write(`${formatCpr(digits)};${pseudonyms.pseudonymOf(municipality, evaluation, digits)}\n`);
  }
  return wrongLines > 0 ? WRONG_COMMAND : 0;
}
