import type { Text } from '../shared/i18n.ts';
import { texts } from '../shared/texts.ts';

/**
 * Danish CVR numbers (the central business register's company number): eight digits whose
 * weighted sum with the weights 2, 7, 6, 5, 4, 3, 2, 1 is divisible by 11 (modulus 11).
 */

export type CvrProblem = 'cvr_format' | 'cvr_checksum';

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** What the user reads for each problem. */
export const cvrMessages: Record<CvrProblem, Text> = {
  cvr_format: texts('companies.cvrProblems.cvr_format'),
  cvr_checksum: texts('companies.cvrProblems.cvr_checksum'),
};

/**
 * Reads a CVR number as typed. Spaces are allowed between the digits ("1234 5678", as it is
 * often printed); the result is the eight digits without them.
 */
export function parseCvr(text: string): { ok: true; cvr: string } | { ok: false; problem: CvrProblem } {
  const digits = text.replace(/\s+/g, '');
  if (!/^\d{8}$/.test(digits)) return { ok: false, problem: 'cvr_format' };
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  if (sum % 11 !== 0) return { ok: false, problem: 'cvr_checksum' };
  return { ok: true, cvr: digits };
}
