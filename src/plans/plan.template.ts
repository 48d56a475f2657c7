/**
 * The texts of the printed plan, read from templates/plan/<lang>.json (templates/README.md).
 *
 * Every sentence is checked when it is loaded: it may only use the placeholders the renderer
 * fills for it, and must use the ones that carry what the sentence is there to say (the goal
 * sentence must print {goal}). A municipality may override any sentence, and add its logo, in
 * templates/plan/<municipality-id>/; what it leaves out comes from the default files.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { PlacementKind } from '../../machines/events.ts';
import { contentVersion } from '../rules/rule-set.loader.ts';
import type { Lang } from '../shared/i18n.ts';
import { placeholdersIn } from '../shared/texts.ts';
import { isPngOrJpeg } from './plan.types.ts';
import type { ProgressionFactor } from './plan.types.ts';
import type { GuidanceSubtype, OfferKind } from '../offers/offer.tables.ts';

/**
 * A sentence of the template. `uses` are the placeholders the renderer fills for it; `needs`
 * (by default all of them) must appear, so no sentence can silently drop what it is for.
 */
function sentence(uses: readonly string[] = [], needs: readonly string[] = uses) {
  const allowed = uses.length === 0 ? 'no placeholders' : uses.map((name) => `{${name}}`).join(', ');
  return z
    .string()
    .max(400)
    .superRefine((text, ctx) => {
      if (text.trim() === '') {
        ctx.addIssue({ code: 'custom', message: 'must not be empty' });
        return;
      }
      // The sentences are ICU messages, like the texts in templates/texts/ (templates/README.md).
      const parsed = placeholdersIn(text);
      if (!parsed.ok) {
        ctx.addIssue({
          code: 'custom',
          message: `has a "{" or "}" that is not part of a placeholder like {name} (${parsed.problem})`,
        });
        return;
      }
      const used = parsed.names;
      for (const name of new Set(used)) {
        if (!uses.includes(name)) {
          ctx.addIssue({ code: 'custom', message: `unknown placeholder {${name}}; this sentence can use ${allowed}` });
        }
      }
      for (const name of needs) {
        if (!used.includes(name)) ctx.addIssue({ code: 'custom', message: `must contain {${name}}` });
      }
    });
}

/** A word or a short label: no placeholders, fits on a line. */
const label = z.string().trim().min(1, 'must not be empty').max(100);

const sectionHeading = label;

export const planTemplateSchema = z.strictObject({
  /** The language of the file: must match its name (da.json holds "da"). */
  language: z.enum(['da', 'en']),
  /** BCP 47 tag written into the PDF so screen readers pick the right voice, e.g. "da-DK". */
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language tag like da-DK'),
  dates: z.strictObject({
    /** Monday first. */
    weekdays: z.array(label).length(7),
    /** January first. */
    months: z.array(label).length(12),
    fullDate: sentence(['weekday', 'day', 'month', 'year'], ['day', 'month', 'year']),
    shortDate: sentence(['day', 'month', 'year']),
    time: sentence(['hour', 'minute']),
    decimalSeparator: z.enum([',', '.']),
  }),
  header: z.strictObject({
    title: label,
    birthDate: sentence(['date']),
    madeOn: sentence(['date']),
    intro: sentence(),
  }),
  goal: z.strictObject({
    heading: sectionHeading,
    lead: sentence(),
    quote: sentence(['goal']),
    notYet: sentence(),
  }),
  status: z.strictObject({
    heading: sectionHeading,
  }),
  networkGroup: z.strictObject({
    heading: sectionHeading,
    meetsWeekdayTimePlace: sentence(['weekday', 'time', 'place']),
    meetsWeekdayTime: sentence(['weekday', 'time']),
    meetsWeekday: sentence(['weekday']),
    time: sentence(['time']),
    place: sentence(['place']),
    groupName: sentence(['group']),
    facilitator: sentence(['facilitator']),
    notYet: sentence(),
  }),
  placement: z.strictObject({
    heading: sectionHeading,
    company: z.strictObject({
      ...({
        internship: sentence(['company']),
        paid_hours: sentence(['company']),
        wage_subsidy: sentence(['company']),
      } satisfies Record<PlacementKind, z.ZodType>),
      /** When the kind of placement is not recorded. */
      unspecified: sentence(['company']),
    }),
    address: sentence(['address']),
    hours: sentence(['hours']),
    startsOn: sentence(['date']),
    startedOn: sentence(['date']),
    contact: sentence(['name']),
    contactPhone: sentence(['phone']),
    notYet: sentence(),
  }),
  stabilisation: z.strictObject({
    heading: sectionHeading,
    lead: sentence(),
    notYet: sentence(),
  }),
  offers: z.strictObject({
    heading: sectionHeading,
    /** One sentence per kind of offer, saying what the youth gets. */
    kinds: z.strictObject({
      internship: sentence(),
      wage_subsidy_private: sentence(),
      wage_subsidy_public: sentence(),
      guidance_upskilling: sentence(),
      utility_work: sentence(),
      mentor: sentence(),
    } satisfies Record<OfferKind, z.ZodType>),
    subtypes: z.strictObject({
      ordinary_education: sentence(),
      special_course: sentence(),
      bridge_building: sentence(),
      reading_writing_maths: sentence(),
    } satisfies Record<GuidanceSubtype, z.ZodType>),
    provider: sentence(['provider']),
    fromTo: sentence(['from', 'to']),
    from: sentence(['from']),
    hours: sentence(['hours']),
    injunction: sentence(['date', 'goal']),
    injunctionStartBy: sentence(['date']),
    notYet: sentence(),
  }),
  nextSteps: z.strictObject({
    heading: sectionHeading,
    when: sentence(['date']),
    who: sentence(['who']),
    /** When the plan is next gone through. Optional, as templates from before it lack it. */
    review: sentence(['date']).optional(),
    notYet: sentence(),
  }),
  contactPerson: z.strictObject({
    heading: sectionHeading,
    name: sentence(['name']),
    phone: sentence(['phone']),
    email: sentence(['email']),
    /** Said when the contact person has a phone number: ring or write. */
    askUs: sentence(),
    /** Said when there is no phone number to ring: write. Optional, as plans stored before it lack it. */
    askUsInWriting: sentence().optional(),
    notYet: sentence(),
  }),
  progression: z.strictObject({
    heading: sectionHeading,
    lead: sentence(),
    first: label,
    latest: label,
    notMeasured: label,
    factors: z.strictObject({
      belief_in_own_abilities: label,
      self_rated_health: label,
      network: label,
      meaning_and_direction: label,
      readiness_assessment: label,
    } satisfies Record<ProgressionFactor, z.ZodType>),
    notYet: sentence(),
  }),
  agreements: z.strictObject({
    heading: sectionHeading,
    notYet: sentence(),
  }),
  signatures: z.strictObject({
    heading: sectionHeading,
    lead: sentence(),
    youth: label,
    caseworker: label,
    date: label,
  }),
  footer: z.strictObject({
    pageNumber: sentence(['page', 'pages'], ['page']),
  }),
});

