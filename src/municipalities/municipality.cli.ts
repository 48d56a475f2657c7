import { parseArgs } from 'node:util';
import { withCommandDatabase } from '../db/command-database.ts';
import type { Db } from '../db/database.ts';
import { DomainError } from '../shared/errors.ts';
import { parseWithMessages } from '../shared/validation.ts';
import type { MunicipalitySummary } from './municipality.repository.ts';
import { type CreateMunicipalityInput, createMunicipalityInput } from './municipality.schemas.ts';
import { createMunicipality, listMunicipalities } from './municipality.service.ts';

// npm run municipality:create -- --name "Roskilde Kommune" --admin-email it@roskilde.dk --admin-name "Ida Jensen"
// npm run municipality:list
//
// Exit codes: 0 done; 2 the command was wrong (arguments, a name or e-mail already taken) and
// nothing was written; 1 anything else (configuration, database).

const USAGE = [
  'Usage: npm run municipality:create -- --name "<municipality>" --admin-email <e-mail> --admin-name "<full name>"',
  '       npm run municipality:list',
].join('\n');

/** The command-line option of each input field, to name it in a message. */
const optionOf: Record<keyof CreateMunicipalityInput, string> = {
  name: '--name',
  adminEmail: '--admin-email',
  adminName: '--admin-name',
};

const WRONG_COMMAND = 2;

process.exitCode = await main(process.argv.slice(2));

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
      },
    });
  } catch (error) {
    // Unknown options, or an option without its value.
    console.error(`${(error as Error).message}\n${USAGE}`);
    return WRONG_COMMAND;
  }
  const { positionals, values } = parsed;
  const [command, ...rest] = positionals;
  if (rest.length > 0) {
    console.error(`Unexpected argument: ${rest.join(' ')}\n${USAGE}`);
    return WRONG_COMMAND;
  }
  if (command === 'list') {
    if (Object.keys(values).length > 0) {
      console.error(`municipality:list takes no options.\n${USAGE}`);
      return WRONG_COMMAND;
    }
    return withCommandDatabase(list);
  }
  if (command !== 'create') {
    console.error(USAGE);
    return WRONG_COMMAND;
  }

  const given = { name: values.name, adminEmail: values['admin-email'], adminName: values['admin-name'] };
  const missing = Object.entries(given)
    .filter(([, value]) => value === undefined)
    .map(([field]) => optionOf[field as keyof CreateMunicipalityInput]);
  if (missing.length > 0) {
    console.error(`Missing ${missing.join(', ')}.\n${USAGE}`);
    return WRONG_COMMAND;
  }
  const input = parseWithMessages(createMunicipalityInput, given);
  if (!input.success) {
    for (const issue of input.issues) {
      console.error(`${optionOf[issue.field as keyof CreateMunicipalityInput] ?? issue.field}: ${issue.messages.en}`);
    }
    return WRONG_COMMAND;
  }
  return withCommandDatabase((db) => create(db, input.data));
}

async function create(db: Db, input: CreateMunicipalityInput): Promise<number> {
  try {
    const { municipality, admin, oneTimePassword } = await createMunicipality(db, input);
    console.log(
      [
        `Created the municipality "${municipality.name}" (id ${municipality.id})`,
        `with its administrator ${admin.name} <${admin.email}>.`,
        '',
        `One-time password: ${oneTimePassword}`,
        '',
        `Give it to ${admin.name} safely; it is shown only this once. At the first log-in they choose their own password.`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'conflict') throw error;
    for (const field of error.fieldErrors) {
      console.error(`${optionOf[field.field as keyof CreateMunicipalityInput] ?? field.field}: ${field.message.en}`);
    }
    console.error('Nothing was created.');
    return WRONG_COMMAND;
  }
}

async function list(db: Db): Promise<number> {
  const municipalities = await listMunicipalities(db);
  if (municipalities.length === 0) {
    console.log('No municipalities yet. Create one with npm run municipality:create.');
    return 0;
  }
  console.log(table(municipalities));
  return 0;
}

/** The municipalities as aligned columns: id and name left, the counts right. */
function table(rows: readonly MunicipalitySummary[]): string {
  const header = { id: 'id', name: 'name', users: 'users', youth: 'youth' };
  const cells = [header, ...rows.map((r) => ({ ...r, users: String(r.users), youth: String(r.youth) }))];
  const width = (key: keyof typeof header) => Math.max(...cells.map((c) => c[key].length));
  return cells
    .map((c) =>
      [
        c.id.padEnd(width('id')),
        c.name.padEnd(width('name')),
        c.users.padStart(width('users')),
        c.youth.padStart(width('youth')),
      ]
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
