import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { Text } from './i18n.ts';
import { type CodeOf, hasText, texts } from './texts.ts';

/**
 * Field-level messages for custom checks (CPR, dates, ...), in templates/texts/validation.*.json.
 * A schema refers to one by its key (`z.string().refine(fn, { message: 'cpr_invalid_date' })`) and
 * the user reads it in their language.
 */
export type FieldMessageKey = CodeOf<'validation'>;

/** Whether a schema's message is the key of a field message rather than a sentence of its own. */
function isFieldMessageKey(message: string): message is FieldMessageKey {
  return !message.includes('.') && hasText(`validation.${message}`);
}

/** A field message in both languages. */
export function fieldMessage(key: FieldMessageKey): Text {
  return texts(`validation.${key}`);
}

/**
 * Every issue zod can raise, said in the user's words from templates/texts/validation.*.json.
 * zod's own catalogue ("Ugyldigt input: matcher ingen af de tilladte typer", "forventede tal,
 * fik NaN") is never used: it speaks of types and syntax, not of the form in front of the user.
 */
function translate(issue: z.core.$ZodRawIssue): Text {
  // Nothing given: a missing field, or a choice left empty (an enum's "invalid value" of nothing).
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    return fieldMessage('required');
  }
  const key = issue.message;
  if (key && isFieldMessageKey(key)) return fieldMessage(key);
  switch (issue.code) {
    case 'unrecognized_keys':
      return fieldMessage('unknown_field');
    case 'invalid_type':
      return typeMessage(issue.expected, issue.input);
    case 'invalid_value':
    case 'invalid_union':
      return texts('validation.forms.chooseOption');
    case 'invalid_format':
      return formatMessage(issue.format);
    case 'too_big':
    case 'too_small':
      return boundsMessage(issue);
    case 'not_multiple_of': {
      const step = Number(issue.divisor);
      return texts('validation.forms.step', { step, example: step * 3 });
    }
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return texts('validation.forms.wrongForm');
  }
}

function typeMessage(expected: string, input: unknown): Text {
  if (['number', 'int', 'bigint'].includes(expected)) {
    return expected === 'int' && typeof input === 'number'
      ? texts('validation.numbers.wholeNumber')
      : texts('validation.numbers.writeNumber');
  }
  if (expected === 'boolean') return texts('validation.forms.yesOrNo');
  if (expected === 'string') return texts('validation.forms.writeText');
  if (expected === 'array') return texts('validation.forms.chooseAtLeast', { min: 1 });
  if (expected === 'date') return fieldMessage('date_format');
  return texts('validation.forms.wrongForm');
}

function formatMessage(format: string): Text {
  if (format === 'email') return fieldMessage('email');
  if (format === 'date') return fieldMessage('date_format');
  if (format === 'datetime') return fieldMessage('datetime_format');
  if (format === 'uuid' || format === 'guid') return texts('validation.forms.notFound');
  return texts('validation.forms.wrongForm');
}

/**
 * Numbers, lengths and choices said as a user reads them ("Højst 40.", "For lang: højst 1000
 * tegn.", "Vælg mindst én."), where zod's own words speak of types ("For stor: forventede tal
 * havde <= 40").
 */
function boundsMessage(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall>): Text {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'number':
    case 'int':
    case 'bigint': {
      const key = big ? (inclusive ? 'atMost' : 'below') : inclusive ? 'atLeast' : 'above';
      return texts(`validation.numbers.${key}`, { limit });
    }
    case 'string':
      if (big) return texts('validation.numbers.tooLong', { max: limit });
      return limit <= 1 ? fieldMessage('required') : texts('validation.forms.tooShort', { min: limit });
    case 'array':
    case 'set':
      return big
        ? texts('validation.forms.chooseAtMost', { max: limit })
        : texts('validation.forms.chooseAtLeast', { min: Math.max(limit, 1) });
    case 'date':
    case 'file':
    case undefined:
      break;
  }
  return texts('validation.forms.wrongForm');
}

export interface TranslatedIssue {
  field: string;
  messages: Text;
}

/**
 * Parses with zod and, on failure, returns each issue with its field path and its message in
 * every language. The input itself never leaves this function, so a rejected CPR number
 * cannot end up in a response or a log.
 */
export function parseWithMessages<T extends z.ZodType>(
  schema: T,
  data: unknown,
): { success: true; data: z.output<T> } | { success: false; issues: TranslatedIssue[] } {
  // The error map runs while zod still has the input; it encodes both languages into the
  // message so nothing else of the input is kept.
  const result = schema.safeParse(data, { error: (issue) => JSON.stringify(translate(issue)) });
  if (result.success) return { success: true, data: result.data };
  const issues: TranslatedIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Unknown keys are reported one field each, so a form can mark them.
      for (const key of issue.keys) {
        issues.push({ field: [...issue.path, key].map(String).join('.'), messages: fieldMessage('unknown_field') });
      }
      continue;
    }
    issues.push({ field: issue.path.map(String).join('.'), messages: decodeMessages(issue.message) });
  }
  return { success: false, issues };
}

function decodeMessages(message: string): Text {
  // A schema's own message is the key of a field message; zod prefers it over the error map.
  if (isFieldMessageKey(message)) return fieldMessage(message);
  try {
    const parsed = JSON.parse(message) as Partial<Text>;
    if (typeof parsed.da === 'string' && typeof parsed.en === 'string') return { da: parsed.da, en: parsed.en };
  } catch {
    // A sentence a schema wrote itself, not a key: it was written for developers, not users.
  }
  return texts('validation.forms.wrongForm');
}

export class RequestValidationError extends Error {
  readonly issues: TranslatedIssue[];
  constructor(issues: TranslatedIssue[]) {
    super('validation failed');
    this.issues = issues;
  }
}

/** fastify validator compiler for zod schemas that keeps the translated issues. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = parseWithMessages(schema, data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.issues) };
  };
