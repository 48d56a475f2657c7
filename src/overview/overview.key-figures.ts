import { categories } from '../../machines/events.ts';
import { activeOfferKinds, type OfferKind } from '../offers/offer.tables.ts';
import { danishDayNumber } from '../shared/clock.ts';
import { dayNumberOf } from '../shared/days.ts';
import type { OverviewBenefitEvent, OverviewJourney, OverviewMoments } from './overview.repository.ts';
import {
  keyFigureCategories,
  type KeyFigureCategory,
  type KeyFigureSet,
  type OverviewShare,
  timeOnBenefitBands,
  type TimeOnBenefitBand,
} from './overview.schemas.ts';
import { benefitStages, stageAfter } from './overview.stages.ts';

/**
 * The key figures by STAR's and jobindsats.dk's definitions (docs/law/employment-law-2025-2027.md,
 * section 5; the texts shown beside each figure are in templates/texts/overview.*.json, under
 * `keyFigures`). Days are Danish calendar days, both ends included.
 */

/** Company-based offers (virksomhedsrettede tilbud): virksomhedspraktik and løntilskud (STAR 2017, s. 32). */
const companyBasedKinds: ReadonlySet<OfferKind> = new Set<OfferKind>([
  'internship',
  'wage_subsidy_private',
  'wage_subsidy_public',
]);
const activeKinds: ReadonlySet<OfferKind> = new Set<OfferKind>(activeOfferKinds);

/** One journey's part in the key figures: its days on benefit in the period and what it had in them. */
export interface BenefitFacts {
  category: KeyFigureCategory;
  /** Days on benefit in the period (at least 1: a journey with none is not in the population). */
  daysOnBenefit: number;
  /** Of those days, the days with at least one active LAB offer (a day with two offers counts once). */
  daysInOffer: number;
  mentor: boolean;
  companyBased: boolean;
  startedEducation: boolean;
  /** Days from the first contact to the last day on benefit in the period: the time on benefit so far. */
  spellDays: number;
}

/**
 * A journey's days on benefit in the period, or null when it had none. It is on benefit from
 * its first contact (the referral) up to and including the day it left the stages on benefit
 * (benefitStages: an exit, a redirection at the visitation, the control group, a withdrawal).
 * A visitation that records the youth as not on benefit ends the days on benefit the day before
 * it. A journey withdrawn because it was registered by mistake never counts.
 */
export function benefitFactsOf(journey: OverviewJourney, at: OverviewMoments): BenefitFacts | null {
  if (journey.registeredByMistake) return null;
  const firstContact = danishDayNumber(journey.firstContactAt);
  const lastOnBenefit = Math.min(lastDayOnBenefit(journey.benefitEvents) ?? Infinity, dayNumberOf(at.asOfDay));
  const first = Math.max(firstContact, dayNumberOf(at.from));
  if (lastOnBenefit < first) return null;

  const overlapping = journey.offers.flatMap((offer) => {
    const start = Math.max(dayNumberOf(offer.startDate), first);
    const end = Math.min(offer.endedOn === null ? Infinity : dayNumberOf(offer.endedOn), lastOnBenefit);
    return start <= end ? [{ kind: offer.kind, start, end }] : [];
  });
  const visitation = journey.benefitEvents.findLast((e) => e.type === 'VISITATION_DECIDED');
  const category = categories.find((c) => c === visitation?.category) ?? 'notVisitated';
  return {
    category,
    daysOnBenefit: lastOnBenefit - first + 1,
    daysInOffer: daysCovered(overlapping.filter((o) => activeKinds.has(o.kind))),
    mentor: overlapping.some((o) => o.kind === 'mentor'),
    companyBased: overlapping.some((o) => companyBasedKinds.has(o.kind)),
    startedEducation: journey.exitOutcome === 'education',
    spellDays: lastOnBenefit - firstContact + 1,
  };
}

/** The last day on benefit, as a day number, or null while the journey is still on benefit. */
function lastDayOnBenefit(events: readonly OverviewBenefitEvent[]): number | null {
  for (const event of events) {
    const day = danishDayNumber(event.occurredAt);
    if (event.type === 'VISITATION_DECIDED' && event.onBenefit === false) return day - 1;
    if (!benefitStages.has(stageAfter(event))) return day;
  }
  return null;
}

/** The days covered by at least one of the intervals (day numbers, both ends included). */
function daysCovered(intervals: readonly { start: number; end: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let days = 0;
  let coveredUntil = -Infinity;
  for (const { start, end } of sorted) {
    const from = Math.max(start, coveredUntil + 1);
    if (end >= from) days += end - from + 1;
    coveredUntil = Math.max(coveredUntil, end);
  }
  return days;
}

/** The band of STAR 2017, s. 34, of a time on benefit in days: weeks of 7 days, years of 365. */
export function bandOf(days: number): TimeOnBenefitBand {
  const weeks = Math.ceil(days / 7);
  if (weeks <= 4) return 'weeks0to4';
  if (weeks <= 8) return 'weeks5to8';
  if (weeks <= 13) return 'weeks9to13';
  if (weeks <= 26) return 'weeks14to26';
  if (weeks <= 39) return 'weeks27to39';
  if (weeks <= 52) return 'weeks40to52';
  if (days <= 2 * 365) return 'years1to2';
  if (days <= 3 * 365) return 'years2to3';
  return 'over3Years';
}

/** The key figures of a set of journeys on benefit, for all of them and by visitation category. */
export function keyFiguresOf(facts: readonly BenefitFacts[]): {
  all: KeyFigureSet;
  byCategory: Record<KeyFigureCategory, KeyFigureSet>;
} {
  return {
    all: figureSetOf(facts),
    byCategory: Object.fromEntries(
      keyFigureCategories.map((c) => [c, figureSetOf(facts.filter((f) => f.category === c))]),
    ) as Record<KeyFigureCategory, KeyFigureSet>,
  };
}

function figureSetOf(facts: readonly BenefitFacts[]): KeyFigureSet {
  const persons = facts.length;
  /** The share of the population for which `test` holds. */
  const shareWith = (test: (f: BenefitFacts) => boolean) => shareOf(facts.filter(test).length, persons);
  const sum = (pick: (f: BenefitFacts) => number) => facts.reduce((total, f) => total + pick(f), 0);
  const daysOnBenefit = sum((f) => f.daysOnBenefit);
  const bands = Object.fromEntries(timeOnBenefitBands.map((b) => [b, 0])) as Record<TimeOnBenefitBand, number>;
  for (const f of facts) bands[bandOf(f.spellDays)] += 1;
  return {
    population: { persons, daysOnBenefit },
    passive: shareWith((f) => f.daysInOffer === 0),
    activationRate: shareOf(
      sum((f) => f.daysInOffer),
      daysOnBenefit,
    ),
    mentor: shareWith((f) => f.mentor),
    companyBased: shareWith((f) => f.companyBased),
    startedEducation: shareWith((f) => f.startedEducation),
    timeOnBenefit: { total: persons, counts: bands },
  };
}

export function shareOf(numerator: number, denominator: number): OverviewShare {
  return { numerator, denominator, percent: denominator === 0 ? null : round1((100 * numerator) / denominator) };
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
