import type { Lang } from '../shared/i18n.ts';
import { dateTimeFormat } from '../shared/formats.ts';

/**
 * A server-rendered line chart of scores 1-10 over days (templates/web/line-chart.eta): the
 * caseworker's progression on the youth page and the youth's own ratings on Mit forløb draw
 * their lines with it. Each line keeps its series number, so a factor has the same colour and
 * dash pattern wherever it is drawn.
 */

/** The chart's geometry in SVG user units. */
const PLOT = { width: 520, height: 240, left: 36, right: 36, top: 12, bottom: 40 } as const;

export interface LineChartInput {
  /** 1-based; picks the colour and dash pattern (.series-N in style.css). */
  series: number;
  label: string;
  points: ReadonlyArray<{ day: string; score: number }>;
}

export interface LineChart {
  width: number;
  height: number;
  /** Where the plot area begins and ends, for the grid lines. */
  left: number;
  right: number;
  description: string;
  /** Grid lines and labels of the scores 1-10. */
  yTicks: Array<{ y: number; label: string }>;
  xTicks: Array<{ x: number; label: string }>;
  lines: Array<{ index: number; label: string; points: string; dots: Array<{ x: number; y: number; title: string }> }>;
}

/** The lines drawn on one chart; null when no line has a point. */
export function lineChart(lines: readonly LineChartInput[], description: string, lang: Lang): LineChart | null {
  const drawn = lines.filter((line) => line.points.length > 0);
  const days = [...new Set(drawn.flatMap((line) => line.points.map((p) => p.day)))].sort();
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return null;
  const innerWidth = PLOT.width - PLOT.left - PLOT.right;
  const innerHeight = PLOT.height - PLOT.top - PLOT.bottom;
  const span = Math.max(1, Date.parse(last) - Date.parse(first));
  const x = (day: string) =>
    first === last
      ? PLOT.left + innerWidth / 2
      : PLOT.left + ((Date.parse(day) - Date.parse(first)) / span) * innerWidth;
  const y = (score: number) => PLOT.top + ((10 - score) / 9) * innerHeight;
  const round = (n: number) => Math.round(n * 10) / 10;
  const short = (day: string) =>
    dateTimeFormat(lang, { day: 'numeric', month: 'short' }).format(new Date(`${day}T12:00:00Z`));
  return {
    width: PLOT.width,
    height: PLOT.height,
    left: PLOT.left,
    right: PLOT.width - PLOT.right,
    description,
    yTicks: [1, 4, 7, 10].map((score) => ({ y: round(y(score)), label: String(score) })),
    // The first and last day always; between them, every day with a point if there is room.
    xTicks: (days.length <= 6 ? days : [first, last]).map((day) => ({ x: round(x(day)), label: short(day) })),
    lines: drawn.map((line) => ({
      index: line.series,
      label: line.label,
      points: line.points.map((p) => `${round(x(p.day))},${round(y(p.score))}`).join(' '),
      dots: line.points.map((p) => ({ x: round(x(p.day)), y: round(y(p.score)), title: `${line.label}: ${p.score}` })),
    })),
  };
}
