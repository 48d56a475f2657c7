import { categories, exitOutcomes, followUpStatuses } from '../../machines/events.ts';
import { progressionFactorLabels, progressionFactors } from '../progression/progression.factors.ts';
import type { Lang } from '../shared/i18n.ts';
import {
  countWords,
  exitOutcomeLabels,
  figureTitles,
  firstConversationLabels,
  followUpStatusLabels,
  groupingLabels,
  shareFigures,
  shareLabelsFor,
  visitationCategoryLabels,
} from './overview.labels.ts';
import { firstConversationBuckets, type Overview, type OverviewRow } from './overview.schemas.ts';

/** Excel recognises UTF-8 (and so shows æøå) only when the file starts with a byte order mark. */
const BOM = '\uFEFF';

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

/** The key figures as CSV: semicolon-separated (what Danish Excel expects), one line per row. */
export function overviewToCsv(overview: Overview, lang: Lang): string {
  const columns = columnsFor(overview, lang);
  const lines = [
    columns.map((c) => cell(c.heading)),
    ...overview.rows.map((row) => columns.map((c) => cell(c.value(row)))),
  ];
  return BOM + lines.map((cells) => cells.join(';')).join('\r\n') + '\r\n';
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A name starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
