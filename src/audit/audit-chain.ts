import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Where a municipality's chain of audit entries stops holding. */
export interface BrokenLink {
  municipalityId: string | null;
  /** The entry's place in its municipality's chain, and its id. */
  chainSeq: string;
  entryId: string;
  /**
   * changed: the entry's content (or the hash it carries) is not what was chained;
   * personal: a personal field changed, though the entry was never pseudonymised;
   * missing: one or more entries before this one are gone.
   */
  reason: 'changed' | 'personal' | 'missing';
}

export interface ChainReport {
  entries: number;
  chains: number;
  /** The first broken link of each municipality's chain, in chain order. */
  broken: BrokenLink[];
  /** The newest hash of each chain: written down elsewhere, it shows later that no entry was cut off the end. */
  heads: Array<{ municipalityId: string | null; chainSeq: string; hash: string }>;
}

interface Row {
  id: string;
  municipality_id: string | null;
  chain_seq: string;
  previous_seq: string | null;
  hash: string;
  expected_hash: string;
  digest_matches: boolean;
  pseudonymised: boolean;
}

/**
 * Recomputes every audit entry's hash from its content and the hash of the entry before it in its
 * municipality's chain (docs/decisions/0010), with the same SQL functions the database chains new
 * entries with, and reports the first entry of each chain where that fails.
 */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const { rows } = await sql<Row>`
    select id, municipality_id, chain_seq, hash,
      lag(chain_seq) over chain as previous_seq,
      audit_log_chain_hash(lag(hash) over chain, chain_seq, municipality_id, occurred_at, action, request_id,
        personal_digest) as expected_hash,
      personal_digest = audit_log_personal_digest(user_id, youth_id, youth_ref, details, ip) as digest_matches,
      pseudonymised_at is not null as pseudonymised
    from audit_log
    window chain as (partition by municipality_id order by chain_seq)
    order by municipality_id nulls first, chain_seq`.execute(db);
  const broken = new Map<string | null, BrokenLink>();
  const heads = new Map<string | null, { municipalityId: string | null; chainSeq: string; hash: string }>();
  for (const row of rows) {
    const chain = row.municipality_id;
    heads.set(chain, { municipalityId: chain, chainSeq: String(row.chain_seq), hash: row.hash });
    if (broken.has(chain)) continue;
    const expectedSeq = row.previous_seq === null ? 1n : BigInt(row.previous_seq) + 1n;
    const reason: BrokenLink['reason'] | null =
      BigInt(row.chain_seq) !== expectedSeq
        ? 'missing'
        : row.hash !== row.expected_hash
          ? 'changed'
          : !row.pseudonymised && !row.digest_matches
            ? 'personal'
            : null;
    if (reason)
      broken.set(chain, { municipalityId: chain, chainSeq: String(row.chain_seq), entryId: String(row.id), reason });
  }
  return { entries: rows.length, chains: heads.size, broken: [...broken.values()], heads: [...heads.values()] };
}
