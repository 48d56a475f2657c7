import type { AuditAction, NewAuditEntry } from './audit.types.ts';

/**
 * The reads one page view makes, written to the audit log once, when the page is sent
 * (docs/decisions/0010-audit-chain-and-retention.md, "One entry per page view"). A youth's page
 * calls a dozen services, and each logs what it read; written one by one, that was a dozen
 * entries and a dozen waits for the municipality's audit chain for one look at one youth.
 */
export class PageReads {
  readonly #entries: NewAuditEntry[] = [];
  readonly #rows = new Map<string, unknown>();

  constructor(
    /** The page's route, e.g. `/unge/:id`, named in an entry that joins several reads. */
    readonly page: string,
  ) {}

  add(entry: NewAuditEntry): void {
    this.#entries.push(entry);
  }

  /**
   * A row the page's services all check (the journey, the youth), read once for the page: a page
   * view changes nothing, so the first read holds for the rest of it (src/shared/reads.ts). Only
   * a row that has arrived is remembered: a service never waits for a read another one started on
   * another handle (on the embedded database's one connection, that could wait for ever).
   */
  async once<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (this.#rows.has(key)) return this.#rows.get(key) as T;
    const row = await read();
    this.#rows.set(key, row);
    return row;
  }

  /** The entries to write, and none left: a second call (an error page after a failed write) writes nothing twice. */
  take(): NewAuditEntry[] {
    return joinPageReads(this.#entries.splice(0), this.page);
  }
}

/**
 * The kinds of entry a page view gathers: reads of youth's data and lists of them. Changes, CPR
 * look-ups and renderings stay entries of their own, written where they happen.
 */
export const PAGE_READ_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'youth.read',
  'journey.read',
  'journey.listed',
  'case_note.read',
]);

/**
 * One entry per youth and kind of read, in the order first read; a kind read once keeps its
 * details as they were, several are listed under `reads` (each once) with the page. Entries that
 * name no youth (a list naming several in `youthIds`) are kept as they are, so a search of the log
 * for a youth still finds them.
 */
export function joinPageReads(entries: readonly NewAuditEntry[], page: string): NewAuditEntry[] {
  const joined = new Map<string, { entry: NewAuditEntry; reads: Array<Record<string, unknown>>; seen: Set<string> }>();
  const out: Array<NewAuditEntry | string> = [];
  for (const entry of entries) {
    if (!entry.youthId) {
      out.push(entry);
      continue;
    }
    const key = JSON.stringify([entry.action, entry.youthId, entry.userId, entry.details?.by ?? null]);
    const details = entry.details ?? {};
    const text = JSON.stringify(details);
    const found = joined.get(key);
    if (!found) {
      joined.set(key, { entry, reads: [details], seen: new Set([text]) });
      out.push(key);
    } else if (!found.seen.has(text)) {
      found.seen.add(text);
      found.reads.push(details);
    }
  }
  return out.map((item) => {
    if (typeof item !== 'string') return item;
    const { entry, reads } = joined.get(item)!;
    if (reads.length === 1) return entry;
    const by = entry.details?.by;
    return { ...entry, details: { ...(by === undefined ? {} : { by }), page, reads } };
  });
}
