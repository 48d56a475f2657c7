import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts CPR numbers (AES-256-GCM) and makes the keyed hash used to find them. Both keys are
 * derived from one secret with HKDF, so the encryption key and the search key are independent.
 * The municipality id is bound to every ciphertext (as associated data) and to every hash, so a
 * value copied to another tenant neither decrypts nor matches.
 */
export class CprVault {
  readonly #encryptionKey: Buffer;
  readonly #searchKey: Buffer;

  constructor(secret: string) {
    this.#encryptionKey = Buffer.from(hkdfSync('sha256', secret, 'ungeflow', 'cpr-encryption-v1', 32));
    this.#searchKey = Buffer.from(hkdfSync('sha256', secret, 'ungeflow', 'cpr-search-v1', 32));
  }

  encrypt(municipalityId: string, digits: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#encryptionKey, iv);
    cipher.setAAD(Buffer.from(municipalityId));
    const ciphertext = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
  }

  decrypt(municipalityId: string, stored: string): string {
    if (!stored.startsWith('v1:')) throw new Error('Unknown CPR ciphertext version');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.#encryptionKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(municipalityId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  searchHash(municipalityId: string, digits: string): string {
    return createHmac('sha256', this.#searchKey).update(`${municipalityId}:${digits}`).digest('base64url');
  }
}

/** A random token for sessions and API tokens, and the hash that is stored instead of it. */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
