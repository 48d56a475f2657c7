import type { JourneyEventType } from '../../machines/events.ts';
import {
  type LawSwitchDates,
  type RuleSet,
  selectRuleSet,
  type StoredLaw,
  takesOverOn,
} from '../rules/rule-set.loader.ts';
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
import { danishDate } from '../shared/clock.ts';
import { addDays, isoWeek, longDayText, mondayOf } from '../shared/days.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import {
  barrierLabels,
  categoryLabels,
  codeLabels,
  profileMeanings,
  type Question,
  questionnaire,
} from '../visitation/questionnaire.ts';
import type { CodeLabels } from './web.event-forms.ts';
import { hasText, type Translate } from '../shared/texts.ts';
import { lineChart, type LineChart } from './web.line-chart.ts';
import { formatNumber, when, whenDay } from './web.shared.ts';
import { selfRatingItemLabels, selfRatingItems } from '../progression/self-rating.items.ts';
import type { SelfRatingsOfJourney } from '../progression/self-rating.service.ts';

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
  /** The youth did it themselves on their own side (Mit forløb). */
  byYouth?: boolean;
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
// The visitation as recorded: the questionnaire's answers and what the caseworker weighed
// ---------------------------------------------------------------------------------------------

export interface VisitationRecord {
  iso: string;
  decidedOn: string;
  /** The ten questions in order, each with the answer in words. */
  answers: Array<{ number: number; question: string; answer: string; byYouth: boolean }>;
  profile: string;
  barriers: string[];
  /** The caseworker's reason for assessing a need of support for more than about a year, if given. */
  supportOverAYear: string | null;
  situation: Array<{ question: string; answer: string }>;
  category: string;
  suggested: string;
  overrideReason: string | null;
}

/** An answer of the questionnaire in the words the youth ticked it with; one never given says so. */
function answerText(question: Question, value: unknown, t: Translate, lang: Lang): string {
  if (value === undefined || value === null) return t('youth.visitationRecord.notAnswered');
  const answer = question.answer;
  const wordsOf = (options: ReadonlyArray<{ value: string; label: Text }>, code: unknown) =>
    options.find((o) => o.value === code)?.label[lang] ?? String(code);
  switch (answer.type) {
    case 'single_choice':
    case 'yes_partly_no':
    case 'yes_no_unsure':
      return wordsOf(answer.options, value);
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? value.map((code) => wordsOf(answer.options, code)) : [];
      return chosen.length === 0 ? t('youth.visitationRecord.noneTicked') : chosen.join(', ');
    }
    case 'scale': {
      if (typeof value !== 'number') return t('youth.visitationRecord.notAnswered');
      const end = value === answer.min ? answer.minLabel : value === answer.max ? answer.maxLabel : null;
      return end ? `${value} (${end[lang]})` : String(value);
    }
    case 'yes_no_with_reason': {
      const dropout = value as { droppedOut?: boolean; mainReason?: string };
      return dropout.droppedOut
        ? t('youth.visitationRecord.droppedOut', { reason: wordsOf(answer.reasons, dropout.mainReason) })
        : t('common.no');
    }
    case 'grade_average':
      return typeof value === 'number' ? formatNumber(value, lang) : answer.unknownLabel[lang];
  }
}

/**
 * The latest visitation of the journey as it was recorded: after it is confirmed the form is gone,
 * and this is where the caseworker (and a youth reading the page) finds the answers again.
 */
