import type { PlacementKind } from '../../machines/events.ts';
import type { Db } from '../db/database.ts';
import type { Lang } from '../shared/i18n.ts';
import type { StoredNextStep } from './plan.tables.ts';

// ---------------------------------------------------------------------------------------------
// What the plan is made from
// ---------------------------------------------------------------------------------------------

/** The journey with the youth (name and birth date, never the CPR number), caseworker and municipality. */
export interface PlanSubject {
  journeyId: string;
  youthId: string;
  open: boolean;
  snapshot: Record<string, unknown>;
  machineVersion: number;
  youth: { name: string; birthDate: string };
  caseworker: { id: string; name: string; email: string; phone: string | null };
  municipalityName: string;
}

export async function findPlanSubject(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<PlanSubject | undefined> {
  const row = await db
    .selectFrom('journey')
    .innerJoin('youth', 'youth.id', 'journey.youth_id')
    .innerJoin('app_user', 'app_user.id', 'journey.caseworker_id')
    .innerJoin('municipality', 'municipality.id', 'journey.municipality_id')
    .select([
      'journey.id',
      'journey.youth_id',
      'journey.open',
      'journey.snapshot',
      'journey.machine_version',
      'youth.name as youth_name',
      'youth.birth_date as youth_birth_date',
      'app_user.id as caseworker_id',
      'app_user.name as caseworker_name',
      'app_user.email as caseworker_email',
      'app_user.phone as caseworker_phone',
      'municipality.name as municipality_name',
    ])
    .where('journey.municipality_id', '=', municipalityId)
    .where('journey.id', '=', journeyId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    journeyId: row.id,
    youthId: row.youth_id,
    open: row.open,
    snapshot: row.snapshot,
    machineVersion: row.machine_version,
    youth: { name: row.youth_name, birthDate: row.youth_birth_date },
    caseworker: {
      id: row.caseworker_id,
      name: row.caseworker_name,
      email: row.caseworker_email,
      phone: row.caseworker_phone,
    },
    municipalityName: row.municipality_name,
  };
}

export interface PlanPlacement {
  kind: PlacementKind;
  companyName: string;
  companyAddress: string | null;
  hoursPerWeek: number;
  startDate: string;
  /** The contact person named on the placement, when one is. */
  contact: { name: string; phone: string | null } | null;
}

/** The journey's running placement (a paused journey's placement still runs: it waits for the youth). */
export async function findCurrentPlacementOfJourney(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<PlanPlacement | undefined> {
  const row = await db
    .selectFrom('placement')
    .innerJoin('company', 'company.id', 'placement.company_id')
    // placement.contact_id has no foreign key (see the programme migration): the contact must be
    // one of this company's contacts in this municipality to be printed.
    .leftJoin('company_contact', (join) =>
      join
        .onRef('company_contact.id', '=', 'placement.contact_id')
        .onRef('company_contact.company_id', '=', 'placement.company_id')
        .onRef('company_contact.municipality_id', '=', 'placement.municipality_id'),
    )
    .select([
      'placement.kind',
      'company.name as company_name',
      'company.address as company_address',
      'placement.hours_per_week',
      'placement.start_date',
      'company_contact.name as contact_name',
      'company_contact.phone as contact_phone',
    ])
    .where('placement.municipality_id', '=', municipalityId)
    .where('placement.journey_id', '=', journeyId)
    .where('placement.ended_at', 'is', null)
    .orderBy('placement.start_date', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    kind: row.kind,
    companyName: row.company_name,
    companyAddress: row.company_address,
    // numeric arrives as a string on both engines.
    hoursPerWeek: Number(row.hours_per_week),
    startDate: row.start_date,
    contact: row.contact_name === null ? null : { name: row.contact_name, phone: row.contact_phone },
  };
}

// ---------------------------------------------------------------------------------------------
// Plan content
// ---------------------------------------------------------------------------------------------

export interface PlanContent {
  journeyId: string;
  goal: string | null;
  agreements: string[];
  nextSteps: StoredNextStep[];
  stabilisation: string[];
  /** The day the plan is next gone through with the youth; null when none is set. */
  reviewOn: string | null;
  version: number;
  updatedBy: { id: string; name: string };
  updatedAt: Date;
}

export interface PlanContentFields {
  goal: string | null;
  agreements: readonly string[];
  nextSteps: readonly StoredNextStep[];
  stabilisation: readonly string[];
  reviewOn: string | null;
}

export async function findPlanContent(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<PlanContent | undefined> {
  const row = await db
    .selectFrom('plan_content')
    .innerJoin('app_user', 'app_user.id', 'plan_content.updated_by')
    .select([
      'plan_content.journey_id',
      'plan_content.goal',
      'plan_content.agreements',
      'plan_content.next_steps',
      'plan_content.stabilisation',
      'plan_content.review_on',
      'plan_content.version',
      'plan_content.updated_by',
      'app_user.name as updated_by_name',
      'plan_content.updated_at',
    ])
    .where('plan_content.municipality_id', '=', municipalityId)
    .where('plan_content.journey_id', '=', journeyId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    journeyId: row.journey_id,
    goal: row.goal,
    agreements: row.agreements,
    nextSteps: row.next_steps.map((step) => ({ what: step.what, when: step.when ?? null, who: step.who ?? null })),
    stabilisation: row.stabilisation,
    reviewOn: row.review_on,
    version: row.version,
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    updatedAt: row.updated_at,
  };
}

/** Creates the journey's plan content at version 1; false when another request created it first. */
export async function insertPlanContent(
  db: Db,
  content: PlanContentFields & { municipalityId: string; journeyId: string; updatedBy: string; updatedAt: Date },
): Promise<boolean> {
  const rows = await db
    .insertInto('plan_content')
    .values({
      journey_id: content.journeyId,
      municipality_id: content.municipalityId,
      goal: content.goal,
      agreements: JSON.stringify(content.agreements),
      next_steps: JSON.stringify(content.nextSteps),
      stabilisation: JSON.stringify(content.stabilisation),
      review_on: content.reviewOn,
      version: 1,
      updated_by: content.updatedBy,
      updated_at: content.updatedAt,
    })
    .onConflict((oc) => oc.column('journey_id').doNothing())
    .returning('journey_id')
    .execute();
  return rows.length === 1;
}

/** Replaces the content when the stored version is still `expectedVersion`; false otherwise. */
export async function updatePlanContent(
  db: Db,
  municipalityId: string,
  journeyId: string,
  expectedVersion: number,
  content: PlanContentFields & { updatedBy: string; updatedAt: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('plan_content')
    .set((eb) => ({
      goal: content.goal,
      agreements: JSON.stringify(content.agreements),
      next_steps: JSON.stringify(content.nextSteps),
      stabilisation: JSON.stringify(content.stabilisation),
      review_on: content.reviewOn,
      version: eb('version', '+', 1),
      updated_by: content.updatedBy,
      updated_at: content.updatedAt,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

// ---------------------------------------------------------------------------------------------
// Stored plan versions
// ---------------------------------------------------------------------------------------------

export interface PlanVersionSummary {
  id: string;
  journeyId: string;
  youthId: string;
  number: number;
  lang: Lang;
  templateVersion: string;
  contentHash: string;
  createdBy: { id: string; name: string };
  createdAt: Date;
}

/** A stored version with everything it was made from. `data` and `templateTexts` are as stored. */
export interface PlanVersionRecord extends PlanVersionSummary {
  data: unknown;
  templateTexts: unknown;
  /** base64 */
  templateLogo: string | null;
}

export async function nextPlanNumber(db: Db, municipalityId: string, journeyId: string): Promise<number> {
  const row = await db
    .selectFrom('plan_version')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertPlanVersion(
  db: Db,
  version: {
    municipalityId: string;
    journeyId: string;
    youthId: string;
    number: number;
    lang: Lang;
    data: unknown;
    templateTexts: unknown;
    templateLogo: string | null;
    templateVersion: string;
    contentHash: string;
    createdBy: string;
    createdAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('plan_version')
    .values({
      municipality_id: version.municipalityId,
      journey_id: version.journeyId,
      youth_id: version.youthId,
      number: version.number,
      lang: version.lang,
      data: JSON.stringify(version.data),
      template_texts: JSON.stringify(version.templateTexts),
      template_logo: version.templateLogo,
      template_version: version.templateVersion,
      content_hash: version.contentHash,
      created_by: version.createdBy,
      created_at: version.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const summaryColumns = [
  'plan_version.id',
  'plan_version.journey_id',
  'plan_version.youth_id',
  'plan_version.number',
  'plan_version.lang',
  'plan_version.template_version',
  'plan_version.content_hash',
  'plan_version.created_by',
  'app_user.name as created_by_name',
  'plan_version.created_at',
] as const;

interface SummaryRow {
  id: string;
  journey_id: string;
  youth_id: string;
  number: number;
  lang: Lang;
  template_version: string;
  content_hash: string;
  created_by: string;
  created_by_name: string;
  created_at: Date;
}

function summaryRowToSummary(row: SummaryRow): PlanVersionSummary {
  return {
    id: row.id,
    journeyId: row.journey_id,
    youthId: row.youth_id,
    number: row.number,
    lang: row.lang,
    templateVersion: row.template_version,
    contentHash: row.content_hash,
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at,
  };
}

/** A journey's stored versions, oldest (number 1) first. */
export async function listPlanVersions(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<PlanVersionSummary[]> {
  const rows = await db
    .selectFrom('plan_version')
    .innerJoin('app_user', 'app_user.id', 'plan_version.created_by')
    .select(summaryColumns)
    .where('plan_version.municipality_id', '=', municipalityId)
    .where('plan_version.journey_id', '=', journeyId)
    .orderBy('plan_version.number')
    .execute();
  return rows.map(summaryRowToSummary);
}

export async function findPlanVersion(
  db: Db,
  municipalityId: string,
  id: string,
): Promise<PlanVersionRecord | undefined> {
  const row = await db
    .selectFrom('plan_version')
    .innerJoin('app_user', 'app_user.id', 'plan_version.created_by')
    .select([...summaryColumns, 'plan_version.data', 'plan_version.template_texts', 'plan_version.template_logo'])
    .where('plan_version.municipality_id', '=', municipalityId)
    .where('plan_version.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...summaryRowToSummary(row),
    data: row.data,
    templateTexts: row.template_texts,
    templateLogo: row.template_logo,
  };
}
