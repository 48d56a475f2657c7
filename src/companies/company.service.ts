import type { AuditAction } from '../audit/audit.types.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { DomainError } from '../shared/errors.ts';
import { isUniqueViolation } from '../shared/pg-errors.ts';
import {
  companiesByIds,
  type Company,
  type CompanyContact,
  type CompanyFields,
  type CompanyListItem,
  type CompanyRef,
  type ContactFields,
  findCompany,
  findCompanyIdByCvr,
  findContact,
  insertCompany,
  insertContact,
  listContacts,
  searchCompanies,
  updateCompany,
  updateContact,
} from './company.repository.ts';
import { auditAs } from '../audit/audit-as.ts';
import { texts } from '../shared/texts.ts';
import { readingAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export function auditCompanyNetwork(
  db: Db,
  actor: Actor,
  action: AuditAction,
  details: Record<string, unknown>,
  youthId: string | null = null,
) {
  return auditAs(db, actor, action, youthId, details);
}

function duplicateCvr(existingCompanyId: string | undefined): DomainError {
  return new DomainError('conflict', {
    extra: { existingCompanyId },
    fieldErrors: [
      {
        field: 'cvr',
        message: texts('companies.refusals.cvrTaken'),
      },
    ],
  });
}

/** Which fields a change named, never their values. */
function changedFields(input: Record<string, unknown>): string[] {
  return Object.entries(input)
    .filter(([key, value]) => key !== 'version' && value !== undefined)
    .map(([key]) => key);
}

/** Optional text fields may be left out of a new record; they are stored empty. */
type WithOptionalText<T> = {
  [K in keyof T]: null extends T[K] ? T[K] | undefined : T[K];
};

export async function createCompany(
  deps: Deps,
  actor: Actor,
  fields: WithOptionalText<CompanyFields>,
): Promise<Company> {
  const { db } = deps;
  const input: CompanyFields = { ...fields, industry: fields.industry ?? null, address: fields.address ?? null };
  try {
    return await db.transaction().execute(async (trx) => {
      const existingId = await findCompanyIdByCvr(trx, actor.municipalityId, input.cvr);
      if (existingId) throw duplicateCvr(existingId);
      const company = await insertCompany(trx, actor.municipalityId, input);
      await auditCompanyNetwork(trx, actor, 'company.created', { companyId: company.id, cvr: company.cvr });
      return company;
    });
  } catch (error) {
    // Two registrations of the same CVR at once: the unique constraint decides.
    if (isUniqueViolation(error)) throw duplicateCvr(await findCompanyIdByCvr(db, actor.municipalityId, input.cvr));
    throw error;
  }
}

export async function findCompanies(
  deps: Deps,
  actor: Actor,
  criteria: { query?: string | undefined; active?: boolean | undefined; page: number; pageSize: number },
): Promise<{ items: CompanyListItem[]; total: number }> {
  return searchCompanies(
    deps.db,
    actor.municipalityId,
    { text: criteria.query, active: criteria.active },
    { limit: criteria.pageSize, offset: (criteria.page - 1) * criteria.pageSize },
  );
}

export interface CompanyDetail {
  company: Company;
  contacts: CompanyContact[];
}

export async function readCompany(deps: Deps, actor: Actor, id: string): Promise<CompanyDetail> {
  return readingAs(deps.db, actor, async (trx) => {
    const company = await findCompany(trx, actor.municipalityId, id);
    if (!company) throw new DomainError('not_found');
    return { company, contacts: await listContacts(trx, actor.municipalityId, id) };
  });
}

export async function changeCompany(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number } & { [K in keyof CompanyFields]?: CompanyFields[K] | undefined },
): Promise<CompanyDetail> {
  const { db, clock } = deps;
  const { version, ...changes } = input;
  const fields = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<CompanyFields>;
  try {
    return await db.transaction().execute(async (trx) => {
      const current = await findCompany(trx, actor.municipalityId, id);
      if (!current) throw new DomainError('not_found');
      if (fields.cvr !== undefined) {
        const holder = await findCompanyIdByCvr(trx, actor.municipalityId, fields.cvr);
        if (holder && holder !== id) throw duplicateCvr(holder);
      }
      const updated = await updateCompany(trx, actor.municipalityId, id, version, fields, clock());
      if (!updated) throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
      await auditCompanyNetwork(trx, actor, 'company.updated', { companyId: id, fields: changedFields(input) });
      return { company: updated, contacts: await listContacts(trx, actor.municipalityId, id) };
    });
  } catch (error) {
    if (isUniqueViolation(error) && fields.cvr !== undefined) {
      throw duplicateCvr(await findCompanyIdByCvr(db, actor.municipalityId, fields.cvr));
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Contact persons
// ---------------------------------------------------------------------------------------------

export async function addContact(
  deps: Deps,
  actor: Actor,
  companyId: string,
  fields: WithOptionalText<ContactFields>,
): Promise<CompanyContact> {
  const input: ContactFields = {
    name: fields.name,
    title: fields.title ?? null,
    phone: fields.phone ?? null,
    email: fields.email ?? null,
  };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await findCompany(trx, actor.municipalityId, companyId))) throw new DomainError('not_found');
    const contact = await insertContact(trx, actor.municipalityId, companyId, input);
    await auditCompanyNetwork(trx, actor, 'company.updated', {
      companyId,
      contactId: contact.id,
      change: 'contact_added',
    });
    return contact;
  });
}

