import type { RuleResult } from 'json-rules-engine';
import type { Lang, Text } from '../shared/i18n.ts';
import { t } from '../shared/texts.ts';
import { createEngine } from './rule-set.loader.ts';
import type { RuleSet } from './rule-set.loader.ts';
import { eventParamsSchema, factReference } from './rule-set.schema.ts';
import type { ConditionNode, EventParams } from './rule-set.schema.ts';
import { listFormat, numberFormat } from '../shared/formats.ts';

/**
 * What a decision keeps so a caseworker can answer "why?" and the decision can be re-checked:
 * every condition of every rule, with the value the fact had and whether it held
 * (json-rules-engine `results` and `failureResults`, examples/09-rule-results.js).
 */
export interface ConditionOutcome {
  /** The code of the rule the condition belongs to. */
  rule: string;
  fact: string;
  /** JSONPath into the fact, when the condition reads part of it. */
  path?: string;
  operator: string;
  /** The value compared with; for `{ "fact": "maxAge" }`, the parameter's value. */
  value: unknown;
  /** Set when `value` came from another fact or a parameter. */
  valueFact?: string;
  factValue: unknown;
  /** null when the engine did not need to evaluate the condition. */
  result: boolean | null;
}

export interface RuleOutcome {
  code: string;
  priority: number;
  fired: boolean;
  params: EventParams;
}

export interface RuleSetRun {
  /** Rules whose conditions held, highest priority first, then in file order. */
  fired: RuleOutcome[];
  conditions: ConditionOutcome[];
}

/** Runs every rule of the rule set on the facts (parameters are added as facts). */
export async function runRuleSet(ruleSet: RuleSet, facts: Readonly<Record<string, unknown>>): Promise<RuleSetRun> {
  const engine = createEngine(ruleSet);
  const { results, failureResults } = await engine.run({ ...facts });
  const order = new Map(ruleSet.rules.map((rule, index) => [rule.event.type, index]));
  const byPriorityThenFile = (a: RuleResult, b: RuleResult) =>
    (b.priority ?? 1) - (a.priority ?? 1) || (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0);
  const all = [...results, ...failureResults].sort(byPriorityThenFile);
  return {
    fired: [...results].sort(byPriorityThenFile).map(toOutcome),
    conditions: all.flatMap(flattenConditions),
  };
}

function toOutcome(result: RuleResult): RuleOutcome {
  return {
    code: result.name,
    priority: result.priority ?? 1,
    fired: result.result === true,
    // The loader validated the params; parsing again gives them their type.
    params: eventParamsSchema.parse(result.event?.params),
  };
}

/** Every fact comparison in a rule result's condition tree, in the order of the file. */
export function flattenConditions(result: RuleResult): ConditionOutcome[] {
  const outcomes: ConditionOutcome[] = [];
  const visit = (node: ConditionNode & { factResult?: unknown; valueResult?: unknown; result?: boolean }) => {
    if (node.all) node.all.forEach(visit);
    else if (node.any) node.any.forEach(visit);
    else if (node.not) visit(node.not);
    else if (node.fact !== undefined && node.operator !== undefined) {
      const valueFact = factReference(node.value);
      outcomes.push({
        rule: result.name,
        fact: node.fact,
        ...(node.path === undefined ? {} : { path: node.path }),
        operator: node.operator,
        value: valueFact === undefined ? node.value : node.valueResult,
        ...(valueFact === undefined ? {} : { valueFact }),
        factValue: node.factResult,
        result: typeof node.result === 'boolean' ? node.result : null,
      });
    }
  };
  visit(result.conditions);
  return outcomes;
}

/**
 * Fills `{name}` placeholders of a rule set's message (rules/*.json keep their own format, as
 * part of the rule set's hashed content) from `values`. Numbers and lists are written the way
 * each language writes them ("2,5"; "gæld og misbrug"), yes and no and an empty list with the
 * words in templates/texts/rules.*.json, and codes with a label (barriers,
 * categories) are written as that label, in lower case since they stand inside a sentence.
 * A placeholder without a value is an error: the loader checked that every placeholder names
 * a fact or parameter, so a missing value means the caller left out a fact.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, unknown>>,
  lang: Lang,
  labels: Readonly<Record<string, Text>> = {},
): string {
  return template.replace(/\{([a-zA-Z][a-zA-Z0-9_]*)\}/g, (_match, key: string) => {
    if (!(key in values) || values[key] === undefined) throw new Error(`No value for placeholder {${key}}`);
    return formatRuleValue(values[key], lang, labels);
  });
}

/** Both languages of a message or recommendation, filled. */
export function fillText(
  text: Text,
  values: Readonly<Record<string, unknown>>,
  labels: Readonly<Record<string, Text>> = {},
): Text {
  return { da: fillTemplate(text.da, values, 'da', labels), en: fillTemplate(text.en, values, 'en', labels) };
}

/** A fact's or parameter's value as a sentence writes it ("2,5"; "gæld og misbrug"; "ja"). */
export function formatRuleValue(value: unknown, lang: Lang, labels: Readonly<Record<string, Text>> = {}): string {
  if (typeof value === 'number') return numberFormat(lang, { maximumFractionDigits: 2 }).format(value);
  if (typeof value === 'boolean') return t(lang, value ? 'rules.values.yes' : 'rules.values.no');
  if (typeof value === 'string') {
    const label = Object.hasOwn(labels, value) ? labels[value] : undefined;
    return label ? lowerFirst(label[lang]) : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t(lang, 'rules.values.none');
    return listFormat(lang, { style: 'long', type: 'conjunction' }).format(
      value.map((item) => formatRuleValue(item, lang, labels)),
    );
  }
  return JSON.stringify(value);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('da') + text.slice(1);
}
