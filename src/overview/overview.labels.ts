import type { Category, ExitOutcome, FollowUpStatus } from '../../machines/events.ts';
import { categoryLabels } from '../visitation/questionnaire.ts';
import type { Text } from '../shared/i18n.ts';
import type { FirstConversationBucket, OverviewGrouping } from './overview.schemas.ts';

/** The words of the key figures (STAR: Den gode ungeindsats i jobcentrene (2017), s. 30-35), for the CSV export and the Overblik page. */
export const groupingLabels: Record<OverviewGrouping, Text> = {
  unit: { da: 'Enhed', en: 'Unit' },
  caseworker: { da: 'Rådgiver', en: 'Caseworker' },
  group: { da: 'Netværksgruppe', en: 'Network group' },
};

export const wholeUnitLabel: Text = { da: 'Hele enheden', en: 'The whole unit' };
export const noGroupLabel: Text = { da: 'Ikke i en gruppe', en: 'Not in a group' };

export const visitationCategoryLabels: Record<Category, Text> = categoryLabels;

export const firstConversationLabels: Record<FirstConversationBucket, Text> = {
  sameDay: { da: 'Samme dag', en: 'Same day' },
  withinWeek: { da: 'Inden for en uge', en: 'Within a week' },
  withinMonth: { da: 'Inden for en måned', en: 'Within a month' },
  later: { da: 'Senere', en: 'Later' },
  notYet: { da: 'Endnu ikke', en: 'Not yet' },
};

export const exitOutcomeLabels: Record<ExitOutcome, Text> = {
  job: { da: 'Job', en: 'Job' },
  education: { da: 'Uddannelse', en: 'Education' },
  other_support: { da: 'Anden indsats', en: 'Other support' },
  dropped_out: { da: 'Faldet fra', en: 'Dropped out' },
  moved: { da: 'Fraflyttet', en: 'Moved' },
  other: { da: 'Andet', en: 'Other' },
};

export const followUpStatusLabels: Record<FollowUpStatus, Text> = {
  in_job: { da: 'I job', en: 'In a job' },
  in_education: { da: 'I uddannelse', en: 'In education' },
  back_on_benefit: { da: 'Tilbage på ydelse', en: 'Back on benefit' },
  unknown: { da: 'Ukendt', en: 'Unknown' },
};

/** The share figures' titles; the passive share names the municipality's threshold. */
export function shareLabelsFor(passiveAfterDays: number) {
  return {
    activeOffer: {
      da: 'Aktiveringsgrad (i gruppe eller praktik)',
      en: 'Share with an active offer (group or placement)',
    },
    passive: {
      da: `Passivandel (ingen aktivitet i ${passiveAfterDays} dage)`,
      en: `Share passive (no activity for ${passiveAfterDays} days)`,
    },
    inPlacement: { da: 'Andel i praktik', en: 'Share in placement' },
    mentorContact: { da: 'Andel med mentorkontakt i perioden', en: 'Share with a mentor contact in the period' },
  } satisfies Record<string, Text>;
}
export type ShareFigure = keyof ReturnType<typeof shareLabelsFor>;

export const figureTitles = {
  visitationCategories: { da: 'Fordeling på visitationskategori', en: 'Distribution by visitation category' },
  firstConversation: {
    da: 'Tid fra første kontakt til første samtale',
    en: 'Time from first contact to first conversation',
  },
  shares: { da: 'Aktiv indsats, passivitet, praktik og mentor', en: 'Active offer, passivity, placement and mentor' },
  exitOutcomes: { da: 'Resultat ved afslutning', en: 'Outcome at exit' },
  followUps: { da: 'Opfølgningsstatus', en: 'Follow-up status' },
  progression: { da: 'Progression, gennemsnit pr. faktor', en: 'Progression, average per factor' },
} satisfies Record<string, Text>;

export const countWords = {
  total: { da: 'I alt', en: 'Total' },
  numerator: { da: 'antal', en: 'count' },
  denominator: { da: 'ud af', en: 'out of' },
  percent: { da: 'pct.', en: 'percent' },
  average: { da: 'gennemsnit', en: 'average' },
  measured: { da: 'målinger', en: 'measurements' },
} satisfies Record<string, Text>;

/** The figures of the Overblik page, in the order shown. */
export type OverviewFigure = 'visitation' | 'first-conversation' | ShareFigure | 'exits' | 'follow-ups' | 'progression';

/**
 * What each figure counts and as of when, shown under its title (the service documents the
 * same next to each figure). `statusOn` is the day the status figures are taken at, written out.
 */
export function figureBasisFor(statusOn: Text, passiveAfterDays: number): Record<OverviewFigure, Text> {
  const offer = {
    da: `Ud af de unge, der var klar til gruppe, aktive eller på pause ${statusOn.da}`,
    en: `Of the youth ready for a group, active or paused ${statusOn.en}`,
  };
  return {
    visitation: {
      da: 'Unge, hvis visitation blev afgjort i perioden, efter den afgjorte kategori.',
      en: 'Youth whose visitation was decided in the period, by the decided category.',
    },
    'first-conversation': {
      da: 'Unge med første kontakt i perioden. Endnu ikke: ingen første samtale ved periodens slutning.',
      en: 'Youth with their first contact in the period. Not yet: no first conversation by the end of the period.',
    },
    activeOffer: {
      da: `${offer.da}: andelen i en netværksgruppe eller en praktik.`,
      en: `${offer.en}: the share in a network group or a placement.`,
    },
    passive: {
      da: `Ud af de unge, der var aktive ${statusOn.da}: andelen uden registreret aktivitet i ${passiveAfterDays} dage.`,
      en: `Of the youth active ${statusOn.en}: the share with no recorded activity for ${passiveAfterDays} days.`,
    },
    inPlacement: {
      da: `${offer.da}: andelen i en praktik, også når praktikken venter under en pause.`,
      en: `${offer.en}: the share in a placement, also when it waits during a pause.`,
    },
    mentorContact: {
      da: 'Ud af de unge, der var klar til gruppe, aktive eller på pause i løbet af perioden: andelen med mindst én mentorkontakt i perioden.',
      en: 'Of the youth ready for a group, active or paused during the period: the share with at least one mentor contact in it.',
    },
    exits: {
      da: 'Unge afsluttet i perioden, efter resultat.',
      en: 'Youth who exited in the period, by outcome.',
    },
    'follow-ups': {
      da: 'Opfølgninger efter 3, 6 og 12 måneder, der fandt sted i perioden, efter status.',
      en: 'Follow-ups at 3, 6 and 12 months that took place in the period, by status.',
    },
    progression: {
      da: 'Hver målt ungs seneste score i perioden; antal målte unge i parentes.',
      en: "Each measured youth's latest score in the period; the number of youth measured in brackets.",
    },
  };
}

/** Whom a row counts, shown with the figures when they are broken down. */
export const groupingBasis: Record<OverviewGrouping, Text | null> = {
  unit: null,
  caseworker: {
    da: 'Hver ung tæller hos den rådgiver, der havde den unge ved periodens slutning.',
    en: 'Each youth counts for the caseworker who had them at the end of the period.',
  },
  group: {
    da: 'Hver ung tæller i den netværksgruppe, den unge senest var i ved periodens slutning.',
    en: 'Each youth counts in the network group they were last in at the end of the period.',
  },
};
