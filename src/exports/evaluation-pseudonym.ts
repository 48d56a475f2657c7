import { createHmac, hkdfSync } from 'node:crypto';

/**
 * The pseudonyms of the evaluation export (docs/exports.md): a keyed hash (HMAC-SHA256) of the
 * youth's CPR number, with a key of the municipality's own derived from the server's secret (HKDF,
 * salted with the municipality's id), and the evaluation's name hashed in beside the number. So:
 *
 * - the same youth has the same pseudonym in every export of one evaluation in one municipality,
 *   and a researcher can join the rows to register data the municipality pseudonymises the same way;
 * - another evaluation, or another municipality, gives the same youth an unrelated pseudonym, so
 *   two data sets cannot be joined by it;
 * - without the server's secret no one can compute a pseudonym from a CPR number, nor test a
 *   guessed number against one (a CPR number has few enough values to guess them all).
 *
 * The name is compared as a person reads it: case, surrounding spaces and runs of spaces do not
 * count ("NExTWORK 2026" and " nextwork  2026" are one evaluation).
 */
export class EvaluationPseudonyms {
  readonly #secret: string;
  readonly #keys = new Map<string, Buffer>();

  constructor(secret: string) {
    this.#secret = secret;
  }

  #keyOf(municipalityId: string): Buffer {
    let key = this.#keys.get(municipalityId);
    if (key === undefined) {
      key = Buffer.from(hkdfSync('sha256', this.#secret, municipalityId, 'evaluation-pseudonym-v1', 32));
      this.#keys.set(municipalityId, key);
    }
    return key;
  }

  /** 26 characters of base32 (130 bits): unambiguous to read aloud and safe in any file. */
  pseudonymOf(municipalityId: string, evaluation: string, cprDigits: string): string {
    const digest = createHmac('sha256', this.#keyOf(municipalityId))
      .update(`${evaluationKey(evaluation)}\n${cprDigits}`)
      .digest();
    return base32(digest).slice(0, 26);
  }
}

/** The evaluation's name as it is hashed: trimmed, spaces collapsed, lower case. */
export function evaluationKey(evaluation: string): string {
  return evaluation.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}
