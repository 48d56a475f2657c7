/**
 * The status part of the plan (LAB § 41 stk. 2, "status"): where the youth stands now, said in
 * one or two plain sentences from the journey's stage and, while in the programme, from where the
 * youth is with a workplace. Written to the youth ("du"), like the rest of the plan; the
 * sentences are in templates/texts/plan.*.json (`status`).
 */
import type { PlacementState, Stage } from '../../machines/journey.ts';
import type { Lang } from '../shared/i18n.ts';
import { t, type TextKey } from '../shared/texts.ts';

/** The status sentence for a journey in `stage`; `placement` is where the youth is with a workplace. */
export function statusText(stage: Stage, placement: PlacementState | null, lang: Lang): string {
  return t(lang, statusKey(stage, placement));
}

function statusKey(stage: Stage, placement: PlacementState | null): TextKey {
  switch (stage) {
    case 'active':
      return `plan.status.active.${placement ?? 'none'}`;
    case 'paused':
      // docs/domain.md, glossary, "pause": the placement waits for the youth.
      return placement === 'placed' ? 'plan.status.paused.workplaceWaits' : 'plan.status.paused.other';
    case 'control':
      // Rockwool Fonden: the NExTWORK evaluation summary (2025): the control group gets the jobcentre's usual help, not NExTWORK.
      return 'plan.status.control';
    case 'referred':
    case 'visitation':
    case 'intake':
    case 'followUp':
    case 'closed':
    case 'redirected':
      return `plan.status.${stage}`;
    default: {
      const unhandled: never = stage;
      throw new Error(`Unknown stage: ${String(unhandled)}`);
    }
  }
}

/**
 * What the plan says in place of a network group or a workplace the youth does not have: it
 * depends on the stage, so a youth after exit, redirected or withdrawn is not promised a group or
 * a workplace (templates/texts/plan.*.json, `without`).
 */
export function withoutTexts(stage: Stage, lang: Lang): { group: string; placement: string } {
  return { group: t(lang, `plan.without.group.${stage}`), placement: t(lang, `plan.without.placement.${stage}`) };
}
