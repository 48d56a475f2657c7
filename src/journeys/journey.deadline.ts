import type { FollowUpMonth } from '../../machines/events.ts';
import type { Stage } from '../../machines/journey.ts';
import { addDays } from '../shared/days.ts';
import { danishDate } from '../shared/clock.ts';

/** LAB § 31 stk. 5: the first conversation is held within 7 days of first contact. */
export const FIRST_CONVERSATION_WITHIN_DAYS = 7;

export const deadlineKinds = ['first_conversation', 'pause_return', 'follow_up', 'plan_review'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export interface Deadline {
  kind: DeadlineKind;
  /** The day it falls on (Danish calendar day). */
  due: string;
  /** For a follow-up: 3, 6 or 12 months after exit. */
  month: FollowUpMonth | null;
}

/** The stages in which the youth's plan is in use, so its review is due: from visitation to exit. */
export const planReviewStages: readonly Stage[] = ['visitation', 'intake', 'control', 'redirected', 'active', 'paused'];

/**
 * What the caseworker must do next by a date, whatever the stage: hold the first conversation
 * (referred), see the youth back from a pause (paused), record the next 3/6/12-month follow-up
 * (after exit), or go through the plan with the youth on the review day set in it (while the
 * plan is in use). When two fall due, the earlier one is next; other risks are the alerts'
 * business.
 */
export function nextDeadlineOf(journey: {
  stage: Stage;
  firstContactAt: Date;
  expectedReturn: string | null;
  nextFollowUp: { month: FollowUpMonth; dueOn: string } | null;
  planReviewOn: string | null;
}): Deadline | null {
  const ofStage = stageDeadlineOf(journey);
  const review: Deadline | null =
    journey.planReviewOn !== null && planReviewStages.includes(journey.stage)
      ? { kind: 'plan_review', due: journey.planReviewOn, month: null }
      : null;
  if (!ofStage || !review) return ofStage ?? review;
  return review.due < ofStage.due ? review : ofStage;
}

function stageDeadlineOf(journey: {
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
