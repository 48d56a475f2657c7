/**
 * How long a caseload import takes on the embedded database (README, "Importing the current
 * caseload"): a generated file of a unit's whole caseload, checked (the dry run, undone) and then
 * imported, each through the same path as the administrator's page and `npm run import`.
 *
 *   npm run bench:import              1,000 rows
 *   npm run bench:import -- 2000      another number
 *
 * The mix is a unit's: a third referred or at the first conversation, a third visited and waiting
 * for a group, a third in a network group, half of those in a placement.
 */
import { hashPassword } from '../src/auth/password.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { createAppDeps } from '../src/deps.ts';
import { insertGroup } from '../src/groups/group.repository.ts';
import { importCaseload } from '../src/import/import.service.ts';
import { columnHeadings, importColumns, type ImportColumn } from '../src/import/import.schemas.ts';
import { insertCompany } from '../src/companies/company.repository.ts';
import { insertMunicipality } from '../src/municipalities/municipality.repository.ts';
import { csvCell, csvFile } from '../src/shared/csv.ts';
import { insertUser } from '../src/users/users.repository.ts';

const rows = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(rows) || rows < 1) throw new Error(`Usage: tsx bench/import.ts [rows], got ${process.argv[2]}`);

const NOW = new Date('2026-11-22T10:00:00Z');
const CASEWORKERS = 8;
const GROUP_SIZE = 10;

const db = await openDatabase({ engine: 'pglite', dataDir: undefined });
await migrateToLatest(db);
const config = loadConfig({ UNGEFLOW_SECRET: 'bench-secret-for-cpr-keys-0123456789abcdef' });
const deps = await createAppDeps({ db, config, secret: config.secret ?? '', clock: () => NOW });

const municipality = await insertMunicipality(db, 'Benchmark Kommune');
const passwordHash = await hashPassword('benchmark password, not used');
const caseworkers = [];
for (let i = 0; i < CASEWORKERS; i++) {
  caseworkers.push(
    await insertUser(db, {
      municipalityId: municipality.id,
      email: `raadgiver${i}@bench.dk`,
      name: `Rådgiver ${i}`,
      role: 'caseworker',
      passwordHash,
    }),
  );
}
const inGroups = Math.floor(rows / 3);
const groups: string[] = [];
for (let i = 0; i < Math.ceil(inGroups / GROUP_SIZE); i++) {
  const name = `Gruppe ${i + 1}`;
  await insertGroup(db, {
    municipalityId: municipality.id,
    name,
    facilitatorId: caseworkers[i % CASEWORKERS]?.id ?? '',
    weekday: (i % 5) + 1,
    startTime: '10:00',
    durationMinutes: 120,
    place: 'Jobcentret',
    capacity: 12,
    active: true,
  });
  groups.push(name);
}
const companies: string[] = [];
for (let i = 0; i < 40; i++) {
  const cvr = validCvr(10_000_000 + i * 7919);
  await insertCompany(db, municipality.id, {
    name: `Virksomhed ${i + 1} ApS`,
    cvr,
    industry: 'Detailhandel',
    address: 'Algade 1, 4000 Roskilde',
    sector: 'private',
    placementCapacity: 20,
    active: true,
  });
  companies.push(cvr);
}

/** A valid CVR number near `base` (modulus 11 with the weights 2, 7, 6, 5, 4, 3, 2, 1). */
function validCvr(base: number): string {
  for (let n = Math.floor(base / 10); ; n++) {
    const digits = String(n).padStart(7, '0');
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * ([2, 7, 6, 5, 4, 3, 2][i] ?? 0), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${digits}${check}`;
  }
}

const day = (offset: number) => new Date(Date.UTC(2026, 5, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const lines: string[][] = [importColumns.map((c) => columnHeadings[c.key].da)];
for (let i = 0; i < rows; i++) {
  const birth = new Date(Date.UTC(1999, 0, 1) + i * 2 * 86_400_000);
  const ddmmyy = `${String(birth.getUTCDate()).padStart(2, '0')}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCFullYear()).slice(2)}`;
  const serial = `${birth.getUTCFullYear() >= 2000 ? 4 : 1}${String(i % 1000).padStart(3, '0')}`;
  const referred = i % 120;
  const stage = i < inGroups ? 'group' : i < 2 * inGroups ? 'visited' : 'referred';
  const placed = stage === 'group' && i % 2 === 0;
  const values: Partial<Record<ImportColumn, string>> = {
    name: `Ung Nummer ${i + 1}`,
    cpr: `${ddmmyy}-${serial}`,
    phone: `20 ${String(10 + (i % 90))} ${String(10 + (i % 89))} ${String(10 + (i % 87))}`,
    email: `ung${i + 1}@example.dk`,
    address: `Algade ${(i % 90) + 1}, 4000 Roskilde`,
    referralDate: day(referred),
    referralSource: ['Jobcentret', 'UU', 'Den unge selv'][i % 3] ?? '',
    caseworkerEmail: `raadgiver${i % CASEWORKERS}@bench.dk`,
    firstConversationDate: stage === 'referred' && i % 2 === 0 ? day(referred + 5) : '',
    ...(stage === 'referred'
      ? {}
      : {
          visitationDate: day(referred + 7),
          category: i % 4 === 0 ? 'Uddannelsesparat' : 'Aktivitetsparat',
          barriers: i % 4 === 0 ? 'Faglige udfordringer' : 'Psykiske problemer, Gæld',
        }),
    ...(stage === 'group' ? { group: groups[Math.floor(i / GROUP_SIZE)] ?? '', groupDate: day(referred + 14) } : {}),
    ...(placed
      ? {
          companyCvr: companies[i % companies.length] ?? '',
          placementKind: 'Virksomhedspraktik',
          hoursPerWeek: '15',
          placementStart: day(referred + 30),
        }
      : {}),
  };
  lines.push(importColumns.map((c) => csvCell(values[c.key] ?? '')));
}
const bytes = Buffer.from(csvFile(lines));
const importer = { municipalityId: municipality.id, userId: null, ip: null, requestId: null };

console.log(
  `Caseload import benchmark, ${new Date().toISOString()}, Node ${process.version}, embedded database (PGlite)`,
);
for (const dryRun of [true, false]) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await importCaseload(deps, importer, { bytes, name: 'bench.csv' }, { dryRun });
  const ms = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  if (report.problems.length > 0) {
    throw new Error(`The generated file has problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
  }
  console.log(
    `${dryRun ? 'check (dry run, undone)' : 'import'}: ${report.rows} rows (${(bytes.length / 1024).toFixed(0)} KiB) in ${ms} ms = ${Math.round((report.rows / ms) * 1000)} rows/s (CPU ${cpuMs} ms: the rest is waiting for a core)`,
  );
}
const counts = await db
  .selectFrom('journey')
  .select(['stage', (eb) => eb.fn.countAll<string>().as('n')])
  .groupBy('stage')
  .orderBy('stage')
  .execute();
console.log(`Journeys by stage: ${counts.map((c) => `${c.stage} ${c.n}`).join(', ')}`);
await db.destroy();