export async function changeContact(
  deps: Deps,
  actor: Actor,
  companyId: string,
  contactId: string,
  input: { version: number } & { [K in keyof ContactFields]?: ContactFields[K] | undefined },
): Promise<CompanyContact> {
  const { version, ...changes } = input;
  const fields = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<ContactFields>;
  return deps.db.transaction().execute(async (trx) => {
    const current = await findContact(trx, actor.municipalityId, companyId, contactId);
    if (!current) throw new DomainError('not_found');
    const updated = await updateContact(trx, actor.municipalityId, contactId, version, fields, deps.clock());
    if (!updated) throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    await auditCompanyNetwork(trx, actor, 'company.updated', {
      companyId,
      contactId,
      change: 'contact_updated',
      fields: changedFields(input),
    });
    return updated;
  });
}

/**
 * Removes a contact person from the company's list. The row stays, marked inactive, because a
 * placement may name the contact and its history must keep reading.
 */
export async function removeContact(deps: Deps, actor: Actor, companyId: string, contactId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const current = await findContact(trx, actor.municipalityId, companyId, contactId);
    if (!current) throw new DomainError('not_found');
    const removed = await updateContact(
      trx,
      actor.municipalityId,
      contactId,
      current.version,
      { active: false },
      deps.clock(),
    );
    if (!removed) throw new DomainError('version_conflict', { extra: { currentVersion: current.version + 1 } });
    await auditCompanyNetwork(trx, actor, 'company.updated', { companyId, contactId, change: 'contact_removed' });
  });
}

// ---------------------------------------------------------------------------------------------
// Companies named by other records (meeting attendance, match events)
// ---------------------------------------------------------------------------------------------

/**
 * The municipality's companies with the given ids, in the order given. An id the municipality
 * does not have (another municipality's company included) is a field error at its position.
 */
export async function requireCompanies(
  db: Db,
  actor: Actor,
  ids: readonly string[],
  field: string,
): Promise<CompanyRef[]> {
  const found = new Map((await companiesByIds(db, actor.municipalityId, ids)).map((c) => [c.id, c]));
  const unknown = ids.flatMap((id, index) => (found.has(id) ? [] : [index]));
  if (unknown.length > 0) {
    throw new DomainError('validation_failed', {
      fieldErrors: unknown.map((index) => ({
        field: `${field}.${index}`,
        message: texts('companies.refusals.notInNetwork'),
      })),
    });
  }
  return ids.map((id) => found.get(id) as CompanyRef);
}
