import type { Activity } from '../activities/activity.repository.ts';
import type { AlertHistoryEntry } from '../alerts/alert.repository.ts';
import type { Appointment } from '../appointments/appointment.repository.ts';
import type { AuditEntry } from '../audit/audit.types.ts';
import type { FollowUp } from '../followups/follow-up.repository.ts';
import type { JourneyMatchWish } from '../matching/match-event.repository.ts';
import type { JourneyEventRecord, JourneyRecord, RuleDecisionRecord } from '../journeys/journey.repository.ts';
import type { MunicipalitySettings } from '../municipalities/settings.schemas.ts';
import type { CaseNote, CaseNoteVersion } from '../notes/note.repository.ts';
import type { EducationInjunction, Offer } from '../offers/offer.repository.ts';
import type { HoursReport } from '../placements/hours-report.repository.ts';
import type { Placement, PlacementWeek } from '../placements/placement.repository.ts';
import type { PlanContent, PlanVersionSummary } from '../plans/plan.repository.ts';
import type { ProgressionMeasurement } from '../progression/progression.repository.ts';
import type { SelfRating } from '../progression/self-rating.repository.ts';
import type { QuestionnaireResponse } from '../visitation/questionnaire-response.repository.ts';
import { redactCpr } from '../youth/cpr.ts';
import type { YouthRecord } from '../youth/youth.repository.ts';
import type { YouthDevice } from '../youth-login/youth-login.repository.ts';
import type { AlertRecord, AttendanceRecord, Colleague, MembershipRecord } from './access-export.repository.ts';

/** What the access export holds about one youth, as read (access-export.service.ts), for the JSON and the PDF. */

export interface JourneyData {
  journey: JourneyRecord;
  events: JourneyEventRecord[];
  decisions: RuleDecisionRecord[];
  activities: Activity[];
  placements: Array<Placement & { weeks: PlacementWeek[] }>;
  offers: Offer[];
  injunctions: EducationInjunction[];
  measurements: ProgressionMeasurement[];
  followUps: FollowUp[];
  planContent: PlanContent | null;
  planVersions: PlanVersionSummary[];
  // What the youth recorded themselves on Mit forløb (docs/decisions/0015, 0016).
  selfRatings: SelfRating[];
  questionnaire: QuestionnaireResponse | null;
  matchWishes: JourneyMatchWish[];
  /** Oldest week first. */
  hoursReports: HoursReport[];
}

/** Everything the export holds, as read; the JSON and the PDF are both made from it. */
export interface AccessData {
  exportedAt: Date;
  municipalityName: string;
  settings: MunicipalitySettings;
  youth: YouthRecord;
  /** The youth's CPR number written DDMMYY-SSSS. */
  cpr: string;
  /** Oldest first. */
  journeys: JourneyData[];
  memberships: MembershipRecord[];
  attendance: AttendanceRecord[];
  alerts: Array<AlertRecord & { history: AlertHistoryEntry[] }>;
  notes: Array<CaseNote & { versions: CaseNoteVersion[] }>;
  appointments: Appointment[];
  /** The devices the youth is logged in on (Mit forløb), the latest used first. */
  devices: YouthDevice[];
  /** Oldest first. */
  audit: AuditEntry[];
  colleagues: ReadonlyMap<string, Colleague>;
  names: { groups: ReadonlyMap<string, string>; companies: ReadonlyMap<string, string> };
}

/** A colleague as the export names them: by role, and by name when the municipality says so. */
export type ColleagueRef = { role: Colleague['role']; name?: string } | null;

export function colleagueRef(data: Pick<AccessData, 'colleagues' | 'settings'>, userId: string | null): ColleagueRef {
  if (userId === null) return null;
  const colleague = data.colleagues.get(userId);
  if (!colleague) return null;
  return data.settings.accessExport.colleagueNames
    ? { role: colleague.role, name: colleague.name }
    : { role: colleague.role };
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Free text with anything shaped like a CPR number masked; ids and the draw's seed (hex digits
 * that can run to ten) are left as they are.
 */
export function maskedText(value: string): string {
  return uuidShape.test(value) ? value : redactCpr(value);
}
