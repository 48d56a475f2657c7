import type { Category, ExitOutcome, FollowUpStatus } from '../../machines/events.ts';
import { categoryLabels } from '../visitation/questionnaire.ts';
import type { Text } from '../shared/i18n.ts';
import type { FirstConversationBucket, OverviewGrouping } from './overview.schemas.ts';

/** The words of the key figures (seed 004, pp. 30-35), for the CSV export and the Overblik page. */
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

export const shareLabels = {
  activeOffer: {
    da: 'Aktiveringsgrad (i gruppe eller praktik)',
    en: 'Share with an active offer (group or placement)',
  },
  passive: { da: 'Passivandel (ingen aktivitet i 14 dage)', en: 'Share passive (no activity for 14 days)' },
  inPlacement: { da: 'Andel i praktik', en: 'Share in placement' },
  mentorContact: { da: 'Andel med mentorkontakt i perioden', en: 'Share with a mentor contact in the period' },
} satisfies Record<string, Text>;

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
