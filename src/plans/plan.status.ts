/**
 * The status part of the plan (LAB § 41 stk. 2, "status"): where the youth stands now, said in
 * one or two plain sentences from the journey's stage and, while in the programme, from where the
 * youth is with a workplace. Written to the youth ("du"), like the rest of the plan.
 */
import type { PlacementState, Stage } from '../../machines/journey.ts';
import type { Lang, Text } from '../shared/i18n.ts';

const activeByPlacement: Record<PlacementState | 'none', Text> = {
  none: {
    da: 'Du er i gang med NExTWORK og mødes med din netværksgruppe.',
    en: 'You have started NExTWORK and meet with your network group.',
  },
  exploring: {
    da: 'Du mødes med din netværksgruppe. Vi finder en arbejdsplads sammen med dig.',
    en: 'You meet with your network group. We will find a workplace together with you.',
  },
  placed: {
    da: 'Du mødes med din netværksgruppe og er i gang på din arbejdsplads.',
    en: 'You meet with your network group and have started at your workplace.',
  },
  between: {
    da: 'Du mødes med din netværksgruppe. Din sidste arbejdsplads er slut, og vi finder den næste sammen.',
    en: 'You meet with your network group. Your last workplace has ended, and we will find the next one together.',
  },
};

/** The status sentence for a journey in `stage`; `placement` is where the youth is with a workplace. */
export function statusText(stage: Stage, placement: PlacementState | null, lang: Lang): string {
  return statusTexts(stage, placement)[lang];
}

function statusTexts(stage: Stage, placement: PlacementState | null): Text {
  switch (stage) {
    case 'referred':
      return {
        da: 'Du er henvist til ungeindsatsen. Vi holder snart den første samtale med dig.',
        en: 'You have been referred to the youth unit. We will soon have our first conversation with you.',
      };
    case 'visitation':
      return {
        da: 'Vi finder ud af sammen med dig, hvilken hjælp der passer bedst til dig.',
        en: 'Together with you, we are finding out which help suits you best.',
      };
    case 'intake':
      return {
        da: 'Du er optaget i NExTWORK. Vi finder en netværksgruppe til dig.',
        en: 'You have been admitted to NExTWORK. We will find a network group for you.',
      };
    case 'active':
      return activeByPlacement[placement ?? 'none'];
    case 'paused':
      // docs/domain.md, glossary, "pause": the placement waits for the youth.
      return placement === 'placed'
        ? {
            da: 'Dit forløb holder pause. Din arbejdsplads venter på dig, til du er klar igen.',
            en: 'Your programme is on a break. Your workplace is waiting for you until you are ready again.',
          }
        : {
            da: 'Dit forløb holder pause, til du er klar igen.',
            en: 'Your programme is on a break until you are ready again.',
          };
    case 'followUp':
      return {
        da: 'Du er færdig med forløbet. Vi kontakter dig for at høre, hvordan det går.',
        en: 'You have finished the programme. We will contact you to hear how you are doing.',
      };
    case 'closed':
      return { da: 'Dit forløb er afsluttet.', en: 'Your programme has ended.' };
    case 'control':
      // Rockwool Fonden: the NExTWORK evaluation summary (2025): the control group gets the jobcentre's usual help, not NExTWORK.
      return {
        da: 'Du får hjælp fra jobcentret på den almindelige måde.',
        en: 'You get help from the jobcentre in the usual way.',
      };
    case 'redirected':
      return {
        da: 'Du får et andet tilbud end NExTWORK. Din kontaktperson fortæller dig mere.',
        en: 'You will get another offer than NExTWORK. Your contact person will tell you more.',
      };
    default: {
      const unhandled: never = stage;
      throw new Error(`Unknown stage: ${String(unhandled)}`);
    }
  }
}
