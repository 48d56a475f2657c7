/**
 * Every sentence a user reads, from the catalogues in templates/texts/ (templates/README.md): one
 * file per area of Ungeflow and language (`youth.da.json`, `youth.en.json`), each a tree of
 * messages in ICU message syntax, so plurals and numbers are written right in each language
 * ("1 dag", "2 dage"; "1.234,5"). Code holds keys ("youth.planTitle"), never sentences.
 *
 * The catalogue is read and checked when this module loads, so a wrong file stops Ungeflow at
 * start, naming the file and the key: both languages have the same keys, no message is empty,
 * every message is valid ICU, and both languages use the same placeholders. Each message is
 * compiled once. A key the code asks for is typed from the Danish files, so a missing key is a
 * compile error; a key built at run time that does not exist throws, never prints "undefined".
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import IntlMessageFormat, { type Formatters } from 'intl-messageformat';
import { z } from 'zod';
import type { Lang, Text } from './i18n.ts';
import type account from '../../templates/texts/account.da.json';
import type activities from '../../templates/texts/activities.da.json';
import type admin from '../../templates/texts/admin.da.json';
import type alerts from '../../templates/texts/alerts.da.json';
import type appointments from '../../templates/texts/appointments.da.json';
import type audit from '../../templates/texts/audit.da.json';
import type caseload from '../../templates/texts/caseload.da.json';
import type common from '../../templates/texts/common.da.json';
import type companies from '../../templates/texts/companies.da.json';
import type digest from '../../templates/texts/digest.da.json';
import type errors from '../../templates/texts/errors.da.json';
import type exports from '../../templates/texts/exports.da.json';
import type groups from '../../templates/texts/groups.da.json';
import type inbox from '../../templates/texts/inbox.da.json';
import type journal from '../../templates/texts/journal.da.json';
import type journeys from '../../templates/texts/journeys.da.json';
import type myjourney from '../../templates/texts/myjourney.da.json';
import type youthvoice from '../../templates/texts/youthvoice.da.json';
import type offers from '../../templates/texts/offers.da.json';
import type overview from '../../templates/texts/overview.da.json';
import type participation from '../../templates/texts/participation.da.json';
import type placements from '../../templates/texts/placements.da.json';
import type plan from '../../templates/texts/plan.da.json';
import type progression from '../../templates/texts/progression.da.json';
import type referral from '../../templates/texts/referral.da.json';
import type risk from '../../templates/texts/risk.da.json';
import type retention from '../../templates/texts/retention.da.json';
import type rules from '../../templates/texts/rules.da.json';
import type today from '../../templates/texts/today.da.json';
import type validation from '../../templates/texts/validation.da.json';
import type visitation from '../../templates/texts/visitation.da.json';
import type youth from '../../templates/texts/youth.da.json';
import { locales } from './formats.ts';

/** The areas, one pair of files each; the types below read their keys from the Danish file. */
export const textAreas = [
  'account',
  'activities',
  'admin',
  'alerts',
  'appointments',
  'audit',
  'caseload',
  'common',
  'companies',
  'digest',
  'errors',
  'exports',
  'groups',
  'inbox',
  'journal',
  'journeys',
  'myjourney',
  'youthvoice',
  'offers',
  'overview',
  'participation',
  'placements',
  'plan',
  'progression',
  'referral',
  'retention',
  'risk',
  'rules',
  'today',
  'validation',
  'visitation',
  'youth',
] as const;

type Catalogue = {
  account: typeof account;
  activities: typeof activities;
  admin: typeof admin;
  alerts: typeof alerts;
  appointments: typeof appointments;
  audit: typeof audit;
  caseload: typeof caseload;
  common: typeof common;
  companies: typeof companies;
  digest: typeof digest;
  errors: typeof errors;
  exports: typeof exports;
  groups: typeof groups;
  inbox: typeof inbox;
  journal: typeof journal;
  journeys: typeof journeys;
  myjourney: typeof myjourney;
  youthvoice: typeof youthvoice;
  offers: typeof offers;
  overview: typeof overview;
  participation: typeof participation;
  placements: typeof placements;
  plan: typeof plan;
  progression: typeof progression;
  referral: typeof referral;
  retention: typeof retention;
  risk: typeof risk;
  rules: typeof rules;
  today: typeof today;
  validation: typeof validation;
  visitation: typeof visitation;
  youth: typeof youth;
};
// Each area is listed once in textAreas and once above; this fails to compile when they differ.
const sameAreas: [keyof Catalogue, (typeof textAreas)[number]] extends [(typeof textAreas)[number], keyof Catalogue]
  ? true
  : never = true;
