/**
 * What stays of stored JSON (journey events and snapshots, rule decisions, alerts, plans, audit
 * details) when the personal data goes: numbers, yes/no, ids, dates and codes; never free text.
 * A string stays only when it reads as one of those and holds none of the youth's own details.
 */

/** Keys whose value is always someone's words, whatever it looks like. */
const freeTextKeys = new Set([
  'note',
  'notes',
  'reason',
  'overrideReason',
  'entryOverrideReason',
  'otherSupportType',
  'text',
  'goal',
  'comment',
  'description',
  'referralReason',
  'name',
  'youthName',
  'email',
  'phone',
  'address',
  'place',
  'agreements',
  'nextSteps',
  'stabilisation',
  'query',
  'cpr',
]);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoInstant = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
/** camelCase or snake_case codes ('followUp', 'back_on_benefit', 'risk.passive'), event types ('VISITATION_DECIDED'). */
const code = /^(?:[a-z][a-zA-Z0-9]*(?:[_.:-][a-zA-Z0-9]+)*|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)$/;
const decimal = /^-?\d{1,7}(\.\d+)?$/;

function keepsString(value: string, known: readonly string[]): boolean {
  if (uuid.test(value) || isoInstant.test(value)) return true;
  if (value.length > 80) return false;
  // Compared whole: a code that happens to contain a short name is still a code.
  if (known.includes(value.toLowerCase())) return false;
  return code.test(value) || decimal.test(value);
}

/**
 * The value without its free text. `mode` says what becomes of a string that goes: 'null' keeps
 * the key (the shape a reader expects), 'drop' removes it (the audit log, whose pseudonymised
 * details must hold nothing the entry did not hold before).
 */
export function scrub(value: unknown, known: readonly string[], mode: 'null' | 'drop' = 'null'): unknown {
  const lowered = known.filter((k) => k.trim().length >= 3).map((k) => k.trim().toLowerCase());
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return keepsString(v, lowered) ? v : undefined;
    if (Array.isArray(v)) {
      const items = v.map(walk);
      return mode === 'drop' ? items.filter((i) => i !== undefined) : items.map((i) => (i === undefined ? null : i));
    }
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(v)) {
        const kept = freeTextKeys.has(key) && inner !== null ? undefined : walk(inner);
        if (kept !== undefined) out[key] = kept;
        else if (mode === 'null') out[key] = null;
      }
      return out;
    }
    return v;
  };
  return walk(value);
}

/** A JSON object without its free text (see scrub). */
export function scrubObject(
  value: Record<string, unknown>,
  known: readonly string[],
  mode: 'null' | 'drop' = 'null',
): Record<string, unknown> {
  return scrub(value, known, mode) as Record<string, unknown>;
}
