import { z } from 'zod';
import { categories } from '../visitation/questionnaire.ts';

/**
 * The shape of a rule file in `rules/`. A rule file is a json-rules-engine rule list wrapped
 * in what a decision needs to be explained and re-checked later: validity dates, the source,
 * the parameters (thresholds a municipality may override) and the facts the rules read.
 * See rules/README.md for the domain expert's view of the same format.
 */

/** json-rules-engine 7's built-in operators and operator decorators (engine-default-operators). */
export const knownOperators = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
export const knownOperatorDecorators = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

/** `greaterThan`, or decorated like `someFact:in` or `not:someFact:in`. */
export function isKnownOperator(name: string): boolean {
  const parts = name.split(':');
  const operator = parts.pop();
  return (
    operator !== undefined &&
    (knownOperators as readonly string[]).includes(operator) &&
    parts.every((decorator) => (knownOperatorDecorators as readonly string[]).includes(decorator))
  );
}

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a snake_case code (a-z, 0-9, _)');
const name = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a name of letters, digits and _');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const isoDate = z.iso.date('must be a date YYYY-MM-DD');

export const localizedTextSchema = z.object({ da: nonEmpty, en: nonEmpty }).strict();

const scalar = z.union([z.number(), z.string(), z.boolean()]);
export const parameterValueSchema = z.union([scalar, z.array(scalar)]);
export type ParameterValue = z.infer<typeof parameterValueSchema>;

export const severities = ['info', 'low', 'medium', 'high'] as const;
export type Severity = (typeof severities)[number];

/**
 * A citation as a reader finds it, in the publication's own words: "STAR: Den gode ungeindsats i
 * jobcentrene (2017), s. 16", "LAB § 31, stk. 3". Never a file of the project or a working note.
 */
const citation = nonEmpty.refine((text) => !/\bseed\b|\.md\b|\bDESIGN\b/i.test(text), {
  message: 'must cite a publication or a law as a reader finds it, not a file of the project',
});

export const eventParamsSchema = z
  .object({
    code,
    /** May contain {placeholders} naming a fact or a parameter. */
    message: localizedTextSchema,
    severity: z.enum(severities).optional(),
    /** What the rule rests on, with the notes behind it, for the reader of the file. */
    source: nonEmpty,
    /**
     * The same as citations a youth or a caseworker can look up, shown beside a decision. Required
     * where decisions are shown to the youth (eligibility and visitation).
     */
    citations: z.array(citation).min(1).optional(),
    recommendation: z.object({ code, da: nonEmpty, en: nonEmpty }).strict().optional(),
    /** Eligibility rules: whether the rule makes the youth eligible. */
    eligible: z.boolean().optional(),
    /** Visitation rules: the category the rule points to. */
    category: z.enum(categories).optional(),
    /**
     * Visitation rules: while this rule fires, the suggestion goes no higher than this category,
     * whatever else points higher (a presumption such as STAR: Den gode ungeindsats i jobcentrene (2017), s. 10).
     */
    ceiling: z.enum(categories).optional(),
    /**
     * Risk rules: the codes of the rules this one stands in for. When it fires, they give no alert
     * (one passivity alert per youth: passive_long supersedes passive).
     */
    supersedes: z.array(code).min(1).optional(),
    /** Risk rules: the alert also goes to the leader (docs/domain.md, "The rules": passive_long and every high severity). */
    leader: z.boolean().optional(),
  })
  .strict();
export type EventParams = z.infer<typeof eventParamsSchema>;

/** A json-rules-engine condition: a fact comparison, or all/any/not over nested conditions. */
export interface ConditionNode {
  all?: ConditionNode[] | undefined;
  any?: ConditionNode[] | undefined;
  not?: ConditionNode | undefined;
  fact?: string | undefined;
  operator?: string | undefined;
  /** A literal, or `{ "fact": "<name>" }` to compare with another fact or a parameter. */
  value?: unknown;
  path?: string | undefined;
  name?: string | undefined;
  priority?: number | undefined;
}

const booleanKeys = ['all', 'any', 'not'] as const;

