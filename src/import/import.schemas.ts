import {
  type Barrier,
  barriers,
  type Category,
  categories,
  type PlacementKind,
  placementKinds,
} from '../../machines/events.ts';
import { cvrMessages, parseCvr } from '../companies/cvr.ts';
import type { ReferralSource } from '../db/schema.ts';
import { referralSources } from '../journeys/journey.schemas.ts';
import { csvFile } from '../shared/csv.ts';
import type { Text } from '../shared/i18n.ts';
import { labelsOf, type TextKey, type TextValues, texts, textsEach } from '../shared/texts.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { type Profile, profiles } from '../visitation/questionnaire.ts';
import { createYouthBody } from '../youth/youth.schemas.ts';
import type { CsvRecord } from './import.csv.ts';
import type { ImportLookups } from './import.repository.ts';

/**
 * The columns of a caseload file, in the order of the template, each with whether it must be
 * filled in. The headings are the Danish texts of `admin.import.columns` (the English ones are
 * read too); the README's "Importing the current caseload" describes each.
 */
export const importColumns = [
  { key: 'name', required: true },
  { key: 'cpr', required: true },
  { key: 'phone', required: false },
  { key: 'email', required: false },
  { key: 'address', required: false },
  { key: 'referralDate', required: true },
  { key: 'referralSource', required: true },
  { key: 'referralReason', required: false },
  { key: 'caseworkerEmail', required: true },
  { key: 'firstConversationDate', required: false },
  { key: 'visitationDate', required: false },
  { key: 'category', required: false },
  { key: 'barriers', required: false },
  { key: 'profile', required: false },
  { key: 'group', required: false },
  { key: 'groupDate', required: false },
  { key: 'companyCvr', required: false },
  { key: 'placementKind', required: false },
  { key: 'hoursPerWeek', required: false },
  { key: 'placementStart', required: false },
] as const;

export type ImportColumn = (typeof importColumns)[number]['key'];

/** A column's heading in each language. */
export const columnHeadings: Record<ImportColumn, Text> = labelsOf(
  'admin.import.columns',
  importColumns.map((c) => c.key),
);

/** The most rows one file may have: a large unit's whole caseload, with room. */
export const MOST_ROWS = 5000;
/** The largest file taken: 5,000 rows of about 300 characters, with room. */
export const MOST_BYTES = 4 * 1024 * 1024;

/** One problem of a file: the row (null for the whole file), the column (null for the whole row) and what is wrong. */
export interface ImportProblem {
  row: number | null;
  column: ImportColumn | null;
  message: Text;
}

/** A row as it will be recorded, every value checked for its form (not yet against the database). */
export interface ParsedRow {
  row: number;
  youth: { name: string; cpr: string; phone: string | null; email: string | null; address: string | null };
  referral: { date: string; source: ReferralSource; reason: string | null };
  caseworker: { id: string; name: string; email: string };
  firstConversationDate: string | null;
  visitation: { date: string; category: Category; barriers: Barrier[]; profile: Profile } | null;
  group: { id: string; date: string | null } | null;
  placement: { companyId: string; kind: PlacementKind; hoursPerWeek: number; start: string } | null;
}

const problem = (
  row: number | null,
  column: ImportColumn | null,
  key: TextKey,
  values?: TextValues,
): ImportProblem => ({
  row,
  column,
  message: texts(key, values),
});

/** The template to download: the headings in Danish, semicolon-separated with a byte order mark, so Excel opens it. */
export function importTemplate(): string {
  return csvFile([importColumns.map((c) => columnHeadings[c.key].da)]);
}

/** A heading as compared: case, spaces and punctuation do not matter. */
const normalised = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Which column each field of a record is, from the headings row; every heading must be known, none
 * may come twice, and the required columns must be there (the optional ones may be left out).
 */
