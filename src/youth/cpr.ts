/**
 * Danish CPR numbers (personnummer): DDMMYY-SSSS. The 7th digit together with the year gives
 * the century (CPR-kontoret's table). There is no modulus-11 check: numbers issued since
 * 2007 need not satisfy it.
 */

export type CprProblem = 'cpr_format' | 'cpr_invalid_date' | 'cpr_in_future';

export interface Cpr {
  /** The ten digits without separator. */
  digits: string;
  /** 'YYYY-MM-DD'. */
  birthDate: string;
}

// A dash, a space or nothing between birth date and serial number: people type all three.
const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})[- ]?(\d{4})$/;

/** True when the text has the shape of a CPR number (used to route a search). */
export function looksLikeCpr(text: string): boolean {
  return CPR_PATTERN.test(text.trim());
}

function centuryFor(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  // 5-8
  return yy <= 57 ? 2000 : 1800;
}

export function parseCpr(
  text: string,
  today: Date = new Date(),
): { ok: true; cpr: Cpr } | { ok: false; problem: CprProblem } {
  const match = CPR_PATTERN.exec(text.trim());
  if (!match) return { ok: false, problem: 'cpr_format' };
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = centuryFor(Number(serial[0]), Number(yy)) + Number(yy);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: 'cpr_invalid_date' };
  }
  const birthDate = `${String(year).padStart(4, '0')}-${mm}-${dd}`;
  if (birthDate > isoDate(today)) return { ok: false, problem: 'cpr_in_future' };
  return { ok: true, cpr: { digits: `${dd}${mm}${yy}${serial}`, birthDate } };
}

/** DDMMYY-XXXX: the form shown everywhere but on an explicit, audited reveal. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-XXXX`;
}

/** DDMMYY-SSSS. */
export function formatCpr(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** Whole years of age on a given day ('YYYY-MM-DD'), counting the birthday itself. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Replaces anything shaped like a CPR number in free text (URLs, messages) with its masked form.
 * Used on everything that reaches a log.
 */
export function redactCpr(text: string): string {
  return text.replace(/(?<!\d)(\d{6})(?:-|%2D| |%20|\+)?\d{4}(?!\d)/gi, '$1-XXXX');
}

// Six digits, as a date of birth is typed: "010203", "01-02-03", "01.02.03", "01/02/03", "01 02 03".
const BIRTH_DATE_PATTERN = /^(\d{2})[-./ ]?(\d{2})[-./ ]?(\d{2})$/;

/**
 * The days of birth a typed DDMMYY can be, without the serial number that tells the century:
 * 20YY and 19YY, each when it is a real date not after `today` ('YYYY-MM-DD'). Empty when the
 * text is no such date.
 */
export function birthDatesOf(text: string, today: string): string[] {
  const match = BIRTH_DATE_PATTERN.exec(text.trim());
  if (!match) return [];
  const [, dd, mm, yy] = match as unknown as [string, string, string, string];
  return [2000, 1900]
    .map((century) => `${century + Number(yy)}-${mm}-${dd}`)
    .filter((day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day && day <= today;
    });
}
