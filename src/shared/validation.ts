import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { Lang, Text } from './i18n.ts';

/**
 * Field-level messages for custom checks (CPR, dates, ...). A schema refers to one by key
 * (`z.string().refine(fn, { message: 'cpr_invalid_date' })`) and the user reads it in their language.
 */
export const fieldMessages = {
  required: { da: 'Skal udfyldes.', en: 'Required.' },
  cpr_format: {
    da: 'CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre.',
    en: 'The CPR number must have the form DDMMYY-XXXX or 10 digits.',
  },
  cpr_invalid_date: {
    da: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.',
    en: 'The CPR number does not contain a valid date of birth.',
  },
  cpr_in_future: {
    da: 'CPR-nummerets fødselsdato ligger i fremtiden.',
    en: 'The date of birth in the CPR number lies in the future.',
  },
  email: { da: 'Ugyldig e-mailadresse.', en: 'Invalid e-mail address.' },
  phone: {
    da: 'Telefonnummeret må kun indeholde cifre, mellemrum, + og -.',
    en: 'The phone number may only contain digits, spaces, + and -.',
  },
  not_blank: { da: 'Må ikke være tomt.', en: 'Must not be empty.' },
  password_length: {
    da: 'Adgangskoden skal være på mindst 12 tegn.',
    en: 'The password must be at least 12 characters long.',
  },
  unknown_field: { da: 'Ukendt felt.', en: 'Unknown field.' },
  passive_long_above_passive: {
    da: 'Antal dage for lang passivitet skal være større end antal dage for passivitet.',
    en: 'The days for long passivity must be more than the days for passivity.',
  },
  duplicate_value: { da: 'Den samme værdi må kun vælges én gang.', en: 'The same value may be chosen only once.' },
  date_format: { da: 'Datoen skal have formen ÅÅÅÅ-MM-DD.', en: 'The date must have the form YYYY-MM-DD.' },
  datetime_format: {
    da: 'Tidspunktet skal være en ISO-dato med klokkeslæt.',
    en: 'The time must be an ISO date and time.',
  },
} satisfies Record<string, Text>;

export type FieldMessageKey = keyof typeof fieldMessages;

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
    return fieldMessages.required;
  }
  if (issue.code === 'unrecognized_keys') return fieldMessages.unknown_field;
  if (issue.code === 'invalid_format' && issue.format === 'email') return fieldMessages.email;
  const key = issue.message;
  if (key && key in fieldMessages) return fieldMessages[key as FieldMessageKey];
  return boundsMessage(issue) ?? { da: zodLocales.da(issue), en: zodLocales.en(issue) };
}

const numberIn = (n: number | bigint, lang: Lang) => Number(n).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');

/**
 * Numbers and lengths said as a user reads them ("Højst 40.", "For lang: højst 1000 tegn."),
 * where zod's own words speak of types ("For stor: forventede tal havde <= 40").
 */
function boundsMessage(issue: z.core.$ZodRawIssue): Text | null {
  if (issue.code === 'invalid_type' && typeof issue.input === 'string' && ['number', 'int'].includes(issue.expected)) {
    return { da: 'Skriv et tal, fx 7 eller 7,5.', en: 'Write a number, e.g. 7 or 7.5.' };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int' && typeof issue.input === 'number') {
    return { da: 'Skal være et helt tal.', en: 'Must be a whole number.' };
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') {
    const big = issue.code === 'too_big';
    const limit = big ? issue.maximum : issue.minimum;
    const inclusive = issue.inclusive !== false;
    const words = {
      da: big ? (inclusive ? 'Højst' : 'Skal være under') : inclusive ? 'Mindst' : 'Skal være over',
      en: big ? (inclusive ? 'At most' : 'Must be below') : inclusive ? 'At least' : 'Must be above',
    };
    return { da: `${words.da} ${numberIn(limit, 'da')}.`, en: `${words.en} ${numberIn(limit, 'en')}.` };
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return {
      da: `For lang: højst ${numberIn(issue.maximum, 'da')} tegn.`,
      en: `Too long: at most ${numberIn(issue.maximum, 'en')} characters.`,
    };
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
        issues.push({ field: [...issue.path, key].map(String).join('.'), messages: fieldMessages.unknown_field });
      }
      continue;
    }
    issues.push({ field: issue.path.map(String).join('.'), messages: decodeMessages(issue.message) });
  }
  return { success: false, issues };
}

function decodeMessages(message: string): Text {
  // A schema's own message is a key of fieldMessages; zod prefers it over the error map.
  if (message in fieldMessages) return fieldMessages[message as FieldMessageKey];
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
