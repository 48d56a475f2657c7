import type { ColumnType, Generated } from 'kysely';

/** `date` columns come back as 'YYYY-MM-DD' strings on both engines (see db/database.ts). */
type DateString = ColumnType<string, string, string>;
/** `numeric` comes back as a string; written as a number. Repositories turn it into a number. */
type Numeric = ColumnType<string | null, number | null, number | null>;

/**
 * The kinds of LAB offer (tilbud) and support Ungeflow records (docs/domain.md, glossary "offer"):
 * virksomhedspraktik (`internship`), løntilskud at a private or public employer
 * (`wage_subsidy_private`, `wage_subsidy_public`), vejledning og opkvalificering
 * (`guidance_upskilling`, with a `subtype` such as brobygning), nytteindsats (`utility_work`)
 * and mentorstøtte (`mentor`). A mentor grant is support, not one of the offers of LAB § 41,
 * stk. 2, nr. 4 (LAB kapitel 26), so key figures never count it as activation.
 */
export const offerKinds = [
  'internship',
  'wage_subsidy_private',
  'wage_subsidy_public',
  'guidance_upskilling',
  'utility_work',
  'mentor',
] as const;
export type OfferKind = (typeof offerKinds)[number];

/** The kinds that are active offers (tilbud) under LAB; everything but the mentor grant. */
export const activeOfferKinds = offerKinds.filter((kind) => kind !== 'mentor');

/** What kind of vejledning og opkvalificering: ordinary education (LAB § 90), a special course (§ 91), bridge-building. */
export const guidanceSubtypes = [
  'ordinary_education',
  'special_course',
  'bridge_building',
  'reading_writing_maths',
] as const;
export type GuidanceSubtype = (typeof guidanceSubtypes)[number];

/** Why an offer stopped before or at its planned end. */
export type OfferEndCause = 'completed' | 'stopped' | 'withdrawn';

/**
 * One LAB offer or mentor grant for a youth's journey. Offers that are placements (an internship
 * is virksomhedspraktik, a wage subsidy is løntilskud) carry `placement_id` and follow the
 * placement's dates; paid ordinary hours are work, never an offer.
 */
export interface OfferTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  youth_id: string;
  kind: OfferKind;
  /** Only for `guidance_upskilling`. */
  subtype: GuidanceSubtype | null;
  /** Set when the offer is a placement; at most one offer per placement. */
  placement_id: string | null;
  /** Who provides it: a company, a school, a mentor's name or organisation. */
  provider: string | null;
  start_date: DateString;
  /** The planned last day; null when open-ended. */
  planned_end: DateString | null;
  /** The day it actually ended (included); null while it runs. */
  ended_on: DateString | null;
  end_cause: OfferEndCause | null;
  /** Hours a week: required for a mentor grant, the placement's hours for a placement. */
  hours_per_week: Numeric;
  note: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/**
 * The education injunction (uddannelsespålæg, LAB § 30) under the rules in force until the 2027
 * act: the date it was given and the education goal. Abolished for new cases from the 2027 rule
 * sets; earlier ones stay readable as history.
 */
export interface EducationInjunctionTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  youth_id: string;
  given_on: DateString;
  /** The education goal in the caseworker's words, e.g. "EUD: tømrer". */
  goal: string;
  /** The planned start of the education, when known. */
  start_by: DateString | null;
  /** Set when it is no longer in force (education started, withdrawn, the youth left). */
  ended_on: DateString | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OfferTables {
  offer: OfferTable;
  education_injunction: EducationInjunctionTable;
}