void sameAreas;

type Leaves<T, P extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type Branches<T, P extends string> = {
  [K in keyof T & string]: T[K] extends string ? never : `${P}${K}` | Branches<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A message of the catalogue: the area, then the path in its file ("common.stages.active"). */
export type TextKey = { [A in keyof Catalogue]: Leaves<Catalogue[A], `${A}.`> }[keyof Catalogue];
/** A group of messages, such as "common.stages", whose entries are looked up by a code. */
export type TextGroup = { [A in keyof Catalogue]: Branches<Catalogue[A], `${A}.`> }[keyof Catalogue];

/** The codes of a group's own messages: CodeOf<'common.severity'> is 'high' | 'medium' | 'low'. */
export type CodeOf<G extends TextGroup | keyof Catalogue> = TextKey extends infer K
  ? K extends `${G}.${infer C}`
    ? C extends `${string}.${string}`
      ? never
      : C
    : never
  : never;

/** Every key inside a group, as a path from it: KeyIn<'plan.changes'> is 'goal' | 'placement.company' | ... */
export type KeyIn<G extends TextGroup> = TextKey extends infer K ? (K extends `${G}.${infer R}` ? R : never) : never;

/** The values of a message's placeholders: numbers are written the language's way by ICU. */
export type TextValues = Readonly<Record<string, string | number>>;

/** A message with the values put in, in one language. */
export type Translate = (key: TextKey, values?: TextValues) => string;

/** The formatters every message shares (ICU would otherwise make them once per message). */
const sharedFormatters: Formatters = (() => {
  const cache = new Map<string, unknown>();
  const memo = <T>(kind: string, args: unknown[], make: () => T): T => {
    const key = `${kind}:${JSON.stringify(args)}`;
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as T;
  };
  return {
    getNumberFormat: (...args) => memo('number', args, () => new Intl.NumberFormat(...args)),
    getDateTimeFormat: (...args) => memo('date', args, () => new Intl.DateTimeFormat(...args)),
    getPluralRules: (...args) => memo('plural', args, () => new Intl.PluralRules(...args)),
  };
})();

/** A message ready to use: the text itself when it has no placeholders, else compiled ICU. */
type Compiled = string | IntlMessageFormat;

/** A checked catalogue: every message of every area in both languages, compiled. */
export interface TextCatalogue {
  readonly areas: readonly string[];
  readonly messages: Readonly<Record<Lang, ReadonlyMap<string, Compiled>>>;
}

type TextTree = { [key: string]: string | TextTree };
const textTree: z.ZodType<TextTree> = z.lazy(() => z.record(z.string(), z.union([z.string(), textTree])));

/** Loading fails with this; the message names every file and key that is wrong. */
export class TextCatalogueError extends Error {
  readonly problems: readonly string[];
  constructor(dir: string, problems: readonly string[]) {
    super(`The texts in ${dir} are invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'TextCatalogueError';
    this.problems = problems;
  }
}

function leavesOf(tree: TextTree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leavesOf(value, `${prefix}${key}.`),
  );
}

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
/** TYPE.literal of the ICU parser: plain text, no placeholder. */
const LITERAL = 0;
const isLiteral = (element: Element | undefined) => element !== undefined && Number(element.type) === LITERAL;

/** The names of every placeholder in a message, also those inside plural and select branches. */
function placeholdersOf(elements: readonly Element[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('value' in element && typeof element.value === 'string' && !isLiteral(element)) into.add(element.value);
    if ('options' in element) {
      for (const option of Object.values(element.options)) placeholdersOf(option.value, into);
    }
    if ('children' in element) placeholdersOf(element.children, into);
  }
  return into;
}

function compile(source: string, lang: Lang): { compiled: Compiled; placeholders: Set<string> } {
  // Tags are text: a "<" in a message is printed as it is (pages escape it).
  const format = new IntlMessageFormat(source, locales[lang], undefined, {
    ignoreTag: true,
    formatters: sharedFormatters,
  });
  const ast = format.getAst();
  const [first] = ast;
  const literal = ast.length === 1 && isLiteral(first) && first && 'value' in first ? String(first.value) : undefined;
  return { compiled: literal ?? format, placeholders: placeholdersOf(ast) };
}

/**
 * Reads and checks every `<area>.<lang>.json` in `dir`. Throws a TextCatalogueError listing
 * every problem: a file of another name, an area in one language only, a key in one language
 * only, an empty message, a message that is not valid ICU, or a placeholder one language uses
 * and the other does not.
 */
export function loadTextCatalogue(dir: string): TextCatalogue {
  const problems: string[] = [];
  const trees = new Map<string, Partial<Record<Lang, TextTree>>>();
  for (const file of readdirSync(dir).sort()) {
    const match = /^([a-z][a-zA-Z0-9]*)\.(da|en)\.json$/.exec(file);
    if (!match) {
      problems.push(`${file}: not a text file; name it <area>.da.json or <area>.en.json`);
      continue;
    }
    const [, area = '', lang = 'da'] = match;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: is not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const parsed = textTree.safeParse(json);
    if (!parsed.success) {
      problems.push(`${file}: must hold only texts and groups of texts: ${z.prettifyError(parsed.error)}`);
      continue;
    }
    trees.set(area, { ...trees.get(area), [lang]: parsed.data });
  }

  const messages: Record<Lang, Map<string, Compiled>> = { da: new Map(), en: new Map() };
  for (const [area, byLang] of trees) {
    const { da, en } = byLang;
    if (!da || !en) {
      problems.push(`${area}.${da ? 'en' : 'da'}.json: is missing; every area is written in Danish and English`);
      continue;
    }
    const leaves = { da: new Map(leavesOf(da)), en: new Map(leavesOf(en)) };
    for (const [lang, other] of [
      ['da', 'en'],
      ['en', 'da'],
    ] as const) {
      for (const key of leaves[lang].keys()) {
        if (!leaves[other].has(key)) problems.push(`${area}.${other}.json: ${key}: is missing (it is in ${lang})`);
      }
    }
    const placeholders: Partial<Record<Lang, Map<string, Set<string>>>> = {};
    for (const lang of ['da', 'en'] as const) {
      const found = new Map<string, Set<string>>();
      for (const [key, source] of leaves[lang]) {
        const where = `${area}.${lang}.json: ${key}`;
        if (source.trim() === '') {
          problems.push(`${where}: is empty`);
          continue;
        }
        try {
          const { compiled, placeholders: names } = compile(source, lang);
          messages[lang].set(`${area}.${key}`, compiled);
          found.set(key, names);
        } catch (error) {
          problems.push(`${where}: is not a valid ICU message (${(error as Error).message}): ${source}`);
        }
      }
      placeholders[lang] = found;
    }
    for (const [key, daNames] of placeholders.da ?? []) {
      const enNames = placeholders.en?.get(key);
      if (enNames === undefined) continue;
      const differ = (a: Set<string>, b: Set<string>) => [...a].filter((name) => !b.has(name));
      for (const name of differ(enNames, daNames)) {
        problems.push(`${area}.en.json: ${key}: unknown placeholder {${name}}; the Danish text has no {${name}}`);
      }
      for (const name of differ(daNames, enNames)) {
        problems.push(`${area}.en.json: ${key}: lacks {${name}}, which the Danish text has`);
      }
    }
  }
  if (problems.length > 0) throw new TextCatalogueError(dir, problems);
  return { areas: [...trees.keys()], messages };
}

/** A message of `catalogue` with `values` put in; a key that does not exist throws. */
export function formatText(catalogue: TextCatalogue, lang: Lang, key: string, values: TextValues = {}): string {
  const message = catalogue.messages[lang].get(key);
  if (message === undefined) throw new Error(`No text "${key}" in templates/texts`);
  if (typeof message === 'string') return message;
  try {
    return String(message.format(values));
  } catch (error) {
    throw new Error(`Text "${key}" (${lang}): ${(error as Error).message}`, { cause: error });
  }
}

const sentences = new Map<string, Compiled>();

/**
 * A message kept outside the catalogue, in the same ICU syntax: the printed plan's sentences
 * (templates/plan/), which its loader checks with `placeholdersIn`. Compiled once per language.
 */
export function formatMessage(source: string, lang: Lang, values: TextValues = {}): string {
  const key = `${lang}:${source}`;
  let message = sentences.get(key);
  if (message === undefined) {
    message = compile(source, lang).compiled;
    sentences.set(key, message);
  }
  if (typeof message === 'string') return message;
  return String(message.format(values));
}

/** The placeholders a message uses, or why it is not a valid ICU message. */
export function placeholdersIn(source: string): { ok: true; names: string[] } | { ok: false; problem: string } {
  try {
    return { ok: true, names: [...compile(source, 'da').placeholders] };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}

export const textsDir = path.join(import.meta.dirname, '..', '..', 'templates', 'texts');

const catalogue = loadTextCatalogue(textsDir);
{
  const unknown = catalogue.areas.filter((area) => !(textAreas as readonly string[]).includes(area));
  const missing = textAreas.filter((area) => !catalogue.areas.includes(area));
  if (unknown.length > 0 || missing.length > 0) {
    throw new TextCatalogueError(textsDir, [
      ...unknown.map((area) => `${area}.da.json: an area src/shared/texts.ts does not list in textAreas`),
      ...missing.map((area) => `${area}.da.json: is missing; src/shared/texts.ts lists the area`),
    ]);
  }
}

/** A message in one language, with `values` in its placeholders. */
export function t(lang: Lang, key: TextKey, values?: TextValues): string {
  return formatText(catalogue, lang, key, values);
}

/** A message in both languages, for answers and records that carry both. */
export function texts(key: TextKey, values?: TextValues): Text {
  return { da: t('da', key, values), en: t('en', key, values) };
}

/** A message in both languages whose values differ by language (a name written in each). */
export function textsEach(key: TextKey, values: (lang: Lang) => TextValues): Text {
  return { da: t('da', key, values('da')), en: t('en', key, values('en')) };
}

/**
 * The message of each code in a group, in both languages, for tables of labels:
 * `labelsOf('journeys.pauseReasons', pauseReasons)`. A code without a message does not compile.
 */
export function labelsOf<G extends TextGroup, C extends CodeOf<G>>(group: G, codes: readonly C[]): Record<C, Text> {
  return Object.fromEntries(codes.map((code) => [code, texts(`${group}.${code}` as TextKey)])) as Record<C, Text>;
}

/** Whether the catalogue has a message of this key (for keys built from codes at run time). */
export function hasText(key: string): key is TextKey {
  return catalogue.messages.da.has(key);
}

/** The entry of a group for a code known only at run time ("common.stages" and "active"); throws when missing. */
export function textIn(lang: Lang, group: TextGroup, code: string, values?: TextValues): string {
  return formatText(catalogue, lang, `${group}.${code}`, values);
}

/** The messages of one language, for code that writes many. */
export function translator(lang: Lang): Translate {
  return (key, values) => formatText(catalogue, lang, key, values);
}

/**
 * The messages as the page templates read them: `it.t('youth.planTitle')`,
 * `it.t('common.stages.' + stage)`, `it.t('admin.yearsRange', { min, max })`, and
 * `it.t.has(key)` for an optional one. A key that does not exist throws while the page renders,
 * so the page answers 500 and its test fails rather than show a blank.
 */
export interface PageTranslate {
  (key: string, values?: TextValues): string;
  has(key: string): boolean;
}

const pageTranslators: Record<Lang, PageTranslate> = {
  da: pageTranslator('da'),
  en: pageTranslator('en'),
};

function pageTranslator(lang: Lang): PageTranslate {
  const translate = (key: string, values?: TextValues) => formatText(catalogue, lang, key, values);
  return Object.assign(translate, { has: hasText });
}

export function pageTexts(lang: Lang): PageTranslate {
  return pageTranslators[lang];
}
