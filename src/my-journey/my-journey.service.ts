import type { YouthActor } from '../auth/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AppDeps } from '../deps.ts';
import { renderPlanPdf } from '../plans/plan.document.ts';
import { assemblePlanData } from '../plans/plan.service.ts';
import { loadPlanTemplate, planTemplateDirFor } from '../plans/plan.template.ts';
import type { PlanData } from '../plans/plan.types.ts';
import { danishDate, danishLocalTime } from '../shared/clock.ts';
import { addDays, isoWeekday } from '../shared/days.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { findYouthById } from '../youth/youth.repository.ts';
import { auditAsYouth, youthAudit } from '../audit/audit-as.ts';
import { findCurrentJourneyId, findNextAppointment, type NextAppointment } from './my-journey.repository.ts';

/** What the youth's start page shows (Mit forløb): the plan's parts that matter this week. */
export interface MyJourney {
  firstName: string;
  /** Null when the youth has no journey. */
  plan: PlanData | null;
  /** The next weekly meeting of the youth's group, from its weekday and time. */
  nextMeeting: Date | null;
  nextAppointment: NextAppointment | null;
}

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/**
 * The youth's own journey as the start page shows it: the same data the printed plan is made from
 * (assemblePlanData), so the page and the letter agree, and the next appointment. Audited as a
 * read by the youth.
 */
export async function readMyJourney(deps: Deps, youth: YouthActor, lang: Lang): Promise<MyJourney> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const record = await findYouthById(trx, youth.municipalityId, youth.youthId);
    if (!record) throw new DomainError('not_found');
    const firstName = record.name.trim().split(/\s+/)[0] ?? record.name;
    const journeyId = await findCurrentJourneyId(trx, youth.municipalityId, youth.youthId);
    if (!journeyId) return { firstName, plan: null, nextMeeting: null, nextAppointment: null };
    const { data } = await assemblePlanData(trx, youth.municipalityId, journeyId, lang, now);
    const nextAppointment = await findNextAppointment(trx, youth.municipalityId, youth.youthId, now);
    await auditAsYouth(trx, youth, 'journey.read', { journeyId, view: 'my_journey' });
    const group = data.networkGroup;
    const nextMeeting = group?.weekday && group.startTime ? nextWeekly(group.weekday, group.startTime, now) : null;
    return { firstName, plan: data, nextMeeting, nextAppointment };
  });
}

/** The next start of a weekly meeting on the ISO weekday at the Danish time, after `now`. */
export function nextWeekly(weekday: number, time: string, now: Date): Date {
  const today = danishDate(now);
  for (let days = 0; days <= 7; days += 1) {
    const day = addDays(today, days);
    if (isoWeekday(day) !== weekday) continue;
    const start = danishLocalTime(day, time);
    if (start > now) return start;
  }
  return danishLocalTime(addDays(today, 7), time);
}

/** The youth's current plan as the PDF the caseworker prints; audited as the youth's read. */
export async function renderMyPlan(deps: Deps, youth: YouthActor, lang: Lang): Promise<Buffer> {
  const journeyId = await findCurrentJourneyId(deps.db, youth.municipalityId, youth.youthId);
  if (!journeyId) throw new DomainError('not_found');
  const template = await loadPlanTemplate(lang, planTemplateDirFor(youth.municipalityId));
  const data = await deps.db.transaction().execute(async (trx) => {
    const assembled = await assemblePlanData(trx, youth.municipalityId, journeyId, lang, deps.clock());
    await appendAudit(trx, youthAudit(youth, 'plan.rendered', { journeyId, lang, templateVersion: template.version }));
    return assembled.data;
  });
  return renderPlanPdf(data, template);
}
