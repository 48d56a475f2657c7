import { categories, exitOutcomes, followUpStatuses } from '../../machines/events.ts';
import { progressionFactorLabels, progressionFactors } from '../progression/progression.factors.ts';
import { csvCell, csvFile } from '../shared/csv.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import {
  countWords,
  exitOutcomeLabels,
  figureTitles,
  firstConversationLabels,
  followUpStatusLabels,
  groupingLabels,
  keyFigureCategoryLabels,
  keyFigureTexts,
  keyFigureWords,
  shareFigures,
  shareLabelsFor,
  timeOnBenefitLabels,
  visitationCategoryLabels,
} from './overview.labels.ts';
import {
  firstConversationBuckets,
  keyFigureCategories,
  type KeyFigureSet,
  keyFigures,
  keyFigureShares,
  type Overview,
  type OverviewRow,
  timeOnBenefitBands,
} from './overview.schemas.ts';

interface Column {
  heading: string;
  value: (row: OverviewRow) => string | number | null;
}

function columnsFor(overview: Overview, lang: Lang): Column[] {
  const n = (value: number | null) => (value === null ? '' : lang === 'da' ? String(value).replace('.', ',') : value);
  const t = (title: { da: string; en: string }, part: { da: string; en: string }) => `${title[lang]}: ${part[lang]}`;
  const shareLabels = shareLabelsFor(overview.passiveAfterDays);
  return [
    { heading: groupingLabels[overview.by][lang], value: (r) => r.label },
    {
      heading: t(figureTitles.visitationCategories, countWords.total),
      value: (r) => r.visitationCategories.total,
    },
    ...categories.map((c) => ({
      heading: t(figureTitles.visitationCategories, visitationCategoryLabels[c]),
      value: (r: OverviewRow) => r.visitationCategories.counts[c],
    })),
    ...firstConversationBuckets.map((b) => ({
      heading: t(figureTitles.firstConversation, firstConversationLabels[b]),
      value: (r: OverviewRow) => r.firstConversation.counts[b],
    })),
    ...shareFigures.flatMap((s) => [
      { heading: t(shareLabels[s], countWords.numerator), value: (r: OverviewRow) => r[s].numerator },
      { heading: t(shareLabels[s], countWords.denominator), value: (r: OverviewRow) => r[s].denominator },
      { heading: t(shareLabels[s], countWords.percent), value: (r: OverviewRow) => n(r[s].percent) },
    ]),
    ...exitOutcomes.map((o) => ({
      heading: t(figureTitles.exitOutcomes, exitOutcomeLabels[o]),
      value: (r: OverviewRow) => r.exitOutcomes.counts[o],
    })),
    ...followUpStatuses.map((s) => ({
      heading: t(figureTitles.followUps, followUpStatusLabels[s]),
      value: (r: OverviewRow) => r.followUps.counts[s],
    })),
    ...keyFigureColumns(lang, n),
    ...progressionFactors.flatMap((factor) => [
      {
        heading: `${progressionFactorLabels[factor][lang]}: ${countWords.average[lang]}`,
        value: (r: OverviewRow) => n(r.progression.find((p) => p.factor === factor)?.average ?? null),
      },
      {
        heading: `${progressionFactorLabels[factor][lang]}: ${countWords.measured[lang]}`,
        value: (r: OverviewRow) => r.progression.find((p) => p.factor === factor)?.denominator ?? 0,
      },
    ]),
  ];
}

/**
 * The key figures by STAR's definitions: each figure for all and for each visitation category,
 * headed "<figure>, <category>: <part>".
 */
function keyFigureColumns(lang: Lang, n: (value: number | null) => string | number): Column[] {
  const sets = [
    { label: keyFigureWords.all, pick: (r: OverviewRow) => r.keyFigures.all },
    ...keyFigureCategories.map((c) => ({
      label: keyFigureCategoryLabels[c],
      pick: (r: OverviewRow) => r.keyFigures.byCategory[c],
    })),
  ];
  return sets.flatMap(({ label, pick }) => {
    const heading = (title: Text, part: Text) => `${title[lang]}, ${label[lang]}: ${part[lang]}`;
    const of = (figure: (set: KeyFigureSet) => string | number | null) => (r: OverviewRow) => figure(pick(r));
    const population = keyFigureTexts.population.title;
    const time = keyFigureTexts.timeOnBenefit.title;
    return [
      { heading: heading(population, keyFigureWords.persons), value: of((s) => s.population.persons) },
      { heading: heading(population, keyFigureWords.daysOnBenefit), value: of((s) => s.population.daysOnBenefit) },
      ...keyFigureShares.flatMap((figure) => {
        const title = keyFigureTexts[figure].title;
        return [
          { heading: heading(title, countWords.numerator), value: of((s) => s[figure].numerator) },
          { heading: heading(title, countWords.denominator), value: of((s) => s[figure].denominator) },
          { heading: heading(title, countWords.percent), value: of((s) => n(s[figure].percent)) },
        ];
      }),
      ...timeOnBenefitBands.map((band) => ({
        heading: heading(time, timeOnBenefitLabels[band]),
        value: of((s) => s.timeOnBenefit.counts[band]),
      })),
    ];
  });
}

/**
 * The key figures as CSV: semicolon-separated (what Danish Excel expects), one line per row;
 * after an empty line, each key figure by STAR's definitions with its definition and source.
 */
export function overviewToCsv(overview: Overview, lang: Lang): string {
  const columns = columnsFor(overview, lang);
  const lines = [
    columns.map((c) => csvCell(c.heading)),
    ...overview.rows.map((row) => columns.map((c) => csvCell(c.value(row)))),
    [],
    [keyFigureWords.heading, keyFigureWords.definition, keyFigureWords.source].map((w) => csvCell(w[lang])),
    ...keyFigures.map((figure) => {
      const { title, definition, source } = keyFigureTexts[figure];
      return [title, definition, source].map((w) => csvCell(w[lang]));
    }),
  ];
  return csvFile(lines);
}
