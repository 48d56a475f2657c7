import type { CompanyRef } from '../companies/company.repository.ts';
import type { MatchInterest, MatchParticipant, MatchWish } from './match-event.repository.ts';

/**
 * How a youth and a company found each other at a match event: both ways, or one way only.
 * In that order the list is read (Rockwool Fonden: Ny virksomhedsrettet ungeindsats (2019), "magtskifte": the youth's choice leads).
 */
export const matchKinds = ['mutual', 'youth_wish', 'company_interest'] as const;
export type MatchKind = (typeof matchKinds)[number];

export interface MatchRow {
  kind: MatchKind;
  youth: MatchParticipant;
  company: CompanyRef;
  /** The youth's rank of the company (1 = first wish), or null without a wish. */
  youthRank: number | null;
  /** The wish was chosen by the youth on their own side before the event. */
  wishedByYouth: boolean;
  companyInterested: boolean;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'da');

function kindOf(rank: number | null, interested: boolean): MatchKind {
  if (rank !== null && interested) return 'mutual';
  return rank !== null ? 'youth_wish' : 'company_interest';
}

function compare(a: MatchRow, b: MatchRow): number {
  const kind = matchKinds.indexOf(a.kind) - matchKinds.indexOf(b.kind);
  if (kind !== 0) return kind;
  switch (a.kind) {
    case 'mutual':
    case 'youth_wish':
      // The youth's ranking first: everyone's first wish before anyone's second.
      return (
        (a.youthRank ?? 0) - (b.youthRank ?? 0) ||
        byName(a.youth.name, b.youth.name) ||
        byName(a.company.name, b.company.name)
      );
    case 'company_interest':
      return byName(a.company.name, b.company.name) || byName(a.youth.name, b.youth.name);
  }
}

/**
 * One row per (youth, company) pair where either side expressed something: mutual interest
 * first (by the youth's rank), then wishes the company did not return, then interest the youth
 * did not return.
 */
export function buildMatchList(
  youth: readonly MatchParticipant[],
  companies: readonly CompanyRef[],
  wishes: readonly MatchWish[],
  interests: readonly MatchInterest[],
): MatchRow[] {
  const youthById = new Map(youth.map((y) => [y.journeyId, y]));
  const companyById = new Map(companies.map((c) => [c.id, c]));
  const key = (journeyId: string, companyId: string) => `${journeyId}/${companyId}`;
  const pairs = new Map<
    string,
    { journeyId: string; companyId: string; rank: number | null; byYouth: boolean; interested: boolean }
  >();
  for (const wish of wishes) {
    pairs.set(key(wish.journeyId, wish.companyId), { ...wish, interested: false });
  }
  for (const interest of interests) {
    const k = key(interest.journeyId, interest.companyId);
    const pair = pairs.get(k);
    if (pair) pair.interested = true;
    else pairs.set(k, { ...interest, rank: null, byYouth: false, interested: true });
  }
  const rows: MatchRow[] = [];
  for (const pair of pairs.values()) {
    const y = youthById.get(pair.journeyId);
    const company = companyById.get(pair.companyId);
    if (!y || !company) continue;
    rows.push({
      kind: kindOf(pair.rank, pair.interested),
      youth: y,
      company,
      youthRank: pair.rank,
      wishedByYouth: pair.byYouth,
      companyInterested: pair.interested,
    });
  }
  return rows.sort(compare);
}
