import { z } from 'zod';
import { categories, exitOutcomes, followUpStatuses } from '../../machines/events.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import {
  countWords,
  exitOutcomeLabels,
  figureBasisFor,
  figureTitles,
  firstConversationLabels,
  followUpStatusLabels,
  groupingBasis,
  groupingLabels,
  keyFigureCategoryLabels,
  keyFigureTexts,
  keyFigureWords,
  type OverviewFigure,
  shareLabelsFor,
  type ShareFigure,
  timeOnBenefitLabels,
  visitationCategoryLabels,
} from '../overview/overview.labels.ts';
import {
  firstConversationBuckets,
  type KeyFigure,
  keyFigureCategories,
  type KeyFigureSet,
  keyFigureShares,
  type KeyFigureShare,
  type Overview,
  type OverviewGrouping,
  overviewGroupings,
  type OverviewRow,
  timeOnBenefitBands,
} from '../overview/overview.schemas.ts';
import { readOverview } from '../overview/overview.service.ts';
import { progressionFactorLabels, progressionFactors } from '../progression/progression.factors.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { isCalendarDay } from '../shared/days.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { t, texts, translator } from '../shared/texts.ts';
import { numberFormat } from '../shared/formats.ts';
import { pageFor, type WebApp, type WebContext, when } from './web.shared.ts';

const overviewPageQuery = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  by: z.string().optional(),
  lang: z.string().optional(),
});

/** The geometry of the server-drawn bar charts (SVG user units). */
const CHART = { labelWidth: 180, barWidth: 190, valueWidth: 65, barHeight: 22, gap: 8, labelChars: 22 } as const;

interface Bar {
  label: string;
  value: string;
  y: number;
  width: number;
}

interface Figure {
  id: OverviewFigure | `key-${KeyFigure}`;
  title: string;
  /** Which youth the figure counts, and as of when; for a key figure, its definition. */
  basis: string;
  /** Where a key figure's definition comes from ("Kilde: ..."). */
  source: string | null;
  columns: string[];
  rows: { label: string; cells: string[] }[];
  chart: { description: string; width: number; height: number; labelWidth: number; bars: Bar[] };
}

const isDay = isCalendarDay;
const isGrouping = (value: string): value is OverviewGrouping =>
  (overviewGroupings as readonly string[]).includes(value);

/** The leader's "Overblik": the key figures of STAR: Den gode ungeindsats i jobcentrene (2017), s. 30-35, for a chosen period. */
export function registerOverviewPage(app: WebApp, { deps, page }: WebContext) {
  app.get(
    '/overblik',
    { config: pageFor(['leader']), schema: { hide: true, querystring: overviewPageQuery } },
    async (request, reply) => {
      const lang = request.lang;
      const t = translator(lang);
      const today = danishDate(deps.clock());
      const values = {
        from: request.query.from ?? `${today.slice(0, 8)}01`,
        to: request.query.to ?? today,
        by: request.query.by && isGrouping(request.query.by) ? request.query.by : 'unit',
      };
      const errors: Record<string, string> = {};
      if (!isDay(values.from)) errors['from'] = t('validation.date_format');
      if (!isDay(values.to)) errors['to'] = t('validation.date_format');
      if (!errors['from'] && !errors['to'] && values.from > values.to)
        errors['to'] = t('overview.overviewToBeforeFrom');
      const form = {
        values,
        errors,
        groupings: overviewGroupings.map((g) => ({ value: g, label: groupingLabels[g][lang] })),
      };
      if (Object.keys(errors).length > 0) {
        return page(
          request,
          reply.code(400),
          'overview',
          t('overview.overviewTitle'),
          { ...form, rowsBasis: null, keyFigures: null, figures: [], csvHref: null },
          {
            problem: t('common.formErrors'),
          },
        );
      }
      const by = values.by;
      const overview = await readOverview(deps, actorOf(request), { from: values.from, to: values.to, by }, lang);
      const query = new URLSearchParams({ from: values.from, to: values.to, by, lang });
      return page(request, reply, 'overview', t('overview.overviewTitle'), {
        ...form,
        rowsBasis: groupingBasis[overview.by]?.[lang] ?? null,
        keyFigures: {
          heading: keyFigureWords.heading[lang],
          intro: t('overview.keyFigures.intro', { day: when(startOfDanishDay(overview.statusOn), lang) }),
          figures: keyFiguresOf(overview, lang),
        },
        figures: figuresOf(overview, lang),
        csvHref: `/api/overview.csv?${query.toString()}`,
      });
    },
  );
}

