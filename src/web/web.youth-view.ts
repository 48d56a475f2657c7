import type { JourneyEventType } from '../../machines/events.ts';
import type { RuleSet } from '../rules/rule-set.loader.ts';
import type { Activity } from '../activities/activity.repository.ts';
import {
  conversationModeLabels,
  followUpMonthLabels,
  pauseReasonLabels,
  placementKindLabels,
} from '../journeys/journey.labels.ts';
import type { JourneyEventRecord, RuleDecisionRecord } from '../journeys/journey.repository.ts';
import { exitOutcomeLabels, followUpStatusLabels } from '../overview/overview.labels.ts';
import type { Placement, PlacementWeek } from '../placements/placement.repository.ts';
import { progressionFactorLabels, progressionFactors } from '../progression/progression.factors.ts';
import type { Progression } from '../progression/progression.service.ts';
import { type ConditionOutcome, formatRuleValue } from '../rules/explain.ts';
import { addDays, isoWeek, mondayOf } from '../shared/days.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { categoryLabels, codeLabels, questionnaire } from '../visitation/questionnaire.ts';
import type { CodeLabels } from './web.event-forms.ts';
import { hasText, type Translate } from '../shared/texts.ts';
import { formatNumber, when } from './web.shared.ts';

/**
 * What a youth's page shows besides its forms, in the page's language: the timeline in words, the
 * rules' explanations, the placements with their weeks, the progression chart and the contacts.
 * Pure: the page reads the data through the services and hands it here.
 */

/** The labels of the coded fields of the journey's events, by field name. */
export const eventCodeLabels: CodeLabels = {
  mode: conversationModeLabels,
  kind: placementKindLabels,
  reason: pauseReasonLabels,
  outcome: exitOutcomeLabels,
  status: followUpStatusLabels,
  month: followUpMonthLabels,
};

const label = (labels: Readonly<Record<string, Text>>, code: unknown, lang: Lang): string =>
  typeof code === 'string' || typeof code === 'number' ? (labels[String(code)]?.[lang] ?? String(code)) : '';
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

export interface TimelineEntry {
  /** What happened: the event's name, or "Notat: Samtale". */
  title: string;
  iso: string;
  date: string;
  detail: string;
  /** A case note's entry links to the note in the journal. */
  noteId?: string;
}

/** Each event with what it said, in words: the group's name, the company, the outcome. */
export function timelineOf(
  events: readonly JourneyEventRecord[],
  names: { groups: ReadonlyMap<string, string>; companies: ReadonlyMap<string, string> },
  t: Translate,
  lang: Lang,
): TimelineEntry[] {
  const detailOf = (type: JourneyEventType, p: Record<string, unknown>): string => {
    switch (type) {
      case 'FIRST_CONVERSATION_HELD':
        // Events recorded before the mode was asked have none.
        return p.mode === undefined ? t('youth.modeNotRecorded') : label(conversationModeLabels, p.mode, lang);
      case 'RESUMED':
        return '';
      case 'VISITATION_DECIDED': {
        const decided = label(categoryLabels, p.category, lang);
        return p.category === p.suggestedCategory
          ? decided
          : t('youth.timelineDetails.visitationOverridden', {
              decided,
              suggested: label(categoryLabels, p.suggestedCategory, lang),
              reason: str(p.overrideReason),
            });
      }
      case 'GROUP_ASSIGNED': {
        const group = names.groups.get(str(p.groupId)) ?? '';
        // The entry condition is answered when the youth was taken in from intake, not on a move.
        if (p.canTakePart15HoursAWeek === true) return t('youth.timelineDetails.entryConditionMet', { group });
        if (p.canTakePart15HoursAWeek === false) {
          return t('youth.timelineDetails.entryConditionOverridden', { group, reason: str(p.entryOverrideReason) });
        }
        return group;
      }
      case 'PLACEMENT_STARTED':
        return t('youth.timelineDetails.placementStarted', {
          kind: label(placementKindLabels, p.kind, lang),
          company: names.companies.get(str(p.companyId)) ?? '',
          hours: Number(p.hoursPerWeek),
        });
      case 'PLACEMENT_ENDED':
        return str(p.reason);
      case 'PAUSED':
        return [
          t('youth.timelineDetails.paused', {
            reason: label(pauseReasonLabels, p.reason, lang),
            date: when(new Date(`${str(p.expectedReturn)}T12:00:00Z`), lang),
          }),
          str(p.note),
        ]
          .filter(Boolean)
          .join(': ');
      case 'EXITED':
        return [label(exitOutcomeLabels, p.outcome, lang), str(p.otherSupportType), str(p.note)]
          .filter(Boolean)
          .join(': ');
      case 'FOLLOW_UP_RECORDED':
        return `${label(followUpMonthLabels, p.month, lang)}: ${label(followUpStatusLabels, p.status, lang)}`;
      case 'WITHDRAWN':
        return str(p.reason);
    }
  };
  return [...events].reverse().map((e) => ({
    title: t(`common.events.${e.type as JourneyEventType}`),
    iso: e.occurredAt.toISOString(),
    date: when(e.occurredAt, lang),
    detail: detailOf(e.type as JourneyEventType, e.payload),
  }));
}

