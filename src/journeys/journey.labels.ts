import type { FollowUpMonth, PauseReason, PlacementKind } from '../../machines/events.ts';
import type { Text } from '../shared/i18n.ts';

/** The words for the codes of the journey's events (machines/events.ts), as users read them. */

export const placementKindLabels: Record<PlacementKind, Text> = {
  internship: { da: 'Virksomhedspraktik', en: 'Internship' },
  paid_hours: { da: 'Ordinære timer med løn', en: 'Paid hours' },
  wage_subsidy: { da: 'Løntilskud', en: 'Wage subsidy' },
};

export const pauseReasonLabels: Record<PauseReason, Text> = {
  illness: { da: 'Sygdom', en: 'Illness' },
  hospital: { da: 'Indlæggelse', en: 'Hospital stay' },
  treatment: { da: 'Behandling', en: 'Treatment' },
  other: { da: 'Andet', en: 'Other' },
};

export const followUpMonthLabels: Record<FollowUpMonth, Text> = {
  3: { da: '3 måneder', en: '3 months' },
  6: { da: '6 måneder', en: '6 months' },
  12: { da: '12 måneder', en: '12 months' },
};