export type PlanTexts = z.infer<typeof planTemplateSchema>;

/** A validated plan template, ready for the renderer. */
export interface PlanTemplate {
  lang: Lang;
  /**
   * sha256 of the canonical JSON of the texts in force (and of the logo, when there is one),
   * first 12 hex characters. Stored with every plan version: the same data and the same
   * version give the same PDF.
   */
  version: string;
  /** The files it was read from: the default file, then the municipality's override and logo. */
  files: readonly string[];
  texts: PlanTexts;
  /** PNG or JPEG bytes from the municipality's folder; a logo in the plan data wins over it. */
  logo: Buffer | undefined;
}

/** Loading fails with this; the message names the file and every problem with its field path. */
export class PlanTemplateError extends Error {
  readonly file: string;
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[]) {
    super(`Plan template ${file} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PlanTemplateError';
    this.file = file;
    this.problems = problems;
  }
}

export const defaultPlanTemplateDir = fileURLToPath(new URL('../../templates/plan/', import.meta.url));

/** The logo file names looked for in a municipality's folder, in this order. */
export const logoFileNames = ['logo.png', 'logo.jpg', 'logo.jpeg'] as const;
const maxLogoBytes = 1_500_000;

/**
 * The folder a municipality's own wording and logo live in: templates/plan/<municipality-id>/.
 * It need not exist; then the defaults are used.
 */
export function planTemplateDirFor(municipalityId: string, baseDir: string = defaultPlanTemplateDir): string {
  // The id becomes a path: nothing but letters, digits and dashes, so it cannot point elsewhere.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(municipalityId)) throw new Error(`Not a municipality id: ${municipalityId}`);
  return join(baseDir, municipalityId);
}

/**
 * Loads the plan template for a language: `<baseDir>/<lang>.json`, with the sentences in
 * `<overrideDir>/<lang>.json` (when that file exists) in place of the defaults, and the logo in
 * `<overrideDir>/logo.png` (or .jpg) when there is one.
 */
export async function loadPlanTemplate(
  lang: Lang,
  overrideDir?: string,
  baseDir: string = defaultPlanTemplateDir,
): Promise<PlanTemplate> {
  const baseFile = join(baseDir, `${lang}.json`);
  const baseText = await readFile(baseFile, 'utf8').catch((error: unknown) => {
    throw new PlanTemplateError(baseFile, [`cannot be read: ${(error as Error).message}`]);
  });
  const base = parseJson(baseText, baseFile);

  let override: { file: string; json: unknown } | undefined;
  let logo: { file: string; bytes: Buffer } | undefined;
  if (overrideDir !== undefined) {
    const overrideFile = join(overrideDir, `${lang}.json`);
    const overrideText = await readIfExists(overrideFile);
    if (overrideText !== undefined) override = { file: overrideFile, json: parseJson(overrideText, overrideFile) };
    logo = await readLogo(overrideDir);
  }
  return buildPlanTemplate(lang, { file: baseFile, json: base }, override, logo);
}

/**
 * Validates a template given as parsed JSON, with an optional override on top. `file` names the
 * source in errors. Exported for tests and for callers that keep templates elsewhere.
 */
export function buildPlanTemplate(
  lang: Lang,
  base: { file: string; json: unknown },
  override?: { file: string; json: unknown },
  logo?: { file: string; bytes: Buffer },
): PlanTemplate {
  let merged = base.json;
  if (override !== undefined) {
    const shapeProblems = overrideProblems(base.json, override.json, []);
    if (shapeProblems.length > 0) throw new PlanTemplateError(override.file, shapeProblems);
    merged = mergeOverride(base.json, override.json);
  }

  const parsed = planTemplateSchema.safeParse(merged);
  if (!parsed.success) {
    // Name the file the bad value came from: the override when it sets that field.
    const byFile = new Map<string, string[]>();
    for (const issue of parsed.error.issues) {
      const file = override !== undefined && hasPath(override.json, issue.path.map(String)) ? override.file : base.file;
      byFile.set(file, [...(byFile.get(file) ?? []), describeIssue(issue)]);
    }
    const file = override !== undefined && byFile.has(override.file) ? override.file : base.file;
    throw new PlanTemplateError(file, byFile.get(file) ?? []);
  }
  const texts = parsed.data;
  if (texts.language !== lang) {
    const file = override !== undefined && hasPath(override.json, ['language']) ? override.file : base.file;
    throw new PlanTemplateError(file, [`language: is "${texts.language}" but the file is for "${lang}"`]);
  }

  if (logo !== undefined) {
    if (logo.bytes.length > maxLogoBytes) {
      throw new PlanTemplateError(logo.file, [`is ${logo.bytes.length} bytes; at most ${maxLogoBytes} are allowed`]);
    }
    if (!isPngOrJpeg(logo.bytes)) throw new PlanTemplateError(logo.file, ['is not a PNG or JPEG image']);
  }

  return {
    lang,
    version: contentVersion({
      texts,
      logo: logo === undefined ? null : createHash('sha256').update(logo.bytes).digest('hex'),
    }),
    files: [base.file, ...(override === undefined ? [] : [override.file]), ...(logo === undefined ? [] : [logo.file])],
    texts,
    logo: logo?.bytes,
  };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PlanTemplateError(file, [`is not valid JSON: ${(error as Error).message}`]);
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PlanTemplateError(file, [`cannot be read: ${(error as Error).message}`]);
  }
}

async function readLogo(dir: string): Promise<{ file: string; bytes: Buffer } | undefined> {
  for (const name of logoFileNames) {
    const file = join(dir, name);
    try {
      return { file, bytes: await readFile(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new PlanTemplateError(file, [`cannot be read: ${(error as Error).message}`]);
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An override may only set fields the default template has, with the same kind of value: a
 * misspelt field name would otherwise be ignored without a word.
 */
function overrideProblems(base: unknown, override: unknown, path: readonly string[]): string[] {
  const where = path.join('.') || '(file)';
  if (isRecord(base)) {
    if (!isRecord(override)) return [`${where}: must be an object like in the default template`];
    return Object.entries(override).flatMap(([key, value]) =>
      key in base
        ? overrideProblems(base[key], value, [...path, key])
        : [`${[...path, key].join('.')}: unknown field; the default template has no such text`],
    );
  }
  if (Array.isArray(base))
    return Array.isArray(override) ? [] : [`${where}: must be a list like in the default template`];
  if (typeof base === 'string' && typeof override !== 'string') return [`${where}: must be a text`];
  return [];
}

/** The base with the override's values in place; lists are replaced whole. */
function mergeOverride(base: unknown, override: unknown): unknown {
  if (!isRecord(base) || !isRecord(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeOverride(base[key], value);
  return merged;
}

function hasPath(json: unknown, path: readonly string[]): boolean {
  let node = json;
  for (const key of path) {
    if (isRecord(node) && key in node) node = node[key];
    else if (Array.isArray(node) && /^\d+$/.test(key)) node = node[Number(key)];
    else return false;
  }
  return node !== undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(file)';
  if (issue.code === 'unrecognized_keys') return `${path}: unknown field(s) ${issue.keys.join(', ')}`;
  return `${path}: ${issue.message}`;
}
