import type { Category } from '../../machines/events.ts';
import { categoryLabels } from '../visitation/questionnaire.ts';
import type { Text } from '../shared/i18n.ts';
import { labelsOf, texts, textsEach } from '../shared/texts.ts';
import {
  firstConversationBuckets,
  type FirstConversationBucket,
  type KeyFigure,
  type KeyFigureCategory,
  keyFigures,
  type OverviewGrouping,
  overviewGroupings,
  timeOnBenefitBands,
  type TimeOnBenefitBand,
} from './overview.schemas.ts';

export { exitOutcomeLabels, followUpStatusLabels } from '../journeys/journey.labels.ts';

/**
 * The words of the key figures (STAR: Den gode ungeindsats i jobcentrene (2017), s. 30-35), for
 * the CSV export and the Overblik page; they are in templates/texts/overview.*.json.
 */
export const groupingLabels: Record<OverviewGrouping, Text> = labelsOf('overview.groupings', overviewGroupings);

export const wholeUnitLabel: Text = texts('overview.wholeUnit');
export const noGroupLabel: Text = texts('overview.noGroup');

export const visitationCategoryLabels: Record<Category, Text> = categoryLabels;

export const firstConversationLabels: Record<FirstConversationBucket, Text> = labelsOf(
  'overview.firstConversation',
  firstConversationBuckets,
);

export const shareFigures = ['passive', 'inPlacement', 'mentorContact'] as const;
export type ShareFigure = (typeof shareFigures)[number];

/** The share figures' titles; the passive share names the municipality's threshold. */
export function shareLabelsFor(passiveAfterDays: number): Record<ShareFigure, Text> {
  return Object.fromEntries(
    shareFigures.map((figure) => [figure, texts(`overview.shares.${figure}`, { days: passiveAfterDays })]),
  ) as Record<ShareFigure, Text>;
}

export const figureTitles = labelsOf('overview.figures', [
  'visitationCategories',
  'firstConversation',
  'shares',
  'exitOutcomes',
  'followUps',
  'progression',
]);

export const countWords = labelsOf('overview.counts', [
  'total',
  'numerator',
  'denominator',
  'percent',
  'average',
  'measured',
]);

/** The figures of the Overblik page, in the order shown. */
export type OverviewFigure = 'visitation' | 'first-conversation' | ShareFigure | 'exits' | 'follow-ups' | 'progression';
const overviewFigures = [
  'visitation',
  'first-conversation',
  ...shareFigures,
  'exits',
  'follow-ups',
  'progression',
] as const satisfies readonly OverviewFigure[];

/**
 * What each figure counts and as of when, shown under its title (the service documents the
 * same next to each figure). `statusOn` is the day the status figures are taken at, written out.
 */
export function figureBasisFor(statusOn: Text, passiveAfterDays: number): Record<OverviewFigure, Text> {
  const basis = (figure: OverviewFigure): Text =>
    textsEach(`overview.basis.${figure}`, (lang) => ({ statusOn: statusOn[lang], days: passiveAfterDays }));
  return Object.fromEntries(overviewFigures.map((figure) => [figure, basis(figure)])) as Record<OverviewFigure, Text>;
}

/** Whom a row counts, shown with the figures when they are broken down. */
export const groupingBasis: Record<OverviewGrouping, Text | null> = {
  unit: null,
  ...labelsOf('overview.rowsBasis', ['caseworker', 'group']),
};

/** The key figures' words: the title, the definition and the source shown beside each figure. */
export const keyFigureTexts: Record<KeyFigure, { title: Text; definition: Text; source: Text }> = Object.fromEntries(
  keyFigures.map((figure) => [
    figure,
    {
      title: texts(`overview.keyFigures.figures.${figure}.title`),
      definition: texts(`overview.keyFigures.figures.${figure}.definition`),
      source: texts(`overview.keyFigures.figures.${figure}.source`),
    },
  ]),
) as Record<KeyFigure, { title: Text; definition: Text; source: Text }>;

/** The visitation categories, and "not yet visitated", that every key figure is broken down by. */
export const keyFigureCategoryLabels: Record<KeyFigureCategory, Text> = {
  ...categoryLabels,
  notVisitated: texts('overview.keyFigures.notVisitated'),
};

export const timeOnBenefitLabels: Record<TimeOnBenefitBand, Text> = labelsOf(
  'overview.keyFigures.bands',
  timeOnBenefitBands,
);

export const keyFigureWords = labelsOf('overview.keyFigures', [
  'heading',
  'all',
  'definition',
  'source',
  'persons',
  'daysOnBenefit',
]);
