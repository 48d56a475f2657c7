import type { FollowUpMonth } from '../../machines/events.ts';
import type { Stage } from '../../machines/journey.ts';
import { addDays } from '../shared/days.ts';
import { danishDate } from '../shared/clock.ts';

/** LAB § 31 stk. 5: the first conversation is held within 7 days of first contact. */
export const FIRST_CONVERSATION_WITHIN_DAYS = 7;

export const deadlineKinds = ['first_conversation', 'pause_return', 'follow_up'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export interface Deadline {
  kind: DeadlineKind;
  /** The day it falls on (Danish calendar day). */
  due: string;
  /** For a follow-up: 3, 6 or 12 months after exit. */
  month: FollowUpMonth | null;
}

/**
 * What the caseworker must do next by a date, whatever the stage: hold the first conversation
 * (referred), see the youth back from a pause (paused), or record the next 3/6/12-month follow-up
 * (after exit). Other stages have no dated step of their own; their risks are the alerts' business.
 */
export function nextDeadlineOf(journey: {
  stage: Stage;
  firstContactAt: Date;
  expectedReturn: string | null;
  nextFollowUp: { month: FollowUpMonth; dueOn: string } | null;
}): Deadline | null {
  switch (journey.stage) {
    case 'referred':
      return {
        kind: 'first_conversation',
        due: addDays(danishDate(journey.firstContactAt), FIRST_CONVERSATION_WITHIN_DAYS),
        month: null,
      };
    case 'paused':
      return journey.expectedReturn ? { kind: 'pause_return', due: journey.expectedReturn, month: null } : null;
    case 'followUp':
      return journey.nextFollowUp
        ? { kind: 'follow_up', due: journey.nextFollowUp.dueOn, month: journey.nextFollowUp.month }
        : null;
    case 'visitation':
    case 'intake':
    case 'control':
    case 'redirected':
    case 'active':
    case 'closed':
      return null;
  }
}
