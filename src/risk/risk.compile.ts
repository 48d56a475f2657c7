import type { RuleSet } from '../rules/rule-set.loader.ts';
import { knownOperators } from '../rules/rule-set.schema.ts';
import type { ParameterValue } from '../rules/rule-set.schema.ts';

/**
 * Compiles a rule set's json-rules-engine conditions into plain JavaScript closures, once, so
 * that the nightly sweep and the backtest can evaluate hundreds of thousands of fact sets: the
 * engine costs over 100 µs per fact set (promises, an almanac and result objects for every
 * condition), a closure tree about a microsecond.
 *
 * json-rules-engine stays the reference (rules/README.md documents its semantics) and the source
 * of explanations; tests/unit/risk-compile.test.ts shows with random fact sets that both give the
 * same rules. The compiler therefore copies the engine's operators exactly, including their
 * quirks (a numeric operator is false for a fact that does not parse as a number; `any` over no
 * conditions is true), and refuses at compile time, naming the rule, whatever it does not
 * support instead of guessing: operator decorators (`someFact:in`), JSONPath (`path`), fact
 * parameters, named condition references and literal objects.
 */

/** Fact or parameter values by name. */
export type FactValues = Readonly<Record<string, unknown>>;

/** A compiled condition: reads facts and parameters, answers whether the condition holds. */
export type CompiledCondition = (facts: FactValues, parameters: FactValues) => boolean;

export interface CompiledRule {
  /** The rule's event type, which is its code. */
  readonly code: string;
  readonly priority: number;
  readonly test: CompiledCondition;
  /** The codes this rule stands in for when it fires (the file's `supersedes`). */
  readonly supersedes: readonly string[];
}

export interface CompiledRuleSet {
  readonly name: string;
  readonly version: string;
  readonly file: string;
  /** The file's parameters: used when evaluateCompiled is given none. */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  /** Highest priority first, then in file order: the order json-rules-engine reports them. */
  readonly rules: readonly CompiledRule[];
  /** The facts (not parameters) the conditions read; each must be supplied. */
  readonly factsRead: readonly string[];
  /** The parameters the conditions read; each must be present in the parameters given. */
  readonly parametersRead: readonly string[];
}

/** A rule uses something the compiler does not support; names the file, the rule and the place. */
export class RuleCompileError extends Error {
  readonly file: string;
  readonly rule: string;
  readonly path: string;

  constructor(file: string, rule: string, path: string, problem: string) {
    super(`Rule "${rule}" in ${file} cannot be compiled: ${path}: ${problem}`);
    this.name = 'RuleCompileError';
    this.file = file;
    this.rule = rule;
    this.path = path;
  }
}

type Operator = (typeof knownOperators)[number];

/** json-rules-engine 7 `numberValidator`: the fact value must parse as a number. */
function parsesAsNumber(value: unknown): boolean {
  return Number.parseFloat(value as string).toString() !== 'NaN';
}

function indexIn(list: unknown, item: unknown): number {
  // Like the engine, a list value that is not an array (or a string) throws at evaluation.
  return (list as { indexOf(item: unknown): number }).indexOf(item);
}

/**
 * json-rules-engine 7's default operators (engine-default-operators.js), line for line. The
 * numeric ones test `typeof a === 'number'` first only to skip the engine's parse of the number's
 * text: for a number the engine's check fails only for NaN, and a comparison with NaN is false
 * anyway, so the result is the same.
 */
const operators: Record<Operator, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexIn(b, a) > -1,
  notIn: (a, b) => indexIn(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => (typeof a === 'number' ? a < (b as number) : parsesAsNumber(a) && (a as number) < (b as number)),
  lessThanInclusive: (a, b) =>
    typeof a === 'number' ? a <= (b as number) : parsesAsNumber(a) && (a as number) <= (b as number),
  greaterThan: (a, b) =>
    typeof a === 'number' ? a > (b as number) : parsesAsNumber(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) =>
    typeof a === 'number' ? a >= (b as number) : parsesAsNumber(a) && (a as number) >= (b as number),
};

function isOperator(name: string): name is Operator {
  return Object.hasOwn(operators, name);
}

const comparisonKeys = new Set(['fact', 'operator', 'value', 'name', 'priority']);
const booleanKeys = new Set(['all', 'any', 'not', 'name', 'priority']);

interface CompileContext {
  file: string;
  rule: string;
  parameterNames: ReadonlySet<string>;
  factNames: ReadonlySet<string>;
  factsRead: Set<string>;
  parametersRead: Set<string>;
}