// ---------------------------------------------------------------------------------------------
// The rules' explanations
// ---------------------------------------------------------------------------------------------

/** A condition as a decision stored it (rules/explain.ts). */
type StoredCondition = ConditionOutcome;

export interface ConditionLine {
  fact: string;
  seen: string;
  test: string;
  held: boolean;
}

export interface DecisionView {
  ruleSet: 'eligibility' | 'visitation';
  decidedOn: string;
  ruleSetVersion: string;
  /** The law the decision followed: the title of its rule set's law, as loaded when the page is shown. */
  law: string;
  /** Eligibility: in the target group or not. */
  eligible: boolean | null;
  /** Visitation: the category the rules suggested. */
  suggested: string | null;
  explanation: string | null;
  recommendation: string | null;
  source: string | null;
  /** Why: each reason (a rule that fired) with the conditions that made it fire. */
  reasons: Array<{ text: string; conditions: ConditionLine[] }>;
}

/** A question's answer codes and their words ("unsure" -> "Ved ikke"), for the conditions that read it. */
function answerLabels(question: (typeof questionnaire)[number]): Record<string, Text> {
  const answer = question.answer;
  const options = 'options' in answer ? answer.options : answer.type === 'yes_no_with_reason' ? answer.reasons : [];
  return Object.fromEntries(options.map((o) => [o.value, o.label]));
}

const questions = new Map(
  questionnaire.map((q) => [q.code as string, { text: q.text, labels: { ...codeLabels, ...answerLabels(q) } }]),
);

/** The question of the questionnaire a condition reads ("$.wants_education"), if it reads one. */
const questionOf = (condition: StoredCondition) =>
  condition.path ? questions.get(condition.path.replace(/^\$\./, '').split('.')[0] ?? '') : undefined;

/** The fact a condition read, as a caseworker names it: a question of the questionnaire, or a fact's label. */
function factName(condition: StoredCondition, t: Translate, lang: Lang): string {
  const question = questionOf(condition);
  if (question) return question.text[lang];
  const name = `youth.ruleFacts.${condition.fact}`;
  return hasText(name) ? t(name) : condition.fact;
}

function conditionLine(condition: StoredCondition, t: Translate, lang: Lang): ConditionLine {
  const words = `youth.ruleOperators.${condition.operator}`;
  const operator = hasText(words) ? t(words) : condition.operator;
  // An answer is written with the questionnaire's words for it, as the caseworker ticked it.
  const labels = questionOf(condition)?.labels ?? codeLabels;
  return {
    fact: factName(condition, t, lang),
    seen: formatRuleValue(condition.factValue, lang, labels),
    test: `${operator} ${formatRuleValue(condition.value, lang, labels)}`,
    held: condition.result === true,
  };
}

/** The stored decisions of the journey explained: what the rules said, and why. */
export function decisionsOf(
  decisions: readonly RuleDecisionRecord[],
  ruleSets: readonly RuleSet[],
  t: Translate,
  lang: Lang,
): DecisionView[] {
  return decisions.flatMap((d): DecisionView[] => {
    const result = d.result as {
      code?: string;
      eligible?: boolean;
      explanation?: Text;
      recommendation?: Text;
      source?: string;
      category?: string;
      reasons?: Array<Text & { code: string }>;
      conditions?: StoredCondition[];
    };
    const conditions = result.conditions ?? [];
    const why = (code: string) =>
      conditions.filter((c) => c.rule === code && c.result !== null).map((c) => conditionLine(c, t, lang));
    const common = {
      decidedOn: when(d.decidedAt, lang),
      ruleSetVersion: d.ruleSetVersion.slice(0, 12),
      law:
        ruleSets.find((ruleSet) => ruleSet.name === d.ruleSet && ruleSet.version === d.ruleSetVersion)?.law.title[
          lang
        ] ?? t('youth.lawNoLongerLoaded'),
      explanation: result.explanation?.[lang] ?? null,
      recommendation: result.recommendation?.[lang] ?? null,
      source: result.source ?? null,
    };
    if (d.ruleSet === 'eligibility') {
      return [
        {
          ruleSet: 'eligibility',
          ...common,
          eligible: result.eligible ?? null,
          suggested: null,
          reasons: result.explanation ? [{ text: result.explanation[lang], conditions: why(d.outcome) }] : [],
        },
      ];
    }
    if (d.ruleSet === 'visitation') {
      return [
        {
          ruleSet: 'visitation',
          ...common,
          eligible: null,
          suggested: label(categoryLabels, result.category, lang),
          reasons: (result.reasons ?? []).map((r) => ({ text: r[lang], conditions: why(r.code) })),
        },
      ];
    }
    return [];
  });
}

// ---------------------------------------------------------------------------------------------
// Placements
// ---------------------------------------------------------------------------------------------

