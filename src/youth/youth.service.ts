import { auditAs } from '../audit/audit-as.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { isUniqueViolation } from '../shared/pg-errors.ts';
import { ageOn, birthDatesOf, formatCpr, looksLikeCpr, maskCpr, parseCpr, redactCpr } from './cpr.ts';
import { rankByName } from './name-match.ts';
import {
  findYouthIdByCprHash,
  insertYouth,
  listYouthNames,
  searchYouth,
  updateYouth,
  type YouthChanges,
  type YouthRecord,
} from './youth.repository.ts';
import { texts } from '../shared/texts.ts';
import { readingAs, youthAs } from '../shared/reads.ts';

export interface Youth {
  id: string;
  name: string;
  /** Masked unless the caller asked for (and was audited revealing) the full number. */
  cpr: string;
  birthDate: string;
  age: number;
  phone: string | null;
  email: string | null;
  address: string | null;
  legalHold: YouthRecord['legalHold'];
  anonymisedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

type Deps = Pick<AppDeps, 'db' | 'vault' | 'clock'>;

function toYouth(record: YouthRecord, today: string, cpr: string): Youth {
  return {
    id: record.id,
    name: record.name,
    cpr,
    birthDate: record.birthDate,
    age: ageOn(record.birthDate, today),
    phone: record.phone,
    email: record.email,
    address: record.address,
    legalHold: record.legalHold,
    anonymisedAt: record.anonymisedAt,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The masked CPR is DDMMYY-XXXX, which the birth date alone gives: no decryption needed. */
function maskedFromBirthDate(birthDate: string): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  return maskCpr(`${d}${m}${y.slice(2)}`);
}

function parsedCpr(text: string, now: Date) {
  const result = parseCpr(text, now);
  // The route schema has validated the number already; this guards direct service callers.
  if (!result.ok) {
    throw new DomainError('validation_failed', {
      fieldErrors: [{ field: 'cpr', message: texts('youth.refusals.invalidCpr') }],
    });
  }
  return result.cpr;
}

export async function createYouth(
  deps: Deps,
  actor: Actor,
  input: { name: string; cpr: string; phone?: string | null; email?: string | null; address?: string | null },
): Promise<Youth> {
  const { db, vault, clock } = deps;
  const now = clock();
  const cpr = parsedCpr(input.cpr, now);
  const cprHash = vault.searchHash(actor.municipalityId, cpr.digits);
  try {
    return await db.transaction().execute(async (trx) => {
      const existingId = await findYouthIdByCprHash(trx, actor.municipalityId, cprHash);
      if (existingId) throw new DomainError('duplicate_cpr', { extra: { existingYouthId: existingId } });
      const record = await insertYouth(trx, {
        municipalityId: actor.municipalityId,
        name: input.name,
        cprEncrypted: vault.encrypt(actor.municipalityId, cpr.digits),
        cprHash,
        birthDate: cpr.birthDate,
        phone: input.phone ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
      });
      await auditAs(trx, actor, 'youth.created', record.id, {});
      return toYouth(record, danishDate(now), maskedFromBirthDate(record.birthDate));
    });
  } catch (error) {
    // Two registrations of the same number at once: the unique constraint decides.
    if (isUniqueViolation(error)) {
      const existingId = await findYouthIdByCprHash(db, actor.municipalityId, cprHash);
      throw new DomainError('duplicate_cpr', { extra: { existingYouthId: existingId } });
    }
    throw error;
  }
}

export async function readYouth(deps: Deps, actor: Actor, id: string, options: { revealCpr: boolean }): Promise<Youth> {
  const { db, vault, clock } = deps;
  return readingAs(db, actor, async (trx) => {
    const record = await youthAs(trx, actor, id);
    if (!record) throw new DomainError('not_found');
    // An anonymised youth's number is gone: only the masked form, from the birth date, is left.
    const cpr =
      options.revealCpr && !record.anonymisedAt
        ? formatCpr(vault.decrypt(actor.municipalityId, record.cprEncrypted))
        : maskedFromBirthDate(record.birthDate);
    await auditAs(trx, actor, options.revealCpr ? 'youth.cpr_revealed' : 'youth.read', record.id, {});
    return toYouth(record, danishDate(clock()), cpr);
  });
}

/** How a search found its youth: all, by CPR number, by date of birth, or by name. */
export type YouthSearchBy = 'all' | 'cpr' | 'birth_date' | 'name';

/**
 * Looks youth up by what was typed: a whole CPR number (found through its keyed hash; when no one
 * has that number, the youth born on its day are shown instead), a date of birth (DDMMYY, with or
 * without separators: the CPR number's date part, from the birth date kept in clear beside the
 * encrypted number, so nothing is decrypted), or a name, despite a small misspelling
 * (name-match.ts). Audited with its criteria, a CPR number masked.
 */
export async function findYouth(
  deps: Deps,
  actor: Actor,
  criteria: { query?: string | undefined; page: number; pageSize: number },
): Promise<{ items: Youth[]; total: number; by: YouthSearchBy }> {
  const { db, vault, clock } = deps;
  const text = criteria.query?.trim() ?? '';
  const today = danishDate(clock());
  const page = { limit: criteria.pageSize, offset: (criteria.page - 1) * criteria.pageSize };
  return db.transaction().execute(async (trx) => {
    let by: YouthSearchBy = 'all';
    let result: { items: YouthRecord[]; total: number };
    if (text && looksLikeCpr(text)) {
      const cpr = parseCpr(text, clock());
      by = 'cpr';
      // A CPR-shaped text that is no real number cannot match anyone.
      result = await searchYouth(
        trx,
        actor.municipalityId,
        { kind: 'cpr', cprHash: cpr.ok ? vault.searchHash(actor.municipalityId, cpr.cpr.digits) : '-' },
        page,
      );
      if (result.total === 0 && cpr.ok) {
        by = 'birth_date';
        result = await searchYouth(trx, actor.municipalityId, { kind: 'birthDate', days: [cpr.cpr.birthDate] }, page);
      }
    } else if (text && birthDatesOf(text, today).length > 0) {
      by = 'birth_date';
      result = await searchYouth(
        trx,
        actor.municipalityId,
        { kind: 'birthDate', days: birthDatesOf(text, today) },
        page,
      );
    } else if (text) {
      by = 'name';
      const ranked = rankByName(await listYouthNames(trx, actor.municipalityId), text);
      const ids = ranked.slice(page.offset, page.offset + page.limit).map((y) => y.id);
      const found = await searchYouth(
        trx,
        actor.municipalityId,
        { kind: 'ids', ids },
        { limit: ids.length, offset: 0 },
      );
      const byId = new Map(found.items.map((y) => [y.id, y]));
      result = { items: ids.flatMap((id) => byId.get(id) ?? []), total: ranked.length };
    } else {
      result = await searchYouth(trx, actor.municipalityId, { kind: 'all' }, page);
    }
    // Datatilsynet: a search is logged with its criteria; a CPR criterion only masked.
    await auditAs(trx, actor, 'youth.searched', null, {
      criteria: { query: redactCpr(text), by, page: criteria.page, pageSize: criteria.pageSize },
      resultCount: result.total,
      youthIds: result.items.map((y) => y.id),
    });
    return {
      items: result.items.map((r) => toYouth(r, today, maskedFromBirthDate(r.birthDate))),
      total: result.total,
      by,
    };
  });
}

export async function changeYouth(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    cpr?: string | undefined;
    phone?: string | null | undefined;
    email?: string | null | undefined;
    address?: string | null | undefined;
  },
): Promise<Youth> {
  const { db, vault, clock } = deps;
  const now = clock();
  const cpr = input.cpr === undefined ? undefined : parsedCpr(input.cpr, now);
  const cprHash = cpr && vault.searchHash(actor.municipalityId, cpr.digits);
  try {
    return await db.transaction().execute(async (trx) => {
      const current = await youthAs(trx, actor, id);
      if (!current) throw new DomainError('not_found');
      if (current.version !== input.version) {
        throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
      }
      // Only what differs from the stored youth is a change: a form sends every field each time.
      const changes: YouthChanges = {};
      const fields: string[] = [];
      for (const key of ['name', 'phone', 'email', 'address'] as const) {
        const value = input[key];
        if (value !== undefined && value !== current[key]) {
          Object.assign(changes, { [key]: value });
          fields.push(key);
        }
      }
      if (cpr && cprHash && cprHash !== current.cprHash) {
        const holder = await findYouthIdByCprHash(trx, actor.municipalityId, cprHash);
        if (holder && holder !== id) throw new DomainError('duplicate_cpr', { extra: { existingYouthId: holder } });
        changes.cprHash = cprHash;
        changes.cprEncrypted = vault.encrypt(actor.municipalityId, cpr.digits);
        changes.birthDate = cpr.birthDate;
        fields.push('cpr');
      }
      if (fields.length === 0) return toYouth(current, danishDate(now), maskedFromBirthDate(current.birthDate));
      const updated = await updateYouth(trx, actor.municipalityId, id, input.version, changes, now);
      if (!updated) throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
      // Which fields changed, never their values: the log must not become a copy of the register.
      await auditAs(trx, actor, 'youth.updated', id, { fields });
      return toYouth(updated, danishDate(now), maskedFromBirthDate(updated.birthDate));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('duplicate_cpr');
    throw error;
  }
}
