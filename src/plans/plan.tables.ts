import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Lang } from '../shared/i18n.ts';

type DateString = ColumnType<string, string, string>;

/** A next step as the caseworker writes it: what, when ('YYYY-MM-DD') and who. */
export interface StoredNextStep {
  what: string;
  when: string | null;
  who: string | null;
}

/**
 * What the plan says that is not recorded anywhere else: the goal in the youth's own words,
 * agreements, next steps and what stabilises health and everyday life (LAB § 41 stk. 2).
 * One row per journey, changed with optimistic concurrency.
 */
export interface PlanContentTable {
  journey_id: string;
  municipality_id: string;
  goal: string | null;
  agreements: JSONColumnType<string[]>;
  next_steps: JSONColumnType<StoredNextStep[]>;
  stabilisation: JSONColumnType<string[]>;
  /** The day the plan is next gone through with the youth ('YYYY-MM-DD'); null when none is set. */
  review_on: DateString | null;
  version: Generated<number>;
  updated_by: string;
  updated_at: Date;
}

/**
 * A plan as it was handed out: the exact plan data and template texts it was rendered from, so
 * the same PDF can be made again after the journey or the templates have changed. Never updated.
 */
export interface PlanVersionTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  youth_id: string;
  /** 1, 2, 3 ... per journey. */
  number: number;
  lang: Lang;
  /** A `PlanData` (plan.types.ts); read back through planDataSchema. */
  data: JSONColumnType<Record<string, unknown>>;
  /** The validated texts of the template in force (`PlanTexts`). */
  template_texts: JSONColumnType<Record<string, unknown>>;
  /** The municipality's logo from its template folder, base64; null when it had none. */
  template_logo: string | null;
  template_version: string;
  /** sha256 of the PDF bytes, hex. */
  content_hash: string;
  created_by: string;
  created_at: Date;
}

export interface PlanTables {
  plan_content: PlanContentTable;
  plan_version: PlanVersionTable;
}
