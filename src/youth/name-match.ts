/**
 * Finding a youth by name despite a small misspelling ("mikel" finds Mikkel, "sørensn" finds
 * Sørensen). Names are compared in code, not in SQL: neither pg_trgm nor fuzzystrmatch can be
 * taken for granted on the municipality's PostgreSQL, and PGlite loads them only as extra
 * modules; a municipality's few thousand names are read and compared in a few milliseconds
 * (bench/search.ts).
 */

/** Lower case, accents dropped ("é" as "e", "å" as "a"); "æ" and "ø" are letters of their own. */
export function normaliseName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const tokensOf = (text: string) =>
  normaliseName(text)
    .split(/[\s-]+/)
    .filter(Boolean);

/** How many typing errors a word of this length may have: none in a short one, two in a long one. */
export function allowedErrors(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

/**
 * The optimal-string-alignment distance (insertions, deletions, substitutions and swaps of two
 * neighbouring letters), or undefined when it is more than `max`: rows stop early once every
 * cell is past it.
 */
export function editDistanceWithin(a: string, b: string, max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > max) return undefined;
    before = previous;
    previous = current;
  }
  const distance = previous[b.length] ?? 0;
  return distance <= max ? distance : undefined;
}

/** How far one typed word is from one word of a name: 0 when the name's word begins with it. */
function wordDistance(typed: string, word: string): number | undefined {
  if (word.startsWith(typed)) return 0;
  const max = allowedErrors(typed.length);
  if (max === 0) return undefined;
  // The whole word ("mikel" for "mikkel"), or its beginning, for a name typed only in part.
  const distances = [word, word.slice(0, typed.length), word.slice(0, typed.length + 1)].map((w) =>
    editDistanceWithin(typed, w, max),
  );
  const found = distances.filter((d): d is number => d !== undefined);
  return found.length > 0 ? Math.min(...found) : undefined;
}

/**
 * How well a typed text matches a name: 0 when the name contains it as typed (the search as it
 * always was), otherwise the number of typing errors when every typed word is close to a word of
 * the name; undefined when it does not match.
 */
export function nameDistance(typed: string, name: string): number | undefined {
  return matcherOf(typed)(name);
}

/** nameDistance with the typed text prepared once, for comparing it with many names. */
function matcherOf(typed: string): (name: string) => number | undefined {
  const text = normaliseName(typed).trim();
  const typedWords = tokensOf(text);
  return (name) => {
    if (!text) return undefined;
    const normalised = normaliseName(name);
    if (normalised.includes(text)) return 0;
    const words = normalised.split(/[\s-]+/).filter(Boolean);
    let total = 0;
    for (const typedWord of typedWords) {
      let best: number | undefined;
      for (const word of words) {
        const d = wordDistance(typedWord, word);
        if (d !== undefined && (best === undefined || d < best)) best = d;
        if (best === 0) break;
      }
      if (best === undefined) return undefined;
      total += best;
    }
    return total;
  };
}

/** The names that match, closest first, then in name order (stable: then by id). */
export function rankByName<T extends { id: string; name: string }>(candidates: readonly T[], typed: string): T[] {
  const scored: Array<{ item: T; distance: number }> = [];
  const distanceTo = matcherOf(typed);
  for (const item of candidates) {
    const distance = distanceTo(item.name);
    if (distance !== undefined) scored.push({ item, distance });
  }
  return scored
    .sort(
      (a, b) =>
        a.distance - b.distance ||
        a.item.name.localeCompare(b.item.name, 'da') ||
        (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    )
    .map((s) => s.item);
}
