import type { RiskCode } from '../risk/risk.codes.ts';
import type { Text } from '../shared/i18n.ts';

/**
 * Short names of the risk rules, for lists, the digest and the inbox. They name no day counts: a
 * municipality may override the thresholds, and the alert's own message states the ones it used.
 */
export const riskCodeLabels: Record<RiskCode, Text> = {
  first_conversation_overdue: { da: 'Første samtale ikke holdt i tide', en: 'First conversation not held in time' },
  conversations_behind: { da: 'Bagud med individuelle samtaler', en: 'Behind on individual conversations' },
  no_offer_after_visitation: { da: 'Intet tilbud efter visitation', en: 'No offer after visitation' },
  missed_meetings: { da: 'Udeblevet fra gruppemøder', en: 'Missed group meetings' },
  passive: { da: 'Passiv', en: 'Passive' },
  passive_long: { da: 'Passiv i lang tid', en: 'Passive for a long time' },
  between_placements: { da: 'Mellem to praktikker', en: 'Between placements' },
  no_placement_after_intake: { da: 'Ingen praktik efter opstart i gruppe', en: 'No placement after joining a group' },
  low_hours: { da: 'Få timer i praktik', en: 'Few hours in placement' },
  pause_overdue: { da: 'Pause trukket ud', en: 'Pause overdue' },
  progression_overdue: { da: 'Progression ikke målt', en: 'Progression not measured' },
  follow_up_due: { da: 'Opfølgning forsinket', en: 'Follow-up overdue' },
};
