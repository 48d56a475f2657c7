import { riskCodeLabels } from '../alerts/alert.labels.ts';
import type { RuleSet } from '../rules/rule-set.loader.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { hasText, type TextKey, translator } from '../shared/texts.ts';
import { formatNumber, when, whenDay, whenWithTime } from '../web/web.shared.ts';
import { activityLine, decisionsOf, timelineOf } from '../web/web.youth-view.ts';
import { progressionFactorLabels, progressionFactors } from '../progression/progression.factors.ts';
import { selfRatingItems } from '../progression/self-rating.items.ts';
import { questionnaire } from '../visitation/questionnaire.ts';
import { answerText } from '../web/web.my-questionnaire.ts';
import { isoWeek } from '../shared/days.ts';
import { type AccessData, colleagueRef, type JourneyData, maskedText } from './access-export.model.ts';

/**
 * The access export as the youth reads it, in their language: sections of sentences, made from the
 * same data as the JSON and in the same words as the youth's page in Ungeflow (the timeline and the
 * rules' explanations are made by the page's own functions). Pure; the PDF lays it out.
 */

export interface ExportLine {
  text: string;
  /** Smaller lines under it: when it was recorded and by whom, the conditions of a decision. */
  details?: string[];
}

export interface ExportSection {
  heading: string;
  /** 1: a part of the export (personal details, a journey); 2: a part of a journey. */
  level: 1 | 2;
  lead?: string[];
  lines: ExportLine[];
}

export interface ExportDocument {
  title: string;
  municipality: string;
  madeOn: string;
  intro: string[];
  sections: ExportSection[];
  pageNumber: (page: number, pages: number) => string;
}

const label = (labels: Readonly<Record<string, Text>>, code: string | null | undefined, lang: Lang) =>
  code === null || code === undefined ? '' : (labels[code]?.[lang] ?? code);