/** Compiles every rule of the rule set; throws RuleCompileError on the first thing it cannot compile. */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const factsRead = new Set<string>();
  const parametersRead = new Set<string>();
  const parameterNames = new Set(Object.keys(ruleSet.parameters));
  const factNames = new Set(Object.keys(ruleSet.facts));
  const compiled = ruleSet.rules.map((rule, index) => {
    const code = rule.event.type;
    const context: CompileContext = {
      file: ruleSet.file,
      rule: code,
      parameterNames,
      factNames,
      factsRead,
      parametersRead,
    };
    const top = rule.conditions as unknown;
    const path = `rules.${index}.conditions`;
    if (!isRecord(top) || !isBoolean(top)) {
      refuse(context, path, 'the top of "conditions" must be "all", "any" or "not"');
    }
    // json-rules-engine's default rule priority is 1.
    return {
      code,
      priority: rule.priority ?? 1,
      test: compileCondition(top, path, context),
      supersedes: rule.event.params.supersedes ?? [],
    };
  });
  // Array.prototype.sort is stable: equal priorities keep the file's order.
  compiled.sort((a, b) => b.priority - a.priority);
  return {
    name: ruleSet.name,
    version: ruleSet.version,
    file: ruleSet.file,
    parameters: ruleSet.parameters,
    rules: compiled,
    factsRead: [...factsRead].sort(),
    parametersRead: [...parametersRead].sort(),
  };
}

/**
 * The codes of the rules whose conditions hold, highest priority first, then in file order.
 * `parameters` are the effective thresholds (a municipality's overrides merged with the file's);
 * they default to the file's own. Like the engine with allowUndefinedFacts false, a fact or
 * parameter the rules read that is missing is an error, checked before any rule runs.
 */
export function evaluateCompiled(
  compiled: CompiledRuleSet,
  facts: FactValues,
  parameters: FactValues = compiled.parameters,
): string[] {
  assertPresent(compiled.factsRead, facts, 'fact');
  assertPresent(compiled.parametersRead, parameters, 'parameter');
  const fired: CompiledRule[] = [];
  for (const rule of compiled.rules) {
    if (rule.test(facts, parameters)) fired.push(rule);
  }
  // A rule that fires stands in for the rules it supersedes: passive_long for passive.
  const superseded = new Set(fired.flatMap((rule) => rule.supersedes));
  return fired.filter((rule) => !superseded.has(rule.code)).map((rule) => rule.code);
}

function assertPresent(names: readonly string[], values: FactValues, kind: string): void {
  for (const name of names) {
    if (values[name] === undefined && !(name in values)) throw new Error(`Undefined ${kind}: ${name}`);
  }
}

function compileCondition(node: unknown, path: string, context: CompileContext): CompiledCondition {
  if (!isRecord(node)) refuse(context, path, 'a condition must be an object');
  if (isBoolean(node)) return compileBoolean(node, path, context);
  return compileComparison(node, path, context);
}

function compileBoolean(node: Record<string, unknown>, path: string, context: CompileContext): CompiledCondition {
  const present = (['all', 'any', 'not'] as const).filter((key) => node[key] !== undefined);
  if (present.length > 1) refuse(context, path, `use only one of ${present.join(', ')} in one condition`);
  for (const key of definedKeys(node)) {
    if (!booleanKeys.has(key)) refuse(context, `${path}.${key}`, `"${key}" is not supported next to "${present[0]}"`);
  }

  if (node.not !== undefined) {
    if (Array.isArray(node.not)) refuse(context, `${path}.not`, '"not" takes one condition, not a list');
    const inner = compileCondition(node.not, `${path}.not`, context);
    return (facts, parameters) => !inner(facts, parameters);
  }

  const key = node.all !== undefined ? 'all' : 'any';
  const list = node[key];
  if (!Array.isArray(list)) refuse(context, `${path}.${key}`, `"${key}" must be a list of conditions`);
  const children = list.map((child, i) => compileCondition(child, `${path}.${key}.${i}`, context));
  // The engine answers true for an empty "all" and for an empty "any" alike.
  if (children.length === 0) return () => true;
  // Condition priorities only order the engine's work and where it stops; the answer is the same.
  if (key === 'all') {
    const [first, second, third] = children;
    if (children.length === 1 && first) return first;
    if (children.length === 2 && first && second) return (f, p) => first(f, p) && second(f, p);
    if (children.length === 3 && first && second && third) return (f, p) => first(f, p) && second(f, p) && third(f, p);
    return (f, p) => {
      for (const child of children) if (!child(f, p)) return false;
      return true;
    };
  }
  const [first, second] = children;
  if (children.length === 1 && first) return first;
  if (children.length === 2 && first && second) return (f, p) => first(f, p) || second(f, p);
  return (f, p) => {
    for (const child of children) if (child(f, p)) return true;
    return false;
  };
}