function figuresOf(overview: Overview, lang: Lang): Figure[] {
  const num = (n: number) => numberFormat(lang, { maximumFractionDigits: 1 }).format(n);
  const percent = (p: number | null) => (p === null ? '–' : `${num(p)} %`);
  const rows = overview.rows;
  const grouping = groupingLabels[overview.by][lang];
  const total = (pick: (r: OverviewRow) => number) => rows.reduce((sum, r) => sum + pick(r), 0);
  const statusDay = when(startOfDanishDay(overview.statusOn), lang);
  // A period still running is described as it stands today.
  const statusOn = texts(overview.statusOn < overview.to ? 'overview.statusOn.today' : 'overview.statusOn.periodEnd', {
    day: statusDay,
  });
  const basis = figureBasisFor(statusOn, overview.passiveAfterDays);
  const shareLabels = shareLabelsFor(overview.passiveAfterDays);

  /** A count figure: rows by grouping, one column per key, charted as the unit's totals per key. */
  function counts<K extends string>(
    id: OverviewFigure,
    title: Text,
    keys: readonly K[],
    labels: Record<K, Text>,
    pick: (r: OverviewRow) => { total: number; counts: Record<K, number> },
  ): Figure {
    return {
      id,
      title: title[lang],
      basis: basis[id][lang],
      source: null,
      columns: [grouping, ...keys.map((k) => labels[k][lang]), countWords.total[lang]],
      rows: rows.map((r) => ({
        label: r.label,
        cells: [...keys.map((k) => num(pick(r).counts[k])), num(pick(r).total)],
      })),
      chart: chart(
        keys.map((k) => ({ label: labels[k][lang], value: total((r) => pick(r).counts[k]) })),
        (v) => num(v),
        descriptionOf(title, lang),
      ),
    };
  }

  function share(id: ShareFigure): Figure {
    const title = shareLabels[id];
    return {
      id,
      title: title[lang],
      basis: basis[id][lang],
      source: null,
      columns: [grouping, countWords.numerator[lang], countWords.denominator[lang], countWords.percent[lang]],
      rows: rows.map((r) => ({
        label: r.label,
        cells: [num(r[id].numerator), num(r[id].denominator), percent(r[id].percent)],
      })),
      chart: chart(
        rows.map((r) => ({ label: r.label, value: r[id].percent ?? 0, max: 100 })),
        (v) => `${num(v)} %`,
        descriptionOf(title, lang),
      ),
    };
  }

  const progressionTitle = figureTitles.progression;
  const progression: Figure = {
    id: 'progression',
    title: progressionTitle[lang],
    basis: basis.progression[lang],
    source: null,
    columns: [grouping, ...progressionFactors.map((f) => progressionFactorLabels[f][lang])],
    rows: rows.map((r) => ({
      label: r.label,
      cells: progressionFactors.map((f) => {
        const p = r.progression.find((x) => x.factor === f);
        return p?.average == null ? '–' : `${num(p.average)} (${num(p.denominator)})`;
      }),
    })),
    chart: chart(
      progressionFactors.map((f) => {
        const sum = total((r) => r.progression.find((x) => x.factor === f)?.numerator ?? 0);
        const count = total((r) => r.progression.find((x) => x.factor === f)?.denominator ?? 0);
        return { label: progressionFactorLabels[f][lang], value: count === 0 ? 0 : sum / count, max: 10 };
      }),
      (v) => num(Math.round(v * 10) / 10),
      descriptionOf(progressionTitle, lang),
    ),
  };

  return [
    counts(
      'visitation',
      figureTitles.visitationCategories,
      categories,
      visitationCategoryLabels,
      (r) => r.visitationCategories,
    ),
    counts(
      'first-conversation',
      figureTitles.firstConversation,
      firstConversationBuckets,
      firstConversationLabels,
      (r) => r.firstConversation,
    ),
    share('passive'),
    share('inPlacement'),
    share('mentorContact'),
    counts('exits', figureTitles.exitOutcomes, exitOutcomes, exitOutcomeLabels, (r) => r.exitOutcomes),
    counts('follow-ups', figureTitles.followUps, followUpStatuses, followUpStatusLabels, (r) => r.followUps),
    progression,
  ];
}

/**
 * The key figures by STAR's definitions, each with its definition and source: a table row for
 * every row of the overview and, under it, one for each visitation category (STAR 2017, s. 35);
 * the chart shows the figure by category for all the rows together (the rows never share a youth).
 */