export function accessExportSections(data: AccessData, ruleSets: readonly RuleSet[], lang: Lang): ExportDocument {
  const t = translator(lang);
  const who = (userId: string | null): string => {
    if (userId === null) return t('exports.access.automatic');
    const ref = colleagueRef(data, userId);
    if (ref === null) return t('exports.access.unknownColleague');
    const role = t(`audit.roles.${ref.role}`);
    return ref.name === undefined
      ? t('exports.access.colleague', { role })
      : t('exports.access.colleagueNamed', { name: ref.name, role });
  };
  const free = (value: string) => maskedText(value);
  /** The words for a code stored as text, or the code itself should a later version have added one. */
  const known = (key: string, code: string) => (hasText(key) ? t(key) : code);
  const none = [{ text: t('exports.access.none') }];
  const orNone = (lines: ExportLine[]) => (lines.length === 0 ? none : lines);
  const youth = data.youth;
  const notGiven = t('common.notGiven');

  const person: ExportSection = {
    heading: t('exports.access.person.heading'),
    level: 1,
    lines: [
      { text: t('exports.access.person.name', { value: youth.name }) },
      { text: t('exports.access.person.cpr', { value: data.cpr }), details: [t('exports.access.cprNote')] },
      { text: t('exports.access.person.birthDate', { value: whenDay(youth.birthDate, lang) }) },
      { text: t('exports.access.person.phone', { value: youth.phone ?? notGiven }) },
      { text: t('exports.access.person.email', { value: youth.email ?? notGiven }) },
      { text: t('exports.access.person.address', { value: youth.address ? free(youth.address) : notGiven }) },
      { text: t('exports.access.person.registered', { date: when(youth.createdAt, lang) }) },
    ],
  };

  const journeySections = data.journeys.flatMap((j, index) => journeyOf(j, index + 1));

  function journeyOf(j: JourneyData, number: number): ExportSection[] {
    const journey = j.journey;
    const visitation = j.events.findLast((e) => e.type === 'VISITATION_DECIDED');
    const draw = visitation?.payload.randomisation as { arm?: string; seed?: string } | undefined;
    const summary: ExportLine[] = [
      {
        text: t('exports.access.journey.referralSource', {
          source: t(`referral.referralSources.${journey.referralSource}`),
        }),
      },
      { text: t('exports.access.journey.referralReason', { reason: free(journey.referralReason) }) },
      ...(journey.returning ? [{ text: t('exports.access.journey.returning') }] : []),
      { text: t('exports.access.journey.stage', { stage: t(`common.stages.${journey.stage}` as TextKey) }) },
      { text: t('exports.access.journey.caseworker', { who: who(journey.caseworkerId) }) },
      ...(draw?.arm === 'treatment' || draw?.arm === 'control'
        ? [
            {
              text: t('exports.access.journey.randomised', {
                arm: t(`exports.access.journey.arms.${draw.arm}`),
                seed: draw.seed ?? '',
              }),
            },
          ]
        : []),
    ];
    const events = [...timelineOf(j.events, data.names, t, lang)].reverse();
    const steps = events.map((entry, i) => {
      const event = j.events[i];
      return {
        text: `${entry.date}: ${entry.title}`,
        details: [
          ...(entry.detail ? [free(entry.detail)] : []),
          ...(event
            ? [t('exports.access.journey.recorded', { date: when(event.recordedAt, lang), who: who(event.actorId) })]
            : []),
        ],
      };
    });
    const decisions = decisionsOf(
      j.decisions,
      j.events,
      { ruleSets, switchDates: data.settings.lawSwitchDates },
      t,
      lang,
    ).map((d) => ({
      text:
        d.ruleSet === 'eligibility'
          ? `${t('exports.access.journey.eligibility', { date: d.decidedOn })}: ${t(d.eligible ? 'exports.access.journey.eligibleYes' : 'exports.access.journey.eligibleNo')}`
          : `${t('exports.access.journey.visitation', { date: d.decidedOn })}: ${t('exports.access.journey.suggested', { category: d.suggested ?? '' })}`,
      details: [
        d.law,
        ...(d.explanation && d.ruleSet === 'visitation' ? [d.explanation] : []),
        ...(d.recommendation ? [t('exports.access.journey.recommendation', { text: d.recommendation })] : []),
        ...d.reasons.flatMap((r) => [
          r.text,
          ...r.conditions.map((c) =>
            t('exports.access.journey.condition', {
              fact: c.fact,
              seen: c.seen,
              test: c.test,
              held: c.held ? 'yes' : 'no',
            }),
          ),
          ...(r.citations.length > 0
            ? [t('exports.access.journey.citations', { citations: r.citations.join('; ') })]
            : []),
        ]),
        ...(d.citations.length > 0
          ? [t('exports.access.journey.citations', { citations: d.citations.join('; ') })]
          : []),
      ],
    }));
    const groups: ExportLine[] = [
      ...data.memberships
        .filter((m) => m.journeyId === journey.id)
        .map((m) => ({
          text: m.leftAt
            ? t('exports.access.journey.membershipEnded', {
                group: m.groupName,
                from: when(m.joinedAt, lang),
                to: when(m.leftAt, lang),
              })
            : t('exports.access.journey.membership', { group: m.groupName, from: when(m.joinedAt, lang) }),
        })),
      ...data.attendance
        .filter((a) => a.journeyId === journey.id)
        .map((a) => ({
          text: t('exports.access.journey.attendance', {
            date: when(a.meetingStartsAt, lang),
            group: a.groupName,
            status: t(`groups.attendanceStatus.${a.status}`),
          }),
          details: [
            ...(a.note ? [free(a.note)] : []),
            t('exports.access.journey.recorded', {
              date: when(a.recordedAt, lang),
              who: a.source === 'youth' ? t('exports.access.byYouthThemselves') : who(a.recordedBy),
            }),
          ],
        })),
    ];
    const activities = j.activities.map((a) => {
      const line = activityLine(a, t, lang);
      return {
        text: t('exports.access.journey.activity', {
          date: line.date,
          kind: [line.kind, line.mode].filter(Boolean).join(', '),
        }),
        details: [
          ...(line.note ? [free(line.note)] : []),
          t('exports.access.journey.recorded', { date: when(a.recordedAt, lang), who: who(a.recordedBy.id) }),
        ],
      };
    });
    const placements = j.placements.map((p) => ({
      text: t('exports.access.journey.placement', {
        kind: t(`journeys.placementKinds.${p.kind}`),
        company: p.company.name,
        from: whenDay(p.startDate, lang),
      }),
      details: [
        t('exports.access.journey.hoursPerWeek', { hours: formatNumber(p.hoursPerWeek, lang) }),
        ...(p.plannedEnd ? [t('exports.access.journey.plannedEnd', { date: whenDay(p.plannedEnd, lang) })] : []),
        ...(p.endedAt
          ? [
              [t('exports.access.journey.ended', { date: when(p.endedAt, lang) }), p.endReason ? free(p.endReason) : '']
                .filter(Boolean)
                .join(': '),
            ]
          : []),
        ...p.weeks.map((w) =>
          [
            t('exports.access.journey.week', { date: whenDay(w.weekStart, lang), hours: formatNumber(w.hours, lang) }),
            ...(w.source === 'youth' ? [t('exports.access.own.reportedByYou')] : []),
          ].join(' '),
        ),
      ],
    }));
    const offers: ExportLine[] = [
      ...j.injunctions.map((i) => ({
        text: t('exports.access.journey.injunction', { date: whenDay(i.givenOn, lang), goal: free(i.goal) }),
        details: i.endedOn ? [t('exports.access.journey.offerEnded', { date: whenDay(i.endedOn, lang) })] : [],
      })),
      ...j.offers.map((o) => ({
        text: t('exports.access.journey.offer', {
          kind: [t(`offers.kinds.${o.kind}`), ...(o.subtype ? [t(`offers.subtypes.${o.subtype}`)] : [])].join(', '),
          from: whenDay(o.startDate, lang),
        }),
        details: [
          ...(o.provider ? [t('exports.access.journey.provider', { provider: free(o.provider) })] : []),
          ...(o.hoursPerWeek
            ? [t('exports.access.journey.hoursPerWeek', { hours: formatNumber(o.hoursPerWeek, lang) })]
            : []),
          ...(o.endedOn ? [t('exports.access.journey.offerEnded', { date: whenDay(o.endedOn, lang) })] : []),
          ...(o.note ? [free(o.note)] : []),
        ],
      })),
    ];
    const progression = j.measurements.map((m) => ({
      text: t('exports.access.journey.measurement', {
        date: whenDay(m.measuredOn, lang),
        who: t(`youth.assessedBy.${m.assessedBy}`),
      }),
      details: progressionFactors.flatMap((factor) => {
        const score = m.scores[factor];
        return score === null
          ? []
          : [t('exports.access.journey.score', { factor: progressionFactorLabels[factor][lang], score })];
      }),
    }));
    // What the youth recorded themselves on Mit forløb (docs/decisions/0015, 0016).
    const ownRatings = j.selfRatings.map((r) => ({
      text: t('exports.access.own.rating', { date: whenDay(r.ratedOn, lang) }),
      details: [
        ...selfRatingItems.flatMap((item) => {
          const score = r.scores[item];
          return score === null
            ? []
            : [t('exports.access.journey.score', { factor: t(`youthvoice.progress.short.${item}`), score })];
        }),
        ...(r.requestId !== null ? [t('exports.access.own.asked')] : []),
      ],
    }));
    const answers = j.questionnaire?.answers;
    const ownQuestionnaire = j.questionnaire
      ? [
          {
            text: t('exports.access.own.questionnaire', { date: when(j.questionnaire.submittedAt, lang) }),
            details: questionnaire.flatMap((q) =>
              answers?.[q.code] === undefined
                ? []
                : [
                    t('exports.access.own.answer', {
                      number: q.number,
                      question: q.text[lang],
                      answer: answerText(q, answers[q.code], t, lang),
                    }),
                  ],
            ),
          },
        ]
      : [];
    const wishes = j.matchWishes.map((w) => ({
      text: t('exports.access.own.wish', {
        date: whenDay(w.date, lang),
        rank: w.rank,
        company: w.company,
      }),
      details: [
        free(w.place),
        w.byYouth ? t('exports.access.own.chosenByYou') : t('exports.access.own.chosenByCaseworker'),
      ],
    }));
    const hoursReports = j.hoursReports.map((r) => ({
      text: t('exports.access.own.hoursReport', {
        week: isoWeek(r.weekStart),
        date: whenDay(r.weekStart, lang),
        company: r.company.name,
        hours: formatNumber(r.hours, lang),
      }),
      details: [
        t('exports.access.own.reportedAt', { date: when(r.reportedAt, lang) }),
        r.status === 'reported'
          ? t('exports.access.own.hoursWaiting')
          : t('exports.access.own.hoursSettled', { hours: formatNumber(r.confirmedHours ?? r.hours, lang) }),
        ...(r.note ? [free(r.note)] : []),
      ],
    }));
    const content = j.planContent;
    const plan: ExportLine[] = [
      ...(content?.goal ? [{ text: t('exports.access.journey.goal', { goal: free(content.goal) }) }] : []),
      ...(content?.agreements ?? []).map((a) => ({ text: t('exports.access.journey.agreement', { text: free(a) }) })),
      ...(content?.nextSteps ?? []).map((s) => ({
        text: t('exports.access.journey.nextStep', { text: free(s.what) }),
        details: [...(s.when ? [whenDay(s.when, lang)] : []), ...(s.who ? [free(s.who)] : [])],
      })),
      ...(content?.stabilisation ?? []).map((s) => ({
        text: t('exports.access.journey.stabilisation', { text: free(s) }),
      })),
      ...j.planVersions.map((v) => ({
        text: t('exports.access.journey.planVersion', {
          number: v.number,
          language: t(`exports.access.languages.${v.lang}`),
          date: when(v.createdAt, lang),
          who: who(v.createdBy.id),
        }),
      })),
    ];
    const followUps = j.followUps.map((f) => ({
      text:
        f.status === null
          ? t('exports.access.journey.followUpPending', {
              month: t('journeys.followUpMonth', { months: f.month }),
              date: whenDay(f.dueOn, lang),
            })
          : t('exports.access.journey.followUp', {
              month: t('journeys.followUpMonth', { months: f.month }),
              status: t(`journeys.followUpStatuses.${f.status}`),
            }),
    }));
    const alerts = data.alerts
      .filter((a) => a.journeyId === journey.id)
      .map((a) => {
        const message = (a.explanation as { message?: Text }).message?.[lang];
        return {
          text: t('exports.access.journey.alert', {
            date: when(a.openedAt, lang),
            code: label(riskCodeLabels, a.code, lang),
            severity: known(`common.severity.${a.severity}`, a.severity),
            status: known(`inbox.alertStatus.${a.status}`, a.status),
          }),
          details: [
            ...(message ? [message] : []),
            ...a.history.map((h) =>
              [
                t('exports.access.journey.alertHistory', {
                  date: when(h.at, lang),
                  action: known(`inbox.history.actions.${h.action}`, h.action),
                  who: who(h.actorId),
                }),
                h.note ? free(h.note) : '',
              ]
                .filter(Boolean)
                .join(': '),
            ),
          ],
        };
      });
    const part = (key: TextKey, lines: ExportLine[]): ExportSection => ({
      heading: t(key),
      level: 2,
      lines: orNone(lines),
    });
    return [
      {
        heading: t('exports.access.journey.heading', { number, date: when(journey.firstContactAt, lang) }),
        level: 1,
        lines: summary,
      },
      part('exports.access.journey.steps', steps),
      part('exports.access.journey.decisions', decisions),
      part('exports.access.journey.groups', groups),
      part('exports.access.journey.activities', activities),
      part('exports.access.journey.placements', placements),
      part('exports.access.journey.offers', offers),
      part('exports.access.journey.progression', progression),
      part('exports.access.own.ratings', ownRatings),
      part('exports.access.own.questionnaireHeading', ownQuestionnaire),
      part('exports.access.own.wishes', wishes),
      part('exports.access.own.hours', hoursReports),
      part('exports.access.journey.plan', plan),
      part('exports.access.journey.followUps', followUps),
      part('exports.access.journey.alerts', alerts),
    ];
  }

  const notes: ExportSection = {
    heading: t('exports.access.notes.heading'),
    level: 1,
    lines: orNone(
      data.notes.map((n) => ({
        text: `${t('exports.access.notes.note', { date: whenDay(n.concernsOn, lang), kind: t(`journal.kinds.${n.kind}`) })}: ${free(n.text)}`,
        details: [
          t('exports.access.notes.written', { date: when(n.createdAt, lang), who: who(n.author.id) }),
          ...n.versions
            .filter((v) => v.version !== n.version)
            .map((v) =>
              t('exports.access.notes.earlier', {
                version: v.version,
                date: when(v.writtenAt, lang),
                who: who(v.writtenBy.id),
                text: free(v.text),
              }),
            ),
        ],
      })),
    ),
  };

  const appointments: ExportSection = {
    heading: t('exports.access.appointments.heading'),
    level: 1,
    lines: orNone(
      data.appointments.map((a) => ({
        text: t('exports.access.appointments.appointment', {
          date: whenWithTime(a.startsAt, lang),
          kind: t(`appointments.kinds.${a.kind}`),
          mode: t(`appointments.modes.${a.mode}`),
          status: t(`appointments.statuses.${a.status}`),
        }),
        details: [
          ...(a.place ? [free(a.place)] : []),
          ...(a.note ? [free(a.note)] : []),
          who(a.caseworker.id),
          ...(a.notifiedAbsence
            ? [
                [
                  t('exports.access.own.afbud', { date: when(a.notifiedAbsence.at, lang) }),
                  a.notifiedAbsence.note ? free(a.notifiedAbsence.note) : '',
                ]
                  .filter(Boolean)
                  .join(': '),
              ]
            : []),
        ],
      })),
    ),
  };

  const devices: ExportSection = {
    heading: t('exports.access.devices.heading'),
    level: 1,
    lead: [t('exports.access.devices.lead')],
    lines: orNone(
      data.devices.map((d) => ({
        text: t('exports.access.devices.device', {
          device: d.device || t('myjourney.devices.unknownDevice'),
          method: t(`myjourney.devices.methods.${d.method}`),
        }),
        details: [
          t('exports.access.devices.times', {
            loggedIn: whenWithTime(d.createdAt, lang),
            lastUsed: whenWithTime(d.lastUsedAt, lang),
            expires: whenWithTime(d.expiresAt, lang),
          }),
        ],
      })),
    ),
  };

  const audit: ExportSection = {
    heading: t('exports.access.audit.heading'),
    level: 1,
    lead: [t('exports.access.audit.lead')],
    lines: orNone(
      data.audit.map((e) => ({
        text: t('exports.access.audit.entry', {
          date: whenWithTime(e.occurredAt, lang),
          action: t(`audit.actions.${e.action}`),
          // The youth's own actions on Mit forløb carry no user (docs/decisions/0015).
          who: e.details.by === 'youth' ? t('exports.access.byYouthThemselves') : who(e.userId),
        }),
      })),
    ),
  };

  return {
    title: t('exports.access.title'),
    municipality: data.municipalityName,
    madeOn: t('exports.access.madeOn', { date: when(data.exportedAt, lang) }),
    intro: [t('exports.access.intro', { municipality: data.municipalityName })],
    sections: [person, ...journeySections, notes, appointments, devices, audit],
    pageNumber: (page, pages) => t('exports.access.pageNumber', { page, pages }),
  };
}