export const conditionSchema: z.ZodType<ConditionNode> = z
  .object({
    get all() {
      return z.array(conditionSchema).min(1).optional();
    },
    get any() {
      return z.array(conditionSchema).min(1).optional();
    },
    get not() {
      return conditionSchema.optional();
    },
    fact: name.optional(),
    operator: z
      .string()
      .refine(isKnownOperator, { message: `unknown operator; use one of ${knownOperators.join(', ')}` })
      .optional(),
    value: z.unknown().optional(),
    path: z.string().startsWith('$', 'must be a JSONPath starting with $').optional(),
    name: z.string().optional(),
    priority: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((condition, ctx) => {
    const present = booleanKeys.filter((key) => condition[key] !== undefined);
    if (present.length > 1) {
      ctx.addIssue({ code: 'custom', message: `use only one of ${present.join(', ')} in one condition` });
      return;
    }
    if (present.length === 1) {
      for (const key of ['fact', 'operator', 'value', 'path'] as const) {
        if (condition[key] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" does not belong next to "${present[0]}"` });
        }
      }
      return;
    }
    if (condition.fact === undefined) {
      ctx.addIssue({ code: 'custom', path: ['fact'], message: 'a condition needs "fact" (or all/any/not)' });
    }
    if (condition.operator === undefined) {
      ctx.addIssue({ code: 'custom', path: ['operator'], message: 'a condition needs "operator"' });
    }
    if (!('value' in condition)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a condition needs "value"' });
    }
  });

export const ruleSchema = z
  .object({
    /** The engine names a rule by its code; a name in the file, if any, must be that code. */
    name: code.optional(),
    /** Higher runs first (json-rules-engine); where the first firing rule decides, it decides. */
    priority: z.number().int().min(1).optional(),
    conditions: conditionSchema.refine((c) => c.all !== undefined || c.any !== undefined || c.not !== undefined, {
      message: 'the top of "conditions" must be "all", "any" or "not"',
    }),
    event: z.object({ type: code, params: eventParamsSchema }).strict(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.event.type !== rule.event.params.code) {
      ctx.addIssue({ code: 'custom', path: ['event', 'params', 'code'], message: 'must equal event.type' });
    }
    if (rule.name !== undefined && rule.name !== rule.event.type) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'must equal event.type (or be left out)' });
    }
  });
export type RuleDefinition = z.infer<typeof ruleSchema>;

/** How far a law behind a rule file has come: enacted, a bill, a draft, or a political agreement only. */
export const lawStatuses = ['enacted', 'bill', 'draft', 'agreement'] as const;
export type LawStatus = (typeof lawStatuses)[number];

/**
 * The law a rule file follows. Files of the same law share its `id`: a municipality decides the
 * day a law's rule files take over by that id (municipality settings, `lawSwitchDates`).
 */
export const lawSchema = z
  .object({
    id: code,
    title: localizedTextSchema,
    status: z.enum(lawStatuses),
    /** Where a reader finds the law's text or, until it is adopted, what the rules rest on. */
    sources: z.array(nonEmpty).min(1),
  })
  .strict();
export type Law = z.infer<typeof lawSchema>;

/** A category a visitation can choose under this rule set, in order of support needed (least first). */
export const categoryDefinitionSchema = z
  .object({
    code: z.enum(categories),
    /** What the law or the guidance says the category is, as a reader can find it. */
    source: nonEmpty,
    /** A youth of this category may be given an uddannelsespålæg (education injunction) under this law. */
    educationInjunction: z.boolean().optional(),
  })
  .strict();
export type CategoryDefinition = z.infer<typeof categoryDefinitionSchema>;

