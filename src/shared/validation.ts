import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { Lang, Text } from './i18n.ts';
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

const zodLocales: Record<Lang, (issue: z.core.$ZodRawIssue) => string> = {
  da: (issue) => messageOf(z.locales.da().localeError, issue),
  en: (issue) => messageOf(z.locales.en().localeError, issue),
};

function messageOf(map: z.core.$ZodErrorMap | undefined, issue: z.core.$ZodRawIssue): string {
  const result = map?.(issue);
  if (typeof result === 'string') return result;
  return result?.message ?? 'Invalid input';
}

function translate(issue: z.core.$ZodRawIssue): Text {
  // Nothing given: a missing field, or a choice left empty (an enum's "invalid value" of nothing).
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    return fieldMessage('required');
  }
  if (issue.code === 'unrecognized_keys') return fieldMessage('unknown_field');
  if (issue.code === 'invalid_format' && issue.format === 'email') return fieldMessage('email');
  const key = issue.message;
  if (key && isFieldMessageKey(key)) return fieldMessage(key);
  return boundsMessage(issue) ?? { da: zodLocales.da(issue), en: zodLocales.en(issue) };
}

/**
 * Numbers and lengths said as a user reads them ("Højst 40.", "For lang: højst 1000 tegn."),
 * where zod's own words speak of types ("For stor: forventede tal havde <= 40").
 */
function boundsMessage(issue: z.core.$ZodRawIssue): Text | null {
  if (issue.code === 'invalid_type' && typeof issue.input === 'string' && ['number', 'int'].includes(issue.expected)) {
    return texts('validation.numbers.writeNumber');
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int' && typeof issue.input === 'number') {
    return texts('validation.numbers.wholeNumber');
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') {
    const big = issue.code === 'too_big';
    const limit = Number(big ? issue.maximum : issue.minimum);
    const inclusive = issue.inclusive !== false;
    const key = big ? (inclusive ? 'atMost' : 'below') : inclusive ? 'atLeast' : 'above';
    return texts(`validation.numbers.${key}`, { limit });
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return texts('validation.numbers.tooLong', { max: Number(issue.maximum) });
  }
  return null;
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
    // A message set by a schema without the error map (should not happen): fall through.
  }
  return { da: message, en: message };
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
