/**
 * Danish phone numbers: eight digits, with or without the country code (+45 or 0045), as people
 * type them ("+45 12 34 56 78", "12345678", "12-34-56-78"). Numbers in Denmark have eight digits
 * and no area codes (Erhvervsstyrelsen, the Danish numbering plan).
 */

/** The number written the Danish way, '12 34 56 78', or undefined when it is no Danish number. */
export function danishPhone(typed: string): string | undefined {
  const compact = typed.replace(/[\s-]/g, '');
  const digits = /^(?:\+45|0045)?(\d{8})$/.exec(compact)?.[1];
  return digits === undefined ? undefined : (digits.match(/\d\d/g) ?? []).join(' ');
}
