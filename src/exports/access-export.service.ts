import { listActivities } from '../activities/activity.repository.ts';
import { alertHistories } from '../alerts/alert.repository.ts';
import { listAppointments } from '../appointments/appointment.repository.ts';
import { auditAs } from '../audit/audit-as.ts';
import { listAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { listFollowUpsOfJourney } from '../followups/follow-up.repository.ts';
import { wishesOfJourney } from '../matching/match-event.repository.ts';
import {
  type JourneyRecord,
  listJourneyEvents,
  listJourneysOfYouth,
  listRuleDecisions,
} from '../journeys/journey.repository.ts';
import { findSettings } from '../municipalities/settings.repository.ts';
import { listNotesOfYouth, listNoteVersions } from '../notes/note.repository.ts';
import { listInjunctionsOfJourney, listOffersOfJourney } from '../offers/offer.repository.ts';
import { listHoursReports } from '../placements/hours-report.repository.ts';
import { listPlacementsOfJourney, listPlacementWeeks } from '../placements/placement.repository.ts';
import { findPlanContent, listPlanVersions } from '../plans/plan.repository.ts';
import { listMeasurements } from '../progression/progression.repository.ts';
import { listSelfRatings } from '../progression/self-rating.repository.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { texts } from '../shared/texts.ts';
import { formatCpr } from '../youth/cpr.ts';
import { findYouthById } from '../youth/youth.repository.ts';
import { listYouthDevices } from '../youth-login/youth-login.repository.ts';
import { findQuestionnaireResponse } from '../visitation/questionnaire-response.repository.ts';
import {
  colleaguesOf,
  groupAndCompanyNames,
  listAlertsOfYouth,
  listAttendanceOfYouth,
  listMembershipsOfYouth,
  municipalityName,
} from './access-export.repository.ts';
import { renderAccessPdf } from './access-export.document.ts';
import { type AccessData, colleagueRef, type JourneyData, maskedText } from './access-export.model.ts';
import { accessExportSections } from './access-export.view.ts';

/**
 * A young person's right of access (GDPR art. 15; docs/exports.md): everything Ungeflow holds about
 * one youth, read in one transaction, as JSON for a system or as a PDF in plain Danish or English
 * for the youth. The export is itself written to the audit log.
 *
 * What it shows, and what it leaves out:
 * - the youth's own CPR number in full, once, among the personal details: it is their data and
 *   art. 15 gives them a copy of it. Anything shaped like a CPR number in free text (notes, reasons,
 *   agreements) is masked, since it may be someone else's (a parent's, a sibling's);
 * - colleagues by role ("rådgiver", "leder") unless the municipality's setting
 *   `accessExport.colleagueNames` says to name them too (art. 15 asks for the recipients, and
 *   Datatilsynet leaves it to the controller whether individual employees are named);
 * - the audit log's entries about the youth (their own and the lists and searches that showed
 *   them), each with the day and time, the action and who; not the entries' technical details
 *   (addresses, request ids, search criteria), which are about the staff's work, not the youth.
 */

type Deps = Pick<AppDeps, 'db' | 'vault' | 'clock' | 'ruleSets'>;

/** More than any youth has; the lists are read whole. */
const ALL = { limit: 1_000_000, offset: 0 };

async function journeyData(db: Db, municipalityId: string, journey: JourneyRecord): Promise<JourneyData> {
  const id = journey.id;
  const placements = await listPlacementsOfJourney(db, municipalityId, id);
  const withWeeks: JourneyData['placements'] = [];
  for (const placement of placements) {
    withWeeks.push({ ...placement, weeks: await listPlacementWeeks(db, municipalityId, placement.id) });
  }
  return {
    journey,
    events: await listJourneyEvents(db, municipalityId, id),
    decisions: await listRuleDecisions(db, municipalityId, id),
    activities: (await listActivities(db, municipalityId, id, {}, ALL)).items.reverse(),
    placements: withWeeks,
    offers: await listOffersOfJourney(db, municipalityId, id),
    injunctions: (await listInjunctionsOfJourney(db, municipalityId, id)).reverse(),
    measurements: await listMeasurements(db, municipalityId, id),
    followUps: await listFollowUpsOfJourney(db, municipalityId, id),
    planContent: (await findPlanContent(db, municipalityId, id)) ?? null,
    planVersions: await listPlanVersions(db, municipalityId, id),
    selfRatings: await listSelfRatings(db, municipalityId, id),
    questionnaire: (await findQuestionnaireResponse(db, municipalityId, id)) ?? null,
    matchWishes: await wishesOfJourney(db, municipalityId, id),
    hoursReports: (await listHoursReports(db, municipalityId, { journeyIds: [id] })).reverse(),
  };
}

/** Reads everything about the youth; not_found when the municipality has no such youth. */
export async function gatherAccessData(
  deps: Deps,
  db: Db,
  municipalityId: string,
  youthId: string,
): Promise<AccessData> {
  const youth = await findYouthById(db, municipalityId, youthId);
  if (!youth) throw new DomainError('not_found');
  const journeys: JourneyData[] = [];
  for (const journey of (await listJourneysOfYouth(db, municipalityId, youthId)).reverse()) {
    journeys.push(await journeyData(db, municipalityId, journey));
  }
  const alerts = await listAlertsOfYouth(db, municipalityId, youthId);
  const histories = await alertHistories(
    db,
    municipalityId,
    alerts.map((a) => a.id),
  );
  const notes = (await listNotesOfYouth(db, municipalityId, youthId, ALL)).items.reverse();
  const versions = await listNoteVersions(
    db,
    municipalityId,
    notes.map((n) => n.id),
  );
  return {
    exportedAt: deps.clock(),
    municipalityName: await municipalityName(db, municipalityId),
    settings: await findSettings(db, municipalityId),
    youth,
    cpr: formatCpr(deps.vault.decrypt(municipalityId, youth.cprEncrypted)),
    journeys,
    memberships: await listMembershipsOfYouth(db, municipalityId, youthId),
    attendance: await listAttendanceOfYouth(db, municipalityId, youthId),
    alerts: alerts.map((a) => ({ ...a, history: histories.get(a.id) ?? [] })),
    notes: notes.map((n) => ({ ...n, versions: versions.filter((v) => v.noteId === n.id) })),
    appointments: await listAppointments(db, municipalityId, { youthId }, ALL.limit),
    // No device is the one reading: the export is made by staff.
    devices: await listYouthDevices(db, municipalityId, youthId, '', deps.clock()),
    audit: (await listAudit(db, municipalityId, { youthId }, ALL)).items.reverse(),
    colleagues: await colleaguesOf(db, municipalityId),
    names: await groupAndCompanyNames(db, municipalityId),
  };
}

export type AccessExportFile =
  { format: 'pdf'; bytes: Buffer; fileName: string } | { format: 'json'; body: AccessExportJson; fileName: string };

/**
 * The export in the format asked for, read and audited in one transaction: the audit entry names
 * the youth, the format and the language, so the log says who handed out what and when.
 */
export async function exportYouthAccess(
  deps: Deps,
  actor: Actor,
  youthId: string,
  request: { format: 'pdf' | 'json'; lang: Lang },
): Promise<AccessExportFile> {
  const data = await deps.db.transaction().execute(async (trx) => {
    const gathered = await gatherAccessData(deps, trx, actor.municipalityId, youthId);
    await auditAs(trx, actor, 'youth.access_exported', youthId, {
      format: request.format,
      ...(request.format === 'pdf' ? { lang: request.lang } : {}),
    });
    return gathered;
  });
  const day = data.exportedAt.toISOString().slice(0, 10);
  if (request.format === 'json') {
    return { format: 'json', body: accessExportJson(data), fileName: `indsigt-${day}.json` };
  }
  const bytes = await renderAccessPdf(accessExportSections(data, deps.ruleSets, request.lang), request.lang);
  return { format: 'pdf', bytes, fileName: `indsigt-${day}.pdf` };
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

function maskedPayload(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return key === 'seed' ? value : maskedText(value);
  if (Array.isArray(value)) return value.map((item) => maskedPayload(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskedPayload(v, k)]));
  }
  return value;
}