function compileComparison(node: Record<string, unknown>, path: string, context: CompileContext): CompiledCondition {
  for (const key of definedKeys(node)) {
    if (!comparisonKeys.has(key)) {
      const why =
        key === 'path'
          ? 'JSONPath ("path") is not supported'
          : key === 'params'
            ? 'fact parameters ("params") are not supported'
            : key === 'condition'
              ? 'named condition references are not supported'
              : `"${key}" is not supported in a condition`;
      refuse(context, `${path}.${key}`, why);
    }
  }
  const { fact, operator } = node;
  if (typeof fact !== 'string') refuse(context, `${path}.fact`, 'a condition needs "fact" naming a fact');
  if (typeof operator !== 'string') refuse(context, `${path}.operator`, 'a condition needs "operator"');
  if (!('value' in node)) refuse(context, `${path}.value`, 'a condition needs "value"');
  if (!isOperator(operator)) {
    const problem = operator.includes(':')
      ? `operator decorators ("${operator}") are not supported`
      : `unknown operator "${operator}"`;
    refuse(context, `${path}.operator`, `${problem}; supported: ${knownOperators.join(', ')}`);
  }

  const left = operand(fact, `${path}.fact`, context);
  const value = node.value;

  if (isRecord(value)) {
    if (!Object.hasOwn(value, 'fact')) {
      refuse(context, `${path}.value`, 'an object value must be a fact reference { "fact": "<name>" }');
    }
    const extra = Object.keys(value).filter((key) => key !== 'fact');
    if (extra.length > 0) {
      refuse(context, `${path}.value`, `a fact reference with ${extra.join(', ')} is not supported`);
    }
    if (typeof value.fact !== 'string') refuse(context, `${path}.value.fact`, 'must name a fact');
    return comparison(operator, left, operand(value.fact, `${path}.value.fact`, context));
  }

  const listOperator = operator === 'in' || operator === 'notIn';
  if (listOperator && !Array.isArray(value)) refuse(context, `${path}.value`, `"${operator}" needs a list value`);
  if (!listOperator && Array.isArray(value)) {
    refuse(context, `${path}.value`, `a list value is not supported with "${operator}"`);
  }
  const items: unknown[] = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (item !== null && typeof item === 'object') {
      refuse(context, `${path}.value`, 'nested objects and lists are not supported as values');
    }
  }
  // Literal values are copied so that a later change to the rule object cannot change the closure.
  return comparison(operator, left, { source: LITERAL, name: '', literal: Array.isArray(value) ? [...items] : value });
}

const FACT = 0;
const PARAMETER = 1;
const LITERAL = 2;

/** Where a comparison's side comes from: a fact, a parameter (both by name) or a literal. */
interface Operand {
  source: typeof FACT | typeof PARAMETER | typeof LITERAL;
  name: string;
  literal: unknown;
}

/** A parameter is read from the parameters, anything else from the facts (parameters win, as in runRuleSet). */
function operand(name: string, path: string, context: CompileContext): Operand {
  if (context.parameterNames.has(name)) {
    context.parametersRead.add(name);
    return { source: PARAMETER, name, literal: undefined };
  }
  if (context.factNames.has(name)) {
    context.factsRead.add(name);
    return { source: FACT, name, literal: undefined };
  }
  return refuse(context, path, `unknown fact "${name}"; declare it in "facts" or "parameters"`);
}

/** Small and called from one place per operator below, so the engine inlines it. */
function read(source: number, name: string, literal: unknown, facts: FactValues, parameters: FactValues): unknown {
  return source === FACT ? facts[name] : source === PARAMETER ? parameters[name] : literal;
}

/**
 * One closure per operator, each calling its operator directly: a shared closure calling
 * `operators[operator]` through a variable would see every operator at one call site and could
 * not inline any of them, which costs several times the comparison itself.
 */
function comparison(operator: Operator, left: Operand, right: Operand): CompiledCondition {
  const { source: ls, name: ln } = left;
  const { source: rs, name: rn, literal: rv } = right;
  switch (operator) {
    case 'equal':
      return (f, p) => operators.equal(read(ls, ln, undefined, f, p), read(rs, rn, rv, f, p));
    case 'notEqual':
      return (f, p) => operators.notEqual(read(ls, ln, undefined, f, p), read(rs, rn, rv, f, p));
    case 'in':
      return (f, p) => operators.in(read(ls, ln, undefined, f, p), read(rs, rn, rv, f, p));
    case 'notIn':
      return (f, p) => operators.notIn(read(ls, ln, undefined, f, p), read(rs, rn, rv, f, p));
    case 'contains':
      return (f, p) => operators.contains(read(ls, ln, undefined, f, p), read(rs, rn, rv, f, p));
    case 'doesNotContain':
      return (f, p) => operators.doesNotContain(read(ls, ln, undefined, f, p), read(rs, rn, rv, f, p));
    case 'lessThan':
      return (f, p) => operators.lessThan(read(ls, ln, undefined, f, p), read(rs, rn, rv, f, p));
    case 'lessThanInclusive':
      return (f, p) => operators.lessThanInclusive(read(ls, ln, undefined, f, p), read(rs, rn, rv, f, p));
    case 'greaterThan':
      return (f, p) => operators.greaterThan(read(ls, ln, undefined, f, p), read(rs, rn, rv, f, p));
    case 'greaterThanInclusive':
      return (f, p) => operators.greaterThanInclusive(read(ls, ln, undefined, f, p), read(rs, rn, rv, f, p));
  }
}

function refuse(context: CompileContext, path: string, problem: string): never {
  throw new RuleCompileError(context.file, context.rule, path, problem);
}

function isBoolean(node: Record<string, unknown>): boolean {
  return node.all !== undefined || node.any !== undefined || node.not !== undefined;
}

/** Keys with a value: a parsed condition may carry optional keys set to undefined. */
function definedKeys(node: Record<string, unknown>): string[] {
  return Object.keys(node).filter((key) => node[key] !== undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
