/**
 * Turning plan data into the words printed on the plan: filling placeholders, writing dates
 * and times out, and cleaning text typed by people so it cannot break the page.
 */
import { isoWeekday } from '../shared/days.ts';
import { redactCpr } from '../youth/cpr.ts';
import type { Lang } from '../shared/i18n.ts';
import { formatMessage, type TextValues } from '../shared/texts.ts';
import type { PlanTexts } from './plan.template.ts';

/**
 * The sentence with every `{name}` replaced by its value: an ICU message, like the texts in
 * templates/texts/, so a sentence may also count ("{pages, plural, one {# side} other {# sider}}").
 * A value that itself contains `{...}` is printed as it is. The template loader has checked that
 * a sentence only uses placeholders its caller supplies; a missing value here is a bug in the
 * renderer and throws.
 */
export function fill(sentence: string, values: TextValues, lang: Lang): string {
  return formatMessage(sentence, lang, values);
}

type DateTexts = PlanTexts['dates'];

/** The weekday's name from the template, e.g. "tirsdag" or "Tuesday". */
export function weekdayName(weekday: number, dates: DateTexts): string {
  const name = dates.weekdays[weekday - 1];
  if (name === undefined) throw new Error(`No weekday ${weekday}`);
  return name;
}

/**
 * A day written out: "tirsdag den 3. marts 2026" with `fullDate`, "3. marts 2026" with
 * `shortDate` (used for birth dates, where the weekday means nothing).
 */
export function writtenDate(day: string, texts: PlanTexts, form: 'fullDate' | 'shortDate' = 'fullDate'): string {
  const { dates, language } = texts;
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  const monthName = dates.months[month - 1];
  if (monthName === undefined) throw new Error(`No month ${month} in ${day}`);
  const values = { day: dayOfMonth, month: monthName, year };
  return form === 'fullDate'
    ? fill(dates.fullDate, { ...values, weekday: weekdayName(isoWeekday(day), dates) }, language)
    : fill(dates.shortDate, values, language);
}

/** 'HH:MM' written the template's way: "10.00" in Danish, "10:00" in English; no leading zero on the hour. */
export function writtenTime(time: string, texts: PlanTexts): string {
  const [hour, minute] = time.split(':') as [string, string];
  return fill(texts.dates.time, { hour: String(Number(hour)), minute }, texts.language);
}

/** At most two decimals, none when whole: 37 -> "37", 12.5 -> "12,5" in Danish. */
export function writtenNumber(value: number, dates: DateTexts): string {
  return String(Number(value.toFixed(2))).replace('.', dates.decimalSeparator);
}

// ---------------------------------------------------------------------------------------------
// Cleaning text typed by people
// ---------------------------------------------------------------------------------------------

/** The longest a one-line value (a name, a place, a phone number) is printed. */
export const maxLineChars = 100;
/** The longest a free text (the goal, an agreement, a next step) is printed. */
export const maxParagraphChars = 1_000;

// C0 and C1 control characters (tab and newline are handled before), and invisible characters
// that change how text around them is laid out: zero-width spaces and joiners, soft hyphens,
// byte order marks and bidirectional overrides. The PDF is laid out left to right; a right-to-left
// override in a name would otherwise be an invisible instruction nobody can see or remove.
// eslint-disable-next-line no-control-regex
const invisibles = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

function cut(text: string, maxChars: number): string {
  const codePoints = Array.from(text);
  if (codePoints.length <= maxChars) return text;
  return `${codePoints
    .slice(0, maxChars - 1)
    .join('')
    .trimEnd()}…`;
}

/** Whether the plan's fonts can draw a character; characters they cannot are left out. */
export type HasGlyph = (codePoint: number) => boolean;

const anyGlyph: HasGlyph = () => true;

function normalise(value: string, hasGlyph: HasGlyph): string {
  return keepPrintable(
    value
      .normalize('NFC')
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/\t/g, ' ')
      .replace(invisibles, ''),
    hasGlyph,
  );
}

/**
 * One line of text fit for the plan, or undefined when nothing printable is left (so the caller
 * treats it as missing). Line breaks become spaces; characters the font lacks are left out;
 * anything shaped like a CPR number is masked, unless `maskCpr` is false (phone numbers:
 * "+4512345678" has ten digits in a row too).
 */
export function cleanLine(
  value: string | null | undefined,
  { hasGlyph = anyGlyph, maxChars = maxLineChars, maskCpr = true }: CleanOptions = {},
): string | undefined {
  if (value === null || value === undefined) return undefined;
  const line = normalise(value, hasGlyph).replace(/\s+/g, ' ').trim();
  const text = cut(maskCpr ? redactCpr(line) : line, maxChars);
  return text === '' ? undefined : text;
}

/** Free text fit for the plan: as `cleanLine`, but keeps single line breaks and one empty line in a row. */
export function cleanParagraph(
  value: string | null | undefined,
  { hasGlyph = anyGlyph, maxChars = maxParagraphChars, maskCpr = true }: CleanOptions = {},
): string | undefined {
  if (value === null || value === undefined) return undefined;
  const paragraph = normalise(value, hasGlyph)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const text = cut(maskCpr ? redactCpr(paragraph) : paragraph, maxChars);
  return text === '' ? undefined : text;
}

export interface CleanOptions {
  hasGlyph?: HasGlyph;
  maxChars?: number;
  maskCpr?: boolean;
}

/** The text without the characters the font has no glyph for (emoji, most often). */
export function keepPrintable(text: string, hasGlyph: HasGlyph): string {
  let kept = '';
  for (const char of text) {
    if (char === '\n' || hasGlyph(char.codePointAt(0) ?? 0)) kept += char;
  }
  return kept;
}