const text = (value: string | null) => (value === null ? null : maskedText(value));

export type AccessExportJson = ReturnType<typeof accessExportJson>;

/** The export for a system: codes and ISO dates, free text with CPR-shaped numbers masked. */
export function accessExportJson(data: AccessData) {
  const who = (userId: string | null) => colleagueRef(data, userId);
  const youth = data.youth;
  return {
    format: 'ungeflow-access-export',
    formatVersion: 1,
    exportedAt: data.exportedAt.toISOString(),
    municipality: data.municipalityName,
    colleaguesNamed: data.settings.accessExport.colleagueNames,
    youth: {
      id: youth.id,
      name: youth.name,
      cpr: data.cpr,
      birthDate: youth.birthDate,
      phone: youth.phone,
      email: youth.email,
      address: youth.address,
      registeredAt: youth.createdAt.toISOString(),
      updatedAt: youth.updatedAt.toISOString(),
    },
    journeys: data.journeys.map((j) => ({
      id: j.journey.id,
      referral: {
        source: j.journey.referralSource,
        reason: maskedText(j.journey.referralReason),
        firstContactAt: j.journey.firstContactAt.toISOString(),
        earlierBenefit: j.journey.earlierBenefit,
      },
      returning: j.journey.returning,
      stage: j.journey.stage,
      open: j.journey.open,
      caseworker: who(j.journey.caseworkerId),
      openedAt: j.journey.createdAt.toISOString(),
      events: j.events.map((e) => ({
        seq: e.seq,
        type: e.type,
        occurredAt: e.occurredAt.toISOString(),
        recordedAt: e.recordedAt.toISOString(),
        by: who(e.actorId),
        payload: maskedPayload(e.payload),
      })),
      decisions: j.decisions.map((d) => ({
        ruleSet: d.ruleSet,
        ruleSetVersion: d.ruleSetVersion,
        outcome: d.outcome,
        decidedAt: d.decidedAt.toISOString(),
        eventSeq: d.eventSeq,
        facts: maskedPayload(d.facts),
        result: maskedPayload(d.result),
      })),
      groups: data.memberships
        .filter((m) => m.journeyId === j.journey.id)
        .map((m) => ({
          group: m.groupName,
          role: m.role,
          joinedAt: m.joinedAt.toISOString(),
          leftAt: m.leftAt?.toISOString() ?? null,
        })),
      attendance: data.attendance
        .filter((a) => a.journeyId === j.journey.id)
        .map((a) => ({
          group: a.groupName,
          meetingAt: a.meetingStartsAt.toISOString(),
          status: a.status,
          note: text(a.note),
          recordedAt: a.recordedAt.toISOString(),
          by: who(a.recordedBy),
          recordedByYouth: a.source === 'youth',
        })),
      activities: j.activities.map((a) => ({
        kind: a.kind,
        conversationKind: a.conversationKind,
        mode: a.mode,
        jobConversation: a.jobConversation,
        occurredAt: a.occurredAt.toISOString(),
        note: text(a.note),
        recordedAt: a.recordedAt.toISOString(),
        by: who(a.recordedBy.id),
      })),
      placements: j.placements.map((p) => ({
        kind: p.kind,
        company: p.company.name,
        startDate: p.startDate,
        plannedEnd: p.plannedEnd,
        hoursPerWeek: p.hoursPerWeek,
        chosenByYouth: p.chosenByYouth,
        endedAt: p.endedAt?.toISOString() ?? null,
        endReason: text(p.endReason),
        hoursWorked: p.weeks.map((w) => ({
          weekStart: w.weekStart,
          hours: w.hours,
          by: who(w.recordedBy),
          reportedByYouth: w.source === 'youth',
        })),
      })),
      offers: j.offers.map((o) => ({
        kind: o.kind,
        subtype: o.subtype,
        provider: text(o.provider),
        startDate: o.startDate,
        plannedEnd: o.plannedEnd,
        endedOn: o.endedOn,
        endCause: o.endCause,
        hoursPerWeek: o.hoursPerWeek,
        note: text(o.note),
      })),
      educationInjunctions: j.injunctions.map((i) => ({
        givenOn: i.givenOn,
        goal: maskedText(i.goal),
        startBy: i.startBy,
        endedOn: i.endedOn,
      })),
      ownRatings: j.selfRatings.map((r) => ({
        ratedOn: r.ratedOn,
        ratedAt: r.ratedAt.toISOString(),
        askedByCaseworker: r.requestId !== null,
        scores: r.scores,
        byYouth: true,
      })),
      questionnaire: j.questionnaire && {
        answers: j.questionnaire.answers,
        submittedAt: j.questionnaire.submittedAt.toISOString(),
        version: j.questionnaire.version,
        byYouth: true,
      },
      matchWishes: j.matchWishes.map((w) => ({
        eventDate: w.date,
        place: text(w.place),
        company: w.company,
        rank: w.rank,
        byYouth: w.byYouth,
      })),
      hoursReports: j.hoursReports.map((r) => ({
        company: r.company.name,
        weekStart: r.weekStart,
        hours: r.hours,
        note: text(r.note),
        reportedAt: r.reportedAt.toISOString(),
        status: r.status,
        confirmedHours: r.confirmedHours,
        decidedAt: r.decidedAt?.toISOString() ?? null,
      })),
      progression: j.measurements.map((m) => ({
        measuredOn: m.measuredOn,
        assessedBy: m.assessedBy,
        scores: m.scores,
        by: who(m.recordedBy.id),
      })),
      plan: {
        content: j.planContent && {
          goal: text(j.planContent.goal),
          agreements: j.planContent.agreements.map(maskedText),
          nextSteps: j.planContent.nextSteps.map((s) => ({ what: maskedText(s.what), when: s.when, who: text(s.who) })),
          stabilisation: j.planContent.stabilisation.map(maskedText),
          version: j.planContent.version,
          updatedAt: j.planContent.updatedAt.toISOString(),
          by: who(j.planContent.updatedBy.id),
        },
        versions: j.planVersions.map((v) => ({
          number: v.number,
          lang: v.lang,
          createdAt: v.createdAt.toISOString(),
          by: who(v.createdBy.id),
        })),
      },
      followUps: j.followUps.map((f) => ({
        month: f.month,
        dueOn: f.dueOn,
        status: f.status,
        recordedAt: f.recordedAt?.toISOString() ?? null,
      })),
      alerts: data.alerts
        .filter((a) => a.journeyId === j.journey.id)
        .map((a) => ({
          code: a.code,
          severity: a.severity,
          status: a.status,
          openedAt: a.openedAt.toISOString(),
          resolvedAt: a.resolvedAt?.toISOString() ?? null,
          message: (a.explanation as { message?: unknown }).message ?? null,
          history: a.history.map((h) => ({
            at: h.at.toISOString(),
            action: h.action,
            note: text(h.note),
            by: who(h.actorId),
          })),
        })),
    })),
    caseNotes: data.notes.map((n) => ({
      concernsOn: n.concernsOn,
      kind: n.kind,
      text: maskedText(n.text),
      writtenAt: n.createdAt.toISOString(),
      author: who(n.author.id),
      versions: n.versions.map((v) => ({
        version: v.version,
        concernsOn: v.concernsOn,
        kind: v.kind,
        text: maskedText(v.text),
        writtenAt: v.writtenAt.toISOString(),
        by: who(v.writtenBy.id),
      })),
    })),
    appointments: data.appointments.map((a) => ({
      kind: a.kind,
      mode: a.mode,
      startsAt: a.startsAt.toISOString(),
      durationMinutes: a.durationMinutes,
      place: text(a.place),
      note: text(a.note),
      status: a.status,
      heldAt: a.heldAt?.toISOString() ?? null,
      notifiedAbsence: a.notifiedAbsence && {
        at: a.notifiedAbsence.at.toISOString(),
        note: text(a.notifiedAbsence.note),
      },
      caseworker: who(a.caseworker.id),
    })),
    youthDevices: data.devices.map((d) => ({
      device: d.device,
      method: d.method,
      loggedInAt: d.createdAt.toISOString(),
      lastUsedAt: d.lastUsedAt.toISOString(),
      expiresAt: d.expiresAt.toISOString(),
    })),
    auditTrail: data.audit.map((e) => ({
      at: e.occurredAt.toISOString(),
      action: e.action,
      actionText: texts(`audit.actions.${e.action}`),
      by: who(e.userId),
      byYouth: e.details.by === 'youth',
    })),
  };
}