export function visitationRecordOf(
  events: readonly JourneyEventRecord[],
  t: Translate,
  lang: Lang,
): VisitationRecord | null {
  const event = events.findLast((e) => e.type === 'VISITATION_DECIDED');
  if (!event) return null;
  const p = event.payload;
  const answers = (p.questionnaire ?? {}) as Record<string, unknown>;
  // The answers the caseworker kept as the youth gave them on their own side.
  const fromYouth = new Set(Array.isArray(p.questionnaireFromYouth) ? (p.questionnaireFromYouth as string[]) : []);
  const chosen = Array.isArray(p.barriers) ? (p.barriers as string[]) : [];
  const considerable = new Set(Array.isArray(p.considerableBarriers) ? (p.considerableBarriers as string[]) : []);
  const yesNo = (value: unknown) =>
    typeof value === 'boolean' ? t(value ? 'common.yes' : 'common.no') : t('youth.visitationRecord.notAnswered');
  return {
    iso: event.occurredAt.toISOString(),
    decidedOn: when(event.occurredAt, lang),
    answers: questionnaire.map((q) => ({
      number: q.number,
      question: q.text[lang],
      answer: answerText(q, answers[q.code], t, lang),
      byYouth: fromYouth.has(q.code),
    })),
    profile:
      typeof p.profile === 'string' && p.profile in profileMeanings
        ? `${p.profile}: ${profileMeanings[p.profile as keyof typeof profileMeanings][lang]}`
        : t('youth.visitationRecord.notAnswered'),
    barriers: chosen.map((code) => {
      const name = label(barrierLabels, code, lang);
      return considerable.has(code) ? t('youth.visitationRecord.considerable', { barrier: name }) : name;
    }),
    supportOverAYear: str(p.supportOverAYearReason) || null,
    situation: [
      { question: t('visitation.inEducationOrJob'), answer: yesNo(p.inEducationOrJob) },
      { question: t('visitation.onBenefit'), answer: yesNo(p.onBenefit) },
      { question: t('visitation.waitingForApprenticeship'), answer: yesNo(p.waitingForApprenticeship) },
    ],
    category: label(categoryLabels, p.category, lang),
    suggested: label(categoryLabels, p.suggestedCategory, lang),
    overrideReason: str(p.overrideReason) || null,
  };
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
  /**
   * The rules the decision followed, as a reader names them: the law's title and the day its rules
   * took over ("Regler efter lov ..., gældende fra 1. juli 2025"); never the rule file's hash.
   */
  law: string;
  /** Eligibility: in the target group or not. */
  eligible: boolean | null;
  /** Visitation: the category the rules suggested. */
  suggested: string | null;
  explanation: string | null;
  recommendation: string | null;
  /** What the deciding rule rests on, as citations a reader can look up. */
  citations: string[];
  /** Why: each reason (a rule that fired) with its citations and the conditions that made it fire. */
  reasons: Array<{ text: string; citations: string[]; conditions: ConditionLine[] }>;
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

/**
 * The rule set a stored decision was made with: the one loaded with its version, or, when the file
 * has changed since, the one that applied on the decision's day (its rules keep their codes).
 */
function ruleSetOfDecision(
  decision: RuleDecisionRecord,
  day: string,
  ruleSets: readonly RuleSet[],
  switchDates: LawSwitchDates,
): RuleSet | undefined {
  const same = ruleSets.find((r) => r.name === decision.ruleSet && r.version === decision.ruleSetVersion);
  if (same) return same;
  try {
    return selectRuleSet(ruleSets, decision.ruleSet, day, switchDates);
  } catch {
    return undefined;
  }
}

/**
 * A rule's citations: those stored with the decision, or, for decisions stored before rules cited
 * their sources, those of the rule with the same code in the rule set of the decision.
 */
function citationsOf(stored: unknown, code: string | undefined, ruleSet: RuleSet | undefined): string[] {
  if (Array.isArray(stored)) return stored.filter((c): c is string => typeof c === 'string');
  const rule = ruleSet?.rules.find((r) => r.event.params.code === code);
  return [...(rule?.event.params.citations ?? [])];
}

/** The stored decisions of the journey explained: what the rules said, why, and on what. */
export function decisionsOf(
  decisions: readonly RuleDecisionRecord[],
  events: readonly JourneyEventRecord[],
  rules: { ruleSets: readonly RuleSet[]; switchDates: LawSwitchDates },
  t: Translate,
  lang: Lang,
): DecisionView[] {
  return decisions.flatMap((d): DecisionView[] => {
    const result = d.result as {
      code?: string;
      eligible?: boolean;
      explanation?: Text;
      recommendation?: Text;
      citations?: unknown;
      law?: StoredLaw;
      category?: string;
      reasons?: Array<Text & { code: string; citations?: unknown }>;
      conditions?: StoredCondition[];
    };
    // The rules ran on the day the visitation happened, not the day it was recorded.
    const event = events.find((e) => e.seq === d.eventSeq);
    const day = danishDate(event?.occurredAt ?? d.decidedAt);
    const ruleSet = ruleSetOfDecision(d, day, rules.ruleSets, rules.switchDates);
    const law =
      result.law ??
      (ruleSet && {
        id: ruleSet.law.id,
        title: ruleSet.law.title,
        inForceFrom: takesOverOn(ruleSet, rules.switchDates),
      });
    const conditions = result.conditions ?? [];
    const why = (code: string) =>
      conditions.filter((c) => c.rule === code && c.result !== null).map((c) => conditionLine(c, t, lang));
    const common = {
      decidedOn: when(event?.occurredAt ?? d.decidedAt, lang),
      law: law
        ? t('youth.rulesOfLaw', { law: law.title[lang], from: longDayText(law.inForceFrom, lang) })
        : t('youth.lawNoLongerLoaded'),
      explanation: result.explanation?.[lang] ?? null,
      recommendation: result.recommendation?.[lang] ?? null,
    };
    if (d.ruleSet === 'eligibility') {
      const citations = citationsOf(result.citations, result.code ?? d.outcome, ruleSet);
      return [
        {
          ruleSet: 'eligibility',
          ...common,
          eligible: result.eligible ?? null,
          suggested: null,
          citations,
          reasons: result.explanation
            ? [{ text: result.explanation[lang], citations: [], conditions: why(d.outcome) }]
            : [],
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
          citations: [],
          reasons: (result.reasons ?? []).map((r) => ({
            text: r[lang],
            citations: citationsOf(r.citations, r.code, ruleSet),
            conditions: why(r.code),
          })),
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

export interface ProgressionView {
  rows: Array<{ date: string; assessedBy: string; scores: string[] }>;
  factors: Array<{ label: string; first: string; latest: string; change: string }>;
  chart: LineChart | null;
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

function chartOf(progression: Progression, t: Translate, lang: Lang): LineChart | null {
  const lines = progressionFactors.map((factor, index) => ({
    series: index + 1,
    label: progressionFactorLabels[factor][lang],
    points: progression.measurements.flatMap((m) =>
      m.scores[factor] === null ? [] : [{ day: m.measuredOn, score: m.scores[factor] }],
    ),
  }));
  return lineChart(lines, t('youth.progressionChartDescription'), lang);
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

// ---------------------------------------------------------------------------------------------
// The youth's own ratings (docs/decisions/0016-the-youths-own-voice.md)
// ---------------------------------------------------------------------------------------------

/** The youth's ratings as the caseworker's page shows them, marked as the youth's, newest first. */
export function ownRatingsOf(own: SelfRatingsOfJourney, t: Translate, lang: Lang) {
  return {
    items: selfRatingItems.map((item) => selfRatingItemLabels[item][lang]),
    rows: [...own.ratings].reverse().map((r) => ({
      date: whenDay(r.ratedOn, lang),
      answered: r.requestId !== null,
      scores: selfRatingItems.map((item) => (r.scores[item] === null ? '–' : formatNumber(r.scores[item], lang))),
    })),
    openRequest: own.openRequest
      ? t('progression.ownRatings.requestOpen', { date: when(own.openRequest.requestedAt, lang) })
      : null,
    shared: own.shared,
  };
}

/** What the youth did on their own side, as timeline entries marked as the youth's own. */
export function ownTimelineEntries(
  own: {
    ratings: ReadonlyArray<{ ratedAt: Date }>;
    questionnaireAt: Date | null;
    wishes: ReadonlyArray<{ date: string; chosenAt: Date }>;
  },
  t: Translate,
  lang: Lang,
): TimelineEntry[] {
  const entry = (at: Date, title: string, detail = ''): TimelineEntry => ({
    title,
    iso: at.toISOString(),
    date: when(at, lang),
    detail,
    byYouth: true,
  });
  return [
    ...own.ratings.map((r) => entry(r.ratedAt, t('progression.ownRatings.timelineRated'))),
    ...(own.questionnaireAt ? [entry(own.questionnaireAt, t('visitation.youthFilledIn'))] : []),
    ...own.wishes.map((w) => entry(w.chosenAt, t('companies.youthChoseWishes', { date: whenDay(w.date, lang) }))),
  ];
}
