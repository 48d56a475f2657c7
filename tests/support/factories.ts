import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../src/auth/password.ts';
import type { Db } from '../../src/db/database.ts';
import type { Role } from '../../src/db/schema.ts';
import { insertMunicipality } from '../../src/municipalities/municipality.repository.ts';
import { insertUser } from '../../src/users/users.repository.ts';
import { uniqueSuffix } from './app.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export async function newMunicipality(
  db: Db,
  name = `Test Kommune ${uniqueSuffix()}`,
): Promise<{ id: string; name: string }> {
  return insertMunicipality(db, name);
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  municipalityId: string;
}

export async function newUser(
  db: Db,
  overrides: { municipalityId: string; role?: Role; email?: string; name?: string },
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const role = overrides.role ?? 'caseworker';
  const user = await insertUser(db, {
    municipalityId: overrides.municipalityId,
    email: overrides.email ?? `${role}-${uniqueSuffix()}@test.dk`,
    name: overrides.name ?? `Test ${role}`,
    role,
    passwordHash: await passwordHash,
  });
  return { id: user.id, email: user.email, role: user.role, municipalityId: overrides.municipalityId };
}

/** Logs in through the API and returns the cookie header to send with later requests. */
export async function loginAs(app: FastifyInstance, user: { email: string }): Promise<{ cookie: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'ungeflow_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `ungeflow_session=${cookie.value}` };
}

/** A municipality with a caseworker, a leader and an admin, each logged in. */
export async function newUnit(app: FastifyInstance, db: Db) {
  const municipality = await newMunicipality(db);
  const [caseworker, leader, admin] = await Promise.all([
    newUser(db, { municipalityId: municipality.id, role: 'caseworker' }),
    newUser(db, { municipalityId: municipality.id, role: 'leader' }),
    newUser(db, { municipalityId: municipality.id, role: 'admin' }),
  ]);
  const [cw, ld, ad] = await Promise.all([loginAs(app, caseworker), loginAs(app, leader), loginAs(app, admin)]);
  return {
    municipality,
    caseworker: { ...caseworker, headers: cw },
    leader: { ...leader, headers: ld },
    admin: { ...admin, headers: ad },
  };
}

/**
 * Changes the municipality's settings through the API, made against the version they have now
 * (PUT /api/settings requires it). Returns the PUT's response.
 */
export async function putSettings(app: FastifyInstance, headers: { cookie: string }, change: Record<string, unknown>) {
  const current = await app.inject({ method: 'GET', url: '/api/settings', headers });
  if (current.statusCode !== 200) throw new Error(`read settings failed: ${current.statusCode} ${current.body}`);
  return app.inject({
    method: 'PUT',
    url: '/api/settings',
    headers,
    payload: { version: current.json<{ version: number }>().version, ...change },
  });
}

let cprSerial = 1000;
/**
 * A valid CPR number for someone born on the given day (default: 15 May 2004, so 22 in 2026).
 * The serial's first digit is chosen to put the year in the right century.
 */
export function newCpr(birthDate = '2004-05-15'): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const year = Number(y);
  const first = year >= 2000 ? 4 : 1;
  cprSerial = (cprSerial + 1) % 1000;
  return `${d}${m}${y.slice(2)}-${first}${String(cprSerial).padStart(3, '0')}`;
}

export async function newYouth(
  app: FastifyInstance,
  headers: { cookie: string },
  overrides: { name?: string; cpr?: string; phone?: string; email?: string; address?: string } = {},
): Promise<{ id: string; name: string; cpr: string; version: number; enteredCpr: string }> {
  const cpr = overrides.cpr ?? newCpr();
  const response = await app.inject({
    method: 'POST',
    url: '/api/youth',
    headers,
    payload: { name: `Ung ${uniqueSuffix()}`, ...overrides, cpr },
  });
  if (response.statusCode !== 201) throw new Error(`create youth failed: ${response.statusCode} ${response.body}`);
  const youth = response.json<{ id: string; name: string; cpr: string; version: number }>();
  return { ...youth, enteredCpr: cpr };
}

let cvrCounter = 0;
/** A valid CVR number (modulus 11 with weights 2,7,6,5,4,3,2,1), different each call. */
export function newCvr(): string {
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  for (;;) {
    cvrCounter += 1;
    const base = String(10_000_000 + ((cvrCounter * 7919) % 89_999_999)).slice(0, 7);
    const sum = base.split('').reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${base}${check}`;
  }
}

export async function newCompany(
  db: Db,
  overrides: { municipalityId: string; name?: string; placementCapacity?: number },
): Promise<{ id: string; name: string; cvr: string }> {
  return db
    .insertInto('company')
    .values({
      municipality_id: overrides.municipalityId,
      name: overrides.name ?? `Virksomhed ${uniqueSuffix()} ApS`,
      cvr: newCvr(),
      industry: 'Detailhandel',
      address: 'Algade 1, 4000 Roskilde',
      placement_capacity: overrides.placementCapacity ?? 2,
    })
    .returning(['id', 'name', 'cvr'])
    .executeTakeFirstOrThrow();
}

export async function newGroup(
  db: Db,
  overrides: { municipalityId: string; facilitatorId: string; name?: string; capacity?: number },
): Promise<{ id: string; name: string }> {
  return db
    .insertInto('network_group')
    .values({
      municipality_id: overrides.municipalityId,
      name: overrides.name ?? `Gruppe ${uniqueSuffix()}`,
      facilitator_id: overrides.facilitatorId,
      weekday: 2,
      start_time: '10:00',
      place: 'Jobcentret, mødelokale 3',
      capacity: overrides.capacity ?? 8,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}
