import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from 'json-rules-engine';
import type { z } from 'zod';
import { danishDate } from '../shared/clock.ts';
import { ruleSetFileSchema } from './rule-set.schema.ts';
import type { CategoryDefinition, Law, ParameterValue, RuleDefinition, RuleSetFile } from './rule-set.schema.ts';

/** A validated rule file, with the version every decision made with it records. */
export interface RuleSet {
  /** What the rules decide, e.g. "eligibility". */
  name: string;
  /** sha256 of the file's canonical JSON, first 12 hex characters: changes when the content does. */
  version: string;
  file: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  /** The law the file follows, with how far it has come and where to read it. */
  law: Law;
  /** Visitation: the categories a decision can choose, least support first; empty for other rule sets. */
  categories: readonly CategoryDefinition[];
  description: string | undefined;
  parameters: Readonly<Record<string, ParameterValue>>;
  facts: Readonly<Record<string, string>>;
  rules: readonly RuleDefinition[];
}

/** Start-up fails with this; the message names the file and every problem with its field path. */
export class RuleSetError extends Error {
  readonly file: string;
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[]) {
    super(`Rule file ${file} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'RuleSetError';
    this.file = file;
    this.problems = problems;
  }
}

export const defaultRulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));

export async function loadRuleSet(path: string): Promise<RuleSet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RuleSetError(path, [`cannot be read: ${(error as Error).message}`]);
  }
  return parseRuleSet(text, path);
}

/** Parses and validates a rule file's text; `file` names it in errors. */
export function parseRuleSet(text: string, file: string): RuleSet {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RuleSetError(file, [`is not valid JSON: ${(error as Error).message}`]);
  }

  const parsed = ruleSetFileSchema.safeParse(json);
  if (!parsed.success) throw new RuleSetError(file, parsed.error.issues.map(describeIssue));

  const data: RuleSetFile = parsed.data;
  const ruleSet: RuleSet = {
    name: data.ruleSet,
    version: contentVersion(json),
    file,
    validFrom: data.validFrom,
    validTo: data.validTo,
    source: data.source,
    law: data.law,
    categories: data.categories ?? [],
    description: data.description,
    parameters: data.parameters,
    facts: data.facts,
    rules: data.rules,
  };
  // Building the engine is json-rules-engine's own check of every rule, so a condition the
  // schema let through but the engine rejects still stops start-up, with the file named.
  createEngine(ruleSet);
  return ruleSet;
}

/**
 * Loads every `*.json` file in `dir`. Several files may hold the same rule set for different
 * laws (e.g. `eligibility.json` and `eligibility-2027.json`): each applies from its `validFrom`
 * until the next one takes over, or until its own `validTo`.
 */
export async function loadRuleSets(dir: string = defaultRulesDir): Promise<RuleSet[]> {
  const names = (await readdir(dir)).filter((fileName) => fileName.endsWith('.json')).sort();
  const ruleSets = await Promise.all(names.map((fileName) => loadRuleSet(join(dir, fileName))));
  assertNoOverlaps(ruleSets);
  return ruleSets;
}

/**
 * The day each law's rule files take over, where a municipality chose another day than the
 * files' own `validFrom` (municipality settings, `lawSwitchDates`), by law id.
 */
export type LawSwitchDates = Readonly<Record<string, string>>;

/** The law a decision followed, as stored with it: the law's id and title, and the day its rules took over. */
export interface StoredLaw {
  id: string;
  title: { da: string; en: string };
  inForceFrom: string;
}

/** The first day a rule set applies in a municipality: the day it chose for the law, or the file's own. */
export function takesOverOn(ruleSet: RuleSet, switchDates: LawSwitchDates = {}): string {
  const chosen = switchDates[ruleSet.law.id];
  return chosen !== undefined && chosen > ruleSet.validFrom ? chosen : ruleSet.validFrom;
}

/**
 * The rule set called `name` that applies on the given day (a Date is read as a Danish calendar
 * day): of those that have taken over by then, the latest, unless its own `validTo` has passed.
 * A municipality that chose a later day for a law keeps the earlier law's rule set until then.
 */
export function selectRuleSet(
  ruleSets: readonly RuleSet[],
  name: string,
  on: Date | string,
  switchDates: LawSwitchDates = {},
): RuleSet {
  const day = typeof on === 'string' ? on : danishDate(on);
  const candidates = ruleSets.filter((ruleSet) => ruleSet.name === name);
  const started = candidates
    .filter((ruleSet) => takesOverOn(ruleSet, switchDates) <= day)
    .sort((a, b) => (takesOverOn(a, switchDates) < takesOverOn(b, switchDates) ? -1 : 1));
  const current = started.at(-1);
  if (current === undefined || (current.validTo !== null && day > current.validTo)) {
    const periods = candidates.map((ruleSet) => `${ruleSet.validFrom}..${ruleSet.validTo ?? ''} (${ruleSet.file})`);
    throw new Error(
      `No "${name}" rule set applies on ${day}` +
        (periods.length > 0 ? `; loaded periods: ${periods.join(', ')}` : '; none loaded'),
    );
  }
  return current;
}

/**
 * The rule set called `name` for a day, as selectRuleSet, but a day before the first file applies is
 * given the first file: for judging what was recorded about an earlier day, never for a decision.
 */
export function ruleSetApplyingOn(
  ruleSets: readonly RuleSet[],
  name: string,
  day: string,
  switchDates: LawSwitchDates = {},
): RuleSet {
  const first = ruleSetsInOrder(ruleSets, name, switchDates)[0];
  if (first !== undefined && day < takesOverOn(first, switchDates)) return first;
  return selectRuleSet(ruleSets, name, day, switchDates);
}

/** Every rule set loaded for `name`, in the order they take over in a municipality. */
export function ruleSetsInOrder(
  ruleSets: readonly RuleSet[],
  name: string,
  switchDates: LawSwitchDates = {},
): RuleSet[] {
  return ruleSets
    .filter((ruleSet) => ruleSet.name === name)
    .sort((a, b) => (takesOverOn(a, switchDates) < takesOverOn(b, switchDates) ? -1 : 1));
}

/**
 * A fresh engine with the rule set's rules. `allowUndefinedFacts` stays false: a fact the
 * caller forgot is an error, never a silent "no" (STYLE.md). Each rule is named by its code,
 * which is what condition listings and decisions refer to.
 */
export function createEngine(ruleSet: RuleSet): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  ruleSet.rules.forEach((rule, index) => {
    try {
      engine.addRule({
        name: rule.event.type,
        ...(rule.priority === undefined ? {} : { priority: rule.priority }),
        conditions: structuredClone(rule.conditions) as Parameters<Engine['addRule']>[0]['conditions'],
        event: structuredClone(rule.event),
      });
    } catch (error) {
      throw new RuleSetError(ruleSet.file, [`rules.${index}: ${(error as Error).message}`]);
    }
  });
  return engine;
}

/**
 * Two files of one rule set may not start on the same day, and a file that names its last day
 * must end before the next one begins: otherwise which one applies would depend on file order.
 */
function assertNoOverlaps(ruleSets: readonly RuleSet[]): void {
  for (const name of new Set(ruleSets.map((ruleSet) => ruleSet.name))) {
    const ordered = ruleSetsInOrder(ruleSets, name);
    ordered.slice(1).forEach((next, index) => {
      const previous = ordered[index];
      if (previous === undefined) return;
      if (previous.validFrom === next.validFrom || (previous.validTo !== null && previous.validTo >= next.validFrom)) {
        throw new RuleSetError(next.file, [
          `validFrom/validTo: ${next.validFrom}..${next.validTo ?? ''} overlaps ${previous.file} (${previous.validFrom}..${previous.validTo ?? ''}) for rule set "${name}"`,
        ]);
      }
    });
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(file)';
  if (issue.code === 'unrecognized_keys') return `${path}: unknown field(s) ${issue.keys.join(', ')}`;
  return `${path}: ${issue.message}`;
}

/** sha256 of JSON with sorted keys and no whitespace, so reformatting a file keeps its version. */
export function contentVersion(json: unknown): string {
  return createHash('sha256').update(canonicalJson(json)).digest('hex').slice(0, 12);
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The rule sets with the risk rules held back, for recording history after the fact (the demo seed,
 * a caseload import). Recording months of history "now" would open alerts for every stage the
 * youth passed through (a first conversation overdue five months ago, a meeting missed in July) and
 * resolve them again at the next step, all stamped with the recording time. Without the risk rules
 * the services still keep every risk column current; a sweep or a refresh with the real rules
 * afterwards opens only what the journey as it now stands calls for.
 */
export function withoutRiskRules(ruleSets: readonly RuleSet[]): RuleSet[] {
  return ruleSets.map((ruleSet) => (ruleSet.name === 'risk' ? { ...ruleSet, rules: [] } : ruleSet));
}