export const ruleSetFileSchema = z
  .object({
    /** What the rules decide, e.g. "eligibility"; several files may hold one rule set for different periods. */
    ruleSet: code,
    description: z.string().optional(),
    validFrom: isoDate,
    /** Last day the rules apply (inclusive); null while no end is known. */
    validTo: isoDate.nullable(),
    source: nonEmpty,
    law: lawSchema,
    /**
     * Visitation: the categories a visitation can choose while the file applies, least support
     * first; the suggestion relies on that order when reasons disagree.
     */
    categories: z.array(categoryDefinitionSchema).min(1).optional(),
    /** Thresholds and lists the conditions read as facts (`"value": { "fact": "maxAge" }`). */
    parameters: z.record(name, parameterValueSchema),
    /** Facts the caller supplies, with a short description for the reader of the file. */
    facts: z.record(name, nonEmpty),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (file.validTo !== null && file.validTo < file.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must not be before validFrom' });
    }
    const fileCategories = (file.categories ?? []).map((category) => category.code);
    if (file.ruleSet === 'visitation' && fileCategories.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: `a ${file.ruleSet} rule set must list the categories a visitation can choose (${categories.join(', ')})`,
      });
    }
    fileCategories.forEach((category, index) => {
      if (fileCategories.indexOf(category) !== index) {
        ctx.addIssue({ code: 'custom', path: ['categories', index, 'code'], message: `"${category}" is listed twice` });
      }
    });

    const parameterNames = new Set(Object.keys(file.parameters));
    const factNames = new Set(Object.keys(file.facts));
    for (const fact of factNames) {
      if (parameterNames.has(fact)) {
        ctx.addIssue({
          code: 'custom',
          path: ['facts', fact],
          message: 'is also a parameter; use one name for one thing',
        });
      }
    }
    const known = (id: string) => parameterNames.has(id) || factNames.has(id);
    const knownList = () => [...factNames, ...parameterNames].join(', ');

    const seenCodes = new Map<string, number>();
    file.rules.forEach((rule, index) => {
      const rulePath = ['rules', index];
      const codeName = rule.event.params.code;
      const earlier = seenCodes.get(codeName);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [...rulePath, 'event', 'params', 'code'],
          message: `"${codeName}" is already used by rules.${earlier}`,
        });
      }
      seenCodes.set(codeName, index);

      walkConditions(rule.conditions, [...rulePath, 'conditions'], (condition, path) => {
        if (condition.fact !== undefined && !known(condition.fact)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'fact'],
            message: `unknown fact "${condition.fact}"; declare it in "facts" or "parameters" (known: ${knownList()})`,
          });
        }
        const referenced = factReference(condition.value);
        if (referenced !== undefined && !known(referenced)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'value', 'fact'],
            message: `unknown fact "${referenced}"; declare it in "facts" or "parameters" (known: ${knownList()})`,
          });
        }
      });

      const params = rule.event.params;
      const texts: Array<[Array<string | number>, string]> = [
        [['message', 'da'], params.message.da],
        [['message', 'en'], params.message.en],
      ];
      if (params.recommendation) {
        texts.push(
          [['recommendation', 'da'], params.recommendation.da],
          [['recommendation', 'en'], params.recommendation.en],
        );
      }
      for (const [textPath, text] of texts) {
        for (const placeholder of placeholdersIn(text)) {
          if (!known(placeholder)) {
            ctx.addIssue({
              code: 'custom',
              path: [...rulePath, 'event', 'params', ...textPath],
              message: `placeholder {${placeholder}} is neither a fact nor a parameter`,
            });
          }
        }
      }

      // What each rule set's decision function needs from every event.
      if (file.ruleSet === 'eligibility' && params.eligible === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [...rulePath, 'event', 'params', 'eligible'],
          message: 'an eligibility rule must say whether it makes the youth eligible (true/false)',
        });
      }
      if ((file.ruleSet === 'eligibility' || file.ruleSet === 'visitation') && params.citations === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [...rulePath, 'event', 'params', 'citations'],
          message: 'a decision a youth reads must cite what it rests on, e.g. ["LAB § 31, stk. 3"]',
        });
      }
      if (file.ruleSet === 'visitation' && params.category === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [...rulePath, 'event', 'params', 'category'],
          message: `a visitation rule must name the category it points to (${fileCategories.join(', ')})`,
        });
      }
      for (const key of ['category', 'ceiling'] as const) {
        const named = params[key];
        if (named !== undefined && file.ruleSet === 'visitation' && !fileCategories.includes(named)) {
          ctx.addIssue({
            code: 'custom',
            path: [...rulePath, 'event', 'params', key],
            message: `"${named}" is not one of this rule set's categories (${fileCategories.join(', ')})`,
          });
        }
      }
      for (const [index, superseded] of (params.supersedes ?? []).entries()) {
        if (!file.rules.some((other) => other.event.type === superseded) || superseded === codeName) {
          ctx.addIssue({
            code: 'custom',
            path: [...rulePath, 'event', 'params', 'supersedes', index],
            message: `"${superseded}" is not another rule of this file`,
          });
        }
      }
      if (file.ruleSet === 'risk' && params.severity === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [...rulePath, 'event', 'params', 'severity'],
          message: `a risk rule must have a severity (${severities.join(', ')})`,
        });
      }
    });
  });

export type RuleSetFile = z.infer<typeof ruleSetFileSchema>;

/** `{ "fact": "maxAge" }` as a condition value refers to another fact; returns its name. */
export function factReference(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'fact' in value) {
    const fact = value.fact;
    return typeof fact === 'string' ? fact : undefined;
  }
  return undefined;
}

export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z][a-zA-Z0-9_]*)\}/g)].map((match) => match[1] ?? '');
}

export function walkConditions(
  condition: ConditionNode,
  path: Array<string | number>,
  visit: (condition: ConditionNode, path: Array<string | number>) => void,
): void {
  visit(condition, path);
  condition.all?.forEach((child, i) => walkConditions(child, [...path, 'all', i], visit));
  condition.any?.forEach((child, i) => walkConditions(child, [...path, 'any', i], visit));
  if (condition.not) walkConditions(condition.not, [...path, 'not'], visit);
}
