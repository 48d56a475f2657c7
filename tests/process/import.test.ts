import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { uniqueSuffix } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCpr, newMunicipality, newUser } from '../support/factories.ts';
import { caseloadCsv } from '../support/import.ts';
import { createProcessDatabase, type ProcessDatabase, runScript } from '../support/processes.ts';

// `npm run import` as an operator runs it, as a process on the server's database.

describe.each(engines)('npm run import on %s', { timeout: 180_000 }, (engine) => {
  let database: ProcessDatabase;
  let municipalityId: string;
  let caseworkerEmail: string;

  /** Opens the database in this process for `work`, and closes it for the next command. */
  async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
    const db = await database.open();
    try {
      return await work(db);
    } finally {
      await db.destroy();
    }
  }

  const youthCount = () =>
    withDb(async (db) =>
      Number(
        (
          await db
            .selectFrom('youth')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );

  async function fileOf(rows: Array<Record<string, string>>): Promise<string> {
    const path = join(tmpdir(), `sagsstamme-${uniqueSuffix()}.csv`);
    await writeFile(path, caseloadCsv(rows));
    return path;
  }

  const rowOf = (cpr: string) => ({
    Navn: 'Ida Nørgaard',
    'CPR-nummer': cpr,
    Henvisningsdato: '2026-09-01',
    'Henvist af': 'Jobcentret',
    'Rådgivers e-mail': caseworkerEmail,
    'Første samtale': '2026-09-03',
  });

  beforeAll(async () => {
    database = await createProcessDatabase(engine);
    // The first command migrates the empty database.
    const listed = await runScript('municipality:list', [], database.env);
    expect(listed.code).toBe(0);
    await withDb(async (db) => {
      municipalityId = (await newMunicipality(db)).id;
      caseworkerEmail = (await newUser(db, { municipalityId, role: 'caseworker' })).email;
    });
  }, 180_000);
  afterAll(() => database?.drop());

  it('checks with --dry-run and writes nothing, then imports and says how many', async () => {
    const file = await fileOf([rowOf(newCpr('2002-02-02')), rowOf(newCpr('2003-03-03'))]);
    const checked = await runScript(
      'import',
      ['--municipality', municipalityId, '--file', file, '--dry-run'],
      database.env,
    );
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toMatch(/^2 rækker er kontrolleret uden fejl\. \(\d+\.\d s\)$/m);
    expect(checked.code).toBe(0);
    expect(await youthCount()).toBe(0);

    const imported = await runScript('import', ['--municipality', municipalityId, '--file', file], database.env);
    expect(imported.stdout).toMatch(/^2 unge er importeret med deres forløb\. \(\d+\.\d s\)$/m);
    expect(imported.code).toBe(0);
    expect(await youthCount()).toBe(2);
  });

  it('prints each problem by row and column in Danish, exits 2 and imports nothing', async () => {
    const file = await fileOf([
      rowOf(newCpr('2004-04-04')),
      { ...rowOf('311399-1234'), 'Rådgivers e-mail': 'ingen@x.dk' },
    ]);
    const result = await runScript('import', ['--municipality', municipalityId, '--file', file], database.env);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Række 3, CPR-nummer: ');
    expect(result.stdout).toContain(
      'Række 3, Rådgivers e-mail: Ingen aktiv rådgiver i kommunen har e-mailen «ingen@x.dk».',
    );
    expect(result.stdout).toContain('Intet er importeret');
    expect(await youthCount()).toBe(2);
  });

  it('refuses an unknown municipality and a missing file with exit code 2', async () => {
    const file = await fileOf([rowOf(newCpr('2004-05-05'))]);
    const unknown = await runScript(
      'import',
      ['--municipality', '00000000-0000-4000-8000-000000000000', '--file', file],
      database.env,
    );
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('No municipality has the id')]);
    const missing = await runScript(
      'import',
      ['--municipality', municipalityId, '--file', '/nowhere.csv'],
      database.env,
    );
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('Cannot read /nowhere.csv')]);
    const usage = await runScript('import', ['--file', file], database.env);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('Missing --municipality')]);
  });
});