/** How many past weeks the hours form offers. */
const WEEKS_OFFERED = 8;

export interface WeekChoice {
  value: string;
  label: string;
  hours: string | null;
}

/** The weeks a caseworker may log hours for: this week and the ones before, from the placement's start. */
export function weekChoices(
  placement: Placement,
  weeks: readonly PlacementWeek[],
  today: string,
  t: Translate,
  lang: Lang,
): WeekChoice[] {
  const logged = new Map(weeks.map((w) => [w.weekStart, w.hours]));
  const first = mondayOf(placement.startDate);
  const choices: WeekChoice[] = [];
  for (let monday = mondayOf(today), n = 0; monday >= first && n < WEEKS_OFFERED; monday = addDays(monday, -7), n++) {
    const sunday = addDays(monday, 6);
    const range = `${when(new Date(`${monday}T12:00:00Z`), lang)} – ${when(new Date(`${sunday}T12:00:00Z`), lang)}`;
    choices.push({
      value: monday,
      label: `${t('youth.week')} ${isoWeek(monday)} (${range})`,
      hours: logged.has(monday) ? formatNumber(logged.get(monday) as number, lang) : null,
    });
  }
  return choices;
}

// ---------------------------------------------------------------------------------------------
// Progression
// ---------------------------------------------------------------------------------------------

/** The chart's geometry in SVG user units. */
const PLOT = { width: 520, height: 240, left: 36, right: 36, top: 12, bottom: 40 } as const;

export interface ProgressionChart {
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

export interface ProgressionView {
  rows: Array<{ date: string; assessedBy: string; scores: string[] }>;
  factors: Array<{ label: string; first: string; latest: string; change: string }>;
  chart: ProgressionChart | null;
}

/** The measurements as a table and as one line per factor over time (scores 1-10). */
export function progressionOf(progression: Progression, t: Translate, lang: Lang): ProgressionView {
  const num = (n: number) => formatNumber(n, lang);
  const rows = progression.measurements.map((m) => ({
    date: when(new Date(`${m.measuredOn}T12:00:00Z`), lang),
    assessedBy: t(`youth.assessedBy.${m.assessedBy}`),
    scores: progressionFactors.map((f) => (m.scores[f] === null ? '–' : num(m.scores[f]))),
  }));
  const factors = progression.factors.map((f) => ({
    label: f.label[lang],
    first: f.first ? num(f.first.score) : '–',
    latest: f.latest ? num(f.latest.score) : '–',
    change: f.change === null ? '–' : f.change > 0 ? `+${num(f.change)}` : num(f.change),
  }));
  return { rows, factors, chart: chartOf(progression, t, lang) };
}

function chartOf(progression: Progression, t: Translate, lang: Lang): ProgressionChart | null {
  const days = [...new Set(progression.measurements.map((m) => m.measuredOn))].sort();
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
    new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'short' }).format(
      new Date(`${day}T12:00:00Z`),
    );
  return {
    width: PLOT.width,
    height: PLOT.height,
    left: PLOT.left,
    right: PLOT.width - PLOT.right,
    description: t('youth.progressionChartDescription'),
    yTicks: [1, 4, 7, 10].map((score) => ({ y: round(y(score)), label: String(score) })),
    // The first and last day always; between them, every measurement's day if there is room.
    xTicks: (days.length <= 6 ? days : [first, last]).map((day) => ({ x: round(x(day)), label: short(day) })),
    lines: progressionFactors.flatMap((factor, index) => {
      const points = progression.measurements
        .filter((m) => m.scores[factor] !== null)
        .map((m) => ({ day: m.measuredOn, score: m.scores[factor] as number }));
      if (points.length === 0) return [];
      const name = progressionFactorLabels[factor][lang];
      return [
        {
          index: index + 1,
          label: name,
          points: points.map((p) => `${round(x(p.day))},${round(y(p.score))}`).join(' '),
          dots: points.map((p) => ({ x: round(x(p.day)), y: round(y(p.score)), title: `${name}: ${p.score}` })),
        },
      ];
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------------

export const activityChoices = ['individual', 'job_conversation', 'group', 'mentor_contact', 'other_contact'] as const;
export type ActivityChoice = (typeof activityChoices)[number];

/** A recorded contact as the list on the page shows it. */
export function activityLine(activity: Activity, t: Translate, lang: Lang) {
  const choice: ActivityChoice =
    activity.kind === 'conversation'
      ? activity.jobConversation
        ? 'job_conversation'
        : (activity.conversationKind ?? 'individual')
      : activity.kind;
  // How a conversation was held; conversations recorded before the mode was asked have none.
  const mode =
    activity.kind !== 'conversation'
      ? ''
      : activity.mode
        ? label(conversationModeLabels, activity.mode, lang)
        : t('youth.modeNotRecorded');
  return {
    iso: activity.occurredAt.toISOString(),
    date: when(activity.occurredAt, lang),
    kind: t(`youth.activityKinds.${choice}`),
    mode,
    note: activity.note ?? '',
    by: activity.recordedBy.name,
  };
}