function keyFiguresOf(overview: Overview, lang: Lang): Figure[] {
  const num = (n: number) => numberFormat(lang, { maximumFractionDigits: 1 }).format(n);
  const percent = (p: number | null) => (p === null ? '–' : `${num(p)} %`);
  const grouping = groupingLabels[overview.by][lang];
  const sets = (r: OverviewRow) => [
    { label: overview.by === 'unit' ? r.label : `${r.label}: ${keyFigureWords.all[lang]}`, set: r.keyFigures.all },
    ...keyFigureCategories.map((c) => ({
      label:
        overview.by === 'unit' ? keyFigureCategoryLabels[c][lang] : `${r.label}: ${keyFigureCategoryLabels[c][lang]}`,
      set: r.keyFigures.byCategory[c],
    })),
  ];
  const lines = overview.rows.flatMap(sets);
  /** The unit's totals of a figure's counts, for all and by category. */
  const totals = (pick: (set: KeyFigureSet) => number) => [
    { label: keyFigureWords.all[lang], value: overview.rows.reduce((sum, r) => sum + pick(r.keyFigures.all), 0) },
    ...keyFigureCategories.map((c) => ({
      label: keyFigureCategoryLabels[c][lang],
      value: overview.rows.reduce((sum, r) => sum + pick(r.keyFigures.byCategory[c]), 0),
    })),
  ];
  const describe = (figure: KeyFigure) => {
    const { title, definition, source } = keyFigureTexts[figure];
    return {
      id: `key-${figure}` as const,
      title: title[lang],
      basis: definition[lang],
      source: t(lang, 'overview.keyFigures.sourceLine', { source: source[lang] }),
    };
  };

  const share = (figure: KeyFigureShare): Figure => {
    const numerators = totals((s) => s[figure].numerator);
    const denominators = totals((s) => s[figure].denominator);
    return {
      ...describe(figure),
      columns: [grouping, countWords.numerator[lang], countWords.denominator[lang], countWords.percent[lang]],
      rows: lines.map(({ label, set }) => ({
        label,
        cells: [num(set[figure].numerator), num(set[figure].denominator), percent(set[figure].percent)],
      })),
      chart: chart(
        numerators.map((n, i) => {
          const d = denominators[i]?.value ?? 0;
          return { label: n.label, value: d === 0 ? 0 : Math.round((1000 * n.value) / d) / 10, max: 100 };
        }),
        (v) => `${num(v)} %`,
        descriptionOf(keyFigureTexts[figure].title, lang),
      ),
    };
  };

  const population: Figure = {
    ...describe('population'),
    columns: [grouping, keyFigureWords.persons[lang], keyFigureWords.daysOnBenefit[lang]],
    rows: lines.map(({ label, set }) => ({
      label,
      cells: [num(set.population.persons), num(set.population.daysOnBenefit)],
    })),
    chart: chart(
      totals((s) => s.population.persons),
      (v) => num(v),
      descriptionOf(keyFigureTexts.population.title, lang),
    ),
  };

  const time: Figure = {
    ...describe('timeOnBenefit'),
    columns: [grouping, ...timeOnBenefitBands.map((b) => timeOnBenefitLabels[b][lang]), countWords.total[lang]],
    rows: lines.map(({ label, set }) => ({
      label,
      cells: [...timeOnBenefitBands.map((b) => num(set.timeOnBenefit.counts[b])), num(set.timeOnBenefit.total)],
    })),
    chart: chart(
      timeOnBenefitBands.map((b) => ({
        label: timeOnBenefitLabels[b][lang],
        value: overview.rows.reduce((sum, r) => sum + r.keyFigures.all.timeOnBenefit.counts[b], 0),
      })),
      (v) => num(v),
      descriptionOf(keyFigureTexts.timeOnBenefit.title, lang),
    ),
  };

  return [population, ...keyFigureShares.map(share), time];
}

/** What a chart shows, for those who cannot see it (the SVG's description). */
const descriptionOf = (title: Text, lang: Lang) => t(lang, 'overview.overviewChartDescription', { title: title[lang] });

/** Horizontal bars scaled to the largest value (or to a fixed maximum such as 100 %). */
function chart(
  items: { label: string; value: number; max?: number }[],
  format: (value: number) => string,
  description: string,
): Figure['chart'] {
  const max = Math.max(items[0]?.max ?? 0, ...items.map((i) => i.value), 1);
  const step = CHART.barHeight + CHART.gap;
  return {
    description,
    width: CHART.labelWidth + CHART.barWidth + CHART.valueWidth,
    height: Math.max(items.length, 1) * step + CHART.gap,
    labelWidth: CHART.labelWidth,
    bars: items.map((item, index) => ({
      label: item.label.length > CHART.labelChars ? `${item.label.slice(0, CHART.labelChars - 1)}…` : item.label,
      value: format(item.value),
      y: CHART.gap + index * step,
      width: Math.round((item.value / max) * CHART.barWidth),
    })),
  };
}
