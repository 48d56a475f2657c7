import { createHmac, hkdfSync } from 'node:crypto';

/**
 * The pseudonym of a youth where the audit log no longer names them by id: after the youth was
 * deleted, and in entries pseudonymised at the end of the audit retention period. A keyed hash
 * (HMAC-SHA256 with a key derived from the secret), so the same youth has the same pseudonym in
 * every entry, and only someone holding the secret can tell whose it is by trying an id.
 */
export class AuditPseudonyms {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'ungeflow', 'audit-pseudonym-v1', 32));
  }

  youthRef(municipalityId: string, youthId: string): string {
    return createHmac('sha256', this.#key).update(`${municipalityId}:${youthId}`).digest('base64url');
  }
}