export function columnsOf(
  headings: readonly string[],
): { ok: true; columns: ImportColumn[] } | { ok: false; problems: ImportProblem[] } {
  const byHeading = new Map<string, ImportColumn>();
  for (const { key } of importColumns) {
    byHeading.set(normalised(columnHeadings[key].da), key);
    byHeading.set(normalised(columnHeadings[key].en), key);
  }
  const problems: ImportProblem[] = [];
  const columns: ImportColumn[] = [];
  for (const heading of headings) {
    const column = byHeading.get(normalised(heading));
    if (!column) problems.push(problem(1, null, 'admin.import.problems.unknownHeading', { heading }));
    else if (columns.includes(column))
      problems.push(problem(1, column, 'admin.import.problems.repeatedHeading', { heading }));
    else columns.push(column);
  }
  for (const { key, required } of importColumns) {
    if (required && !columns.includes(key)) {
      problems.push(problem(1, null, 'admin.import.problems.missingHeading', { heading: columnHeadings[key].da }));
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns };
}

/** 'YYYY-MM-DD' of a date written 2026-11-02, 02-11-2026, 2.11.2026 or 02/11/2026; null when it is none. */
export function parseDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : danish ? [danish[3], danish[2], danish[1]] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

/** The day as a Danish reader writes it, for messages: 2. november 2026 reads 02-11-2026. */
const shownDay = (day: string) => day.split('-').reverse().join('-');

/** A code from its label in either language or the code itself, compared as headings are. */
function codeOf<C extends string>(text: string, labels: Record<C, Text>, extra: Record<string, C> = {}): C | null {
  const wanted = normalised(text);
  for (const [code, label] of Object.entries(labels) as Array<[C, Text]>) {
    if ([code, label.da, label.en].some((candidate) => normalised(candidate) === wanted)) return code;
  }
  return extra[wanted] ?? null;
}

const sourceLabels = labelsOf('referral.referralSources', referralSources);
/** The short names a unit writes for where a referral came from. */
const sourceWords: Record<string, ReferralSource> = { jobcenter: 'jobcenter', selv: 'self', andenenhed: 'other_unit' };
const categoryLabels = labelsOf('visitation.categories', categories);
const barrierLabels = labelsOf('visitation.barriers', barriers);
const kindLabels = labelsOf('journeys.placementKinds', placementKinds);
const profileLabels = Object.fromEntries(profiles.map((p) => [p, { da: p, en: p }])) as Record<Profile, Text>;

/**
 * Checks one record for the form of every value, for what the row must hold together (a group
 * needs a visitation, a placement a group; no date in the future or before the referral), and that
 * the caseworker, the group and the company are the municipality's; returns the row or all its
 * problems. Whether the CPR number is known is checked afterwards (import.service.ts).
 */
export function parseRow(
  record: CsvRecord,
  columns: readonly ImportColumn[],
  today: string,
  lookups: ImportLookups,
): { ok: true; row: ParsedRow } | { ok: false; problems: ImportProblem[] } {
  const { row } = record;
  const problems: ImportProblem[] = [];
  const report = (column: ImportColumn | null, key: TextKey, values?: TextValues) =>
    problems.push(problem(row, column, key, values));
  if (record.fields.length !== columns.length) {
    report(null, 'admin.import.problems.fieldCount', { found: record.fields.length, expected: columns.length });
    return { ok: false, problems };
  }
  const value = (column: ImportColumn) => record.fields[columns.indexOf(column)] ?? '';
  for (const { key, required } of importColumns) {
    if (required && value(key) === '') report(key, 'admin.import.problems.required');
  }

  const youth = parseWithMessages(createYouthBody, {
    name: value('name'),
    cpr: value('cpr'),
    phone: value('phone'),
    email: value('email'),
    address: value('address'),
  });
  if (!youth.success) {
    for (const issue of youth.issues) {
      const column = issue.field as ImportColumn;
      // An empty required field is reported once, as required.
      if (!problems.some((p) => p.column === column)) problems.push({ row, column, message: issue.messages });
    }
  }

  const day = (column: ImportColumn, notBefore?: { column: ImportColumn; day: string | null }): string | null => {
    const text = value(column);
    if (text === '') return null;
    const parsed = parseDay(text);
    if (!parsed) report(column, 'admin.import.problems.notADate', { value: text });
    else if (parsed > today) report(column, 'admin.import.problems.inFuture', { date: shownDay(parsed) });
    else if (notBefore?.day && parsed < notBefore.day) {
      problems.push({
        row,
        column,
        message: textsEach('admin.import.problems.beforeDate', (lang) => ({
          column: columnHeadings[notBefore.column][lang],
          date: shownDay(notBefore.day ?? ''),
        })),
      });
    } else return parsed;
    return null;
  };
  const coded = <C extends string>(
    column: ImportColumn,
    labels: Record<C, Text>,
    extra?: Record<string, C>,
  ): C | null => {
    const text = value(column);
    if (text === '') return null;
    const code = codeOf(text, labels, extra);
    if (code === null) problems.push({ row, column, message: unknownValue(text, labels) });
    return code;
  };

  const caseworkerEmail = value('caseworkerEmail').toLowerCase();
  const caseworker = lookups.caseworkers.get(caseworkerEmail);
  if (caseworkerEmail !== '' && !caseworker) {
    report('caseworkerEmail', 'admin.import.problems.unknownCaseworker', { email: value('caseworkerEmail') });
  }
  const referralDate = day('referralDate');
  const source = coded('referralSource', sourceLabels, sourceWords);
  const firstConversationDate = day('firstConversationDate', { column: 'referralDate', day: referralDate });
  const visitationDate = day('visitationDate', {
    column: firstConversationDate ? 'firstConversationDate' : 'referralDate',
    day: firstConversationDate ?? referralDate,
  });
  const category = coded('category', categoryLabels);
  const profile = coded('profile', profileLabels);
  const chosenBarriers = barrierList(
    value('barriers'),
    (text) => codeOf(text, barrierLabels),
    (text, repeated) =>
      problems.push({
        row,
        column: 'barriers',
        message: repeated
          ? texts('admin.import.problems.repeatedValue', { value: text })
          : unknownValue(text, barrierLabels),
      }),
  );
  const hasVisitation = value('visitationDate') !== '' || value('category') !== '';
  if (hasVisitation) {
    for (const column of ['visitationDate', 'category'] as const) {
      if (value(column) === '') report(column, 'admin.import.problems.withVisitation');
    }
  } else {
    for (const column of ['barriers', 'profile'] as const) {
      if (value(column) !== '') report(column, 'admin.import.problems.onlyWithVisitation');
    }
  }

  const groupName = value('group');
  const groupDate = day('groupDate', { column: 'visitationDate', day: visitationDate });
  const group = lookups.groups.get(groupName.toLowerCase());
  if (groupName !== '' && !group) report('group', 'admin.import.problems.unknownGroup', { group: groupName });
  if (groupName !== '' && !hasVisitation) report('group', 'admin.import.problems.needsVisitation');
  if (groupName === '' && value('groupDate') !== '') report('group', 'admin.import.problems.withVisitation');

  const placementColumns = ['companyCvr', 'placementKind', 'hoursPerWeek', 'placementStart'] as const;
  const hasPlacement = placementColumns.some((column) => value(column) !== '');
  let companyId: string | undefined;
  let hoursPerWeek: number | null = null;
  if (hasPlacement) {
    if (groupName === '') report('companyCvr', 'admin.import.problems.needsGroup');
    for (const column of placementColumns) {
      if (value(column) === '') report(column, 'admin.import.problems.withPlacement');
    }
    if (value('companyCvr') !== '') {
      const parsed = parseCvr(value('companyCvr'));
      if (parsed.ok) {
        companyId = lookups.companies.get(parsed.cvr);
        if (!companyId) report('companyCvr', 'admin.import.problems.unknownCompany', { cvr: parsed.cvr });
      } else problems.push({ row, column: 'companyCvr', message: cvrMessages[parsed.problem] });
    }
    if (value('hoursPerWeek') !== '') {
      // Danish decimals: 12,5 hours.
      const hours = Number(value('hoursPerWeek').replace(',', '.'));
      if (Number.isFinite(hours) && hours >= 1 && hours <= 40) hoursPerWeek = hours;
      else report('hoursPerWeek', 'admin.import.problems.hours');
    }
  }
  const kind = coded('placementKind', kindLabels);
  const placementStart = day('placementStart', {
    column: groupDate ? 'groupDate' : 'visitationDate',
    day: groupDate ?? visitationDate,
  });

  if (problems.length > 0 || !youth.success || !referralDate || !source || !caseworker) return { ok: false, problems };
  return {
    ok: true,
    row: {
      row,
      youth: {
        name: youth.data.name,
        cpr: youth.data.cpr,
        phone: youth.data.phone ?? null,
        email: youth.data.email ?? null,
        address: youth.data.address ?? null,
      },
      referral: { date: referralDate, source, reason: value('referralReason') || null },
      caseworker,
      firstConversationDate,
      visitation:
        visitationDate && category
          ? { date: visitationDate, category, barriers: chosenBarriers, profile: profile ?? 'B' }
          : null,
      group: group ? { id: group.id, date: groupDate } : null,
      placement:
        companyId && kind && hoursPerWeek !== null && placementStart
          ? { companyId, kind, hoursPerWeek, start: placementStart }
          : null,
    },
  };
}

/** "«x» is not known: write one of ...", the choices in the reader's language. */
function unknownValue(text: string, labels: Record<string, Text>): Text {
  return textsEach('admin.import.problems.unknownValue', (lang) => ({
    value: text,
    allowed: Object.values(labels)
      .map((label) => label[lang])
      .join(', '),
  }));
}

/** The barriers of a comma-separated list, each once; `wrong` hears of one unknown or repeated. */
function barrierList(
  text: string,
  codeOfText: (text: string) => Barrier | null,
  wrong: (text: string, repeated: boolean) => void,
): Barrier[] {
  const chosen: Barrier[] = [];
  for (const part of text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const code = codeOfText(part);
    if (code === null) wrong(part, false);
    else if (chosen.includes(code)) wrong(part, true);
    else chosen.push(code);
  }
  return chosen;
}
