import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** The rules a password a person chooses must meet (checked by newPasswordSchema in auth.schemas.ts). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

// argon2id with the library's defaults (19 MiB memory, 2 passes), the OWASP baseline.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of no one's password, verified when the e-mail is unknown so that a failed login takes
 * the same time whether or not the account exists.
 */
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-that-matches-nobody');
  await verifyPassword(await decoyHash, password);
}

/** Letters and digits no one mistakes for each other when copying by hand: no 0/o, 1/l. 32 of them. */
const ONE_TIME_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A random password for someone else to use once (the first administrator of a new municipality):
 * 20 characters of 32, i.e. 100 bits, in groups of four so it can be read out and typed. 256 is a
 * multiple of 32, so every character is equally likely.
 */
export function oneTimePassword(): string {
  const characters = [...randomBytes(20)].map((byte) => ONE_TIME_ALPHABET[byte % ONE_TIME_ALPHABET.length]);
  return characters.join('').replace(/(.{4})(?=.)/g, '$1-');
}
