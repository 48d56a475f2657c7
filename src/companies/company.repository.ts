import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { CompanyContactTable, CompanySector, CompanyTable } from './company.tables.ts';

export interface Company {
  id: string;
  name: string;
  cvr: string;
  industry: string | null;
  sector: CompanySector;
  address: string | null;
  placementCapacity: number;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CompanyContact {
  id: string;
  companyId: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A company as other features name it: in a meeting's attendance, in a match event. */
export interface CompanyRef {
  id: string;
  name: string;
}

function companyRowToCompany(row: Selectable<CompanyTable>): Company {
  return {
    id: row.id,
    name: row.name,
    cvr: row.cvr,
    industry: row.industry,
    sector: row.sector,
    address: row.address,
    placementCapacity: row.placement_capacity,
    active: row.active,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function contactRowToContact(row: Selectable<CompanyContactTable>): CompanyContact {
  return {
    id: row.id,
    companyId: row.company_id,
    name: row.name,
    title: row.title,
    phone: row.phone,
    email: row.email,
    active: row.active,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface CompanyFields {
  name: string;
  cvr: string;
  industry: string | null;
  sector: CompanySector;
  address: string | null;
  placementCapacity: number;
  active: boolean;
}

export async function insertCompany(db: Db, municipalityId: string, company: CompanyFields): Promise<Company> {
  const row = await db
    .insertInto('company')
    .values({
      municipality_id: municipalityId,
      name: company.name,
      cvr: company.cvr,
      industry: company.industry,
      sector: company.sector,
      address: company.address,
      placement_capacity: company.placementCapacity,
      active: company.active,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return companyRowToCompany(row);
}

export async function findCompany(db: Db, municipalityId: string, id: string): Promise<Company | undefined> {
  const row = await db
    .selectFrom('company')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? companyRowToCompany(row) : undefined;
}

export async function findCompanyIdByCvr(db: Db, municipalityId: string, cvr: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('company')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('cvr', '=', cvr)
    .executeTakeFirst();
  return row?.id;
}

/** The municipality's companies among `ids`, by name; ids of other municipalities are simply absent. */
export async function companiesByIds(db: Db, municipalityId: string, ids: readonly string[]): Promise<CompanyRef[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('company')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export interface CompanySearch {
  /** Part of the name, or the start of the CVR number. */
  text?: string | undefined;
  active?: boolean | undefined;
}

/** A company in the list, with how many contact persons it has and how many youth are placed there now. */
export interface CompanyListItem extends Company {
  contactCount: number;
  /** Running placements (internship, paid hours, wage subsidy): set against `placementCapacity`. */
  placedCount: number;
}

export async function searchCompanies(
  db: Db,
  municipalityId: string,
  search: CompanySearch,
  page: { limit: number; offset: number },
): Promise<{ items: CompanyListItem[]; total: number }> {
  let query = db.selectFrom('company').where('municipality_id', '=', municipalityId);
  if (search.active !== undefined) query = query.where('active', '=', search.active);
  const text = search.text;
  if (text) {
    const digits = text.replace(/\s+/g, '');
    query = query.where((eb) =>
      /^\d+$/.test(digits)
        ? eb.or([eb('name', 'ilike', `%${escapeLike(text)}%`), eb('cvr', 'like', `${digits}%`)])
        : eb('name', 'ilike', `%${escapeLike(text)}%`),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('company')
      .select((eb) => [
        eb
          .selectFrom('company_contact')
          .select((inner) => inner.fn.countAll<string>().as('n'))
          .whereRef('company_contact.municipality_id', '=', 'company.municipality_id')
          .whereRef('company_contact.company_id', '=', 'company.id')
          .where('company_contact.active', '=', true)
          .as('contact_count'),
        eb
          .selectFrom('placement')
          .select((inner) => inner.fn.countAll<string>().as('n'))
          .whereRef('placement.municipality_id', '=', 'company.municipality_id')
          .whereRef('placement.company_id', '=', 'company.id')
          .where('placement.ended_at', 'is', null)
          .as('placed_count'),
      ])
      .orderBy('name')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({
      ...companyRowToCompany(row),
      // count() is a string through pg and a number through PGlite.
      contactCount: Number(row.contact_count ?? 0),
      placedCount: Number(row.placed_count ?? 0),
    })),
    total: Number(count.total),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Applies the changes when the stored version is still `expectedVersion`; undefined otherwise. */
export async function updateCompany(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<CompanyFields>,
  now: Date,
): Promise<Company | undefined> {
  const row = await db
    .updateTable('company')
    .set((eb) => ({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.cvr !== undefined && { cvr: changes.cvr }),
      ...(changes.industry !== undefined && { industry: changes.industry }),
      ...(changes.sector !== undefined && { sector: changes.sector }),
      ...(changes.address !== undefined && { address: changes.address }),
      ...(changes.placementCapacity !== undefined && { placement_capacity: changes.placementCapacity }),
      ...(changes.active !== undefined && { active: changes.active }),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? companyRowToCompany(row) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Contact persons
// ---------------------------------------------------------------------------------------------

export interface ContactFields {
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

export async function insertContact(
  db: Db,
  municipalityId: string,
  companyId: string,
  contact: ContactFields,
): Promise<CompanyContact> {
  const row = await db
    .insertInto('company_contact')
    .values({
      municipality_id: municipalityId,
      company_id: companyId,
      name: contact.name,
      title: contact.title,
      phone: contact.phone,
      email: contact.email,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return contactRowToContact(row);
}

/** The company's current (not removed) contact persons, by name. */
export async function listContacts(db: Db, municipalityId: string, companyId: string): Promise<CompanyContact[]> {
  const rows = await db
    .selectFrom('company_contact')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('company_id', '=', companyId)
    .where('active', '=', true)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(contactRowToContact);
}

/** A current contact person of the company; a removed one counts as gone. */
export async function findContact(
  db: Db,
  municipalityId: string,
  companyId: string,
  contactId: string,
): Promise<CompanyContact | undefined> {
  const row = await db
    .selectFrom('company_contact')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('company_id', '=', companyId)
    .where('id', '=', contactId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row ? contactRowToContact(row) : undefined;
}

/** Applies the changes when the stored version is still `expectedVersion`; undefined otherwise. */
export async function updateContact(
  db: Db,
  municipalityId: string,
  contactId: string,
  expectedVersion: number,
  changes: Partial<ContactFields> & { active?: boolean },
  now: Date,
): Promise<CompanyContact | undefined> {
  const row = await db
    .updateTable('company_contact')
    .set((eb) => ({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.phone !== undefined && { phone: changes.phone }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.active !== undefined && { active: changes.active }),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', contactId)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? contactRowToContact(row) : undefined;
}
