import {
  type ConversationMode,
  conversationModes,
  type ExitOutcome,
  exitOutcomes,
  type FollowUpMonth,
  followUpMonths,
  type FollowUpStatus,
  followUpStatuses,
  type PauseReason,
  pauseReasons,
  type PlacementKind,
  placementKinds,
} from '../../machines/events.ts';
import type { Text } from '../shared/i18n.ts';
import { labelsOf, texts } from '../shared/texts.ts';

/**
 * The words for the codes of the journey's events (machines/events.ts), as users read them; the
 * words are in templates/texts/journeys.*.json.
 */

export const placementKindLabels: Record<PlacementKind, Text> = labelsOf('journeys.placementKinds', placementKinds);

export const pauseReasonLabels: Record<PauseReason, Text> = labelsOf('journeys.pauseReasons', pauseReasons);

/** How a conversation was held: in person, by phone or by video. */
export const conversationModeLabels: Record<ConversationMode, Text> = labelsOf(
  'journeys.conversationModes',
  conversationModes,
);

export const exitOutcomeLabels: Record<ExitOutcome, Text> = labelsOf('journeys.exitOutcomes', exitOutcomes);

export const followUpStatusLabels: Record<FollowUpStatus, Text> = labelsOf(
  'journeys.followUpStatuses',
  followUpStatuses,
);

export const followUpMonthLabels = Object.fromEntries(
  followUpMonths.map((months) => [months, texts('journeys.followUpMonth', { months })]),
) as Record<FollowUpMonth, Text>;
