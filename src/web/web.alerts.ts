import type { FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import {
  type Alert,
  type AlertHistoryEntry,
  alertHistories,
  type AlertListItem,
  type Severity,
} from '../alerts/alert.repository.ts';
import { acknowledgeBody, reassignBody, resolveBody, severities, snoozeBody } from '../alerts/alert.schemas.ts';
import {
  acknowledgeAlert,
  acknowledgeAlerts,
  findAlerts,
  reassignAlert,
  resolveAlert,
  snoozeAlert,
} from '../alerts/alert.service.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { findGroups } from '../groups/group.service.ts';
import { type RiskCode, riskCodes } from '../risk/risk.codes.ts';
import { DomainError, errorMessage } from '../shared/errors.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { listMunicipalityUsers } from '../users/users.service.ts';
import { t, type TextKey, translator, type Translate } from '../shared/texts.ts';
import {
  fieldErrorsOf,
  formBody,
  formVersion,
  issueErrorsOf,
  pageFor,
  pagerOf,
  riskLabel,
  staff,
  text,
  textList,
  type WebApp,
  type WebContext,
  when,
  whenDay,
  whenWithTime,
} from './web.shared.ts';

const PAGE_SIZE = 20;
/** The inbox's tabs: the alerts not yet resolved, by where they stand, and the resolved ones. */
const tabs = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;
/** The severities the risk rules use (docs/domain.md, "The rules"), most severe first. */
const severityChoices = ['high', 'medium', 'low'] as const;

const orEmpty = <T extends z.ZodType>(schema: T) => z.union([schema, z.literal('')]).optional();
/** What the inbox shows: a tab, the filters and a page. The action forms post it back with them. */
const inboxQuery = z.object({
  status: orEmpty(z.enum(tabs)),
  severity: orEmpty(z.enum(severities)),
  code: orEmpty(z.enum(riskCodes)),
  caseworkerId: orEmpty(z.uuid()),
  groupId: orEmpty(z.uuid()),
  forLeader: orEmpty(z.literal('1')),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  done: z.string().max(20).optional(),
  lang: z.string().optional(),
});
type InboxQuery = z.infer<typeof inboxQuery>;
interface View {
  status: (typeof tabs)[number];
  severity: Severity | '';
  code: RiskCode | '';
  caseworkerId: string;
  groupId: string;
  forLeader: '1' | '';
  page: number;
}

const alertParams = z.object({ alertId: z.uuid() });

/** Where each action on an alert is posted. */
const actionPaths = { acknowledge: 'kvitter', snooze: 'udsaet', reassign: 'giv-videre', resolve: 'loes' } as const;
type Action = keyof typeof actionPaths;
const isAction = (value: string | undefined): value is Action => value !== undefined && value in actionPaths;
/** What the inbox says once an action is done. */
const doneNotices = {
  acknowledge: 'inbox.acknowledged',
  snooze: 'inbox.alertSnoozed',
  reassign: 'inbox.alertReassigned',
  resolve: 'inbox.alertResolved',
} as const satisfies Record<Action, TextKey>;

/** One action: its form's fields, the API body schema that reads them, and the service call. */
interface ActionSpec<T> {
  /** Each field of the API body and the name of its form field (unique on the page per alert). */
  fields: Readonly<Record<string, string>>;
  schema: ZodType<T>;
  run(actor: Actor, alertId: string, input: T): Promise<Alert>;
}

/** Free text left blank is an empty note; a blank date or choice is one not made. */
const freeText = new Set(['note', 'reason']);

function viewOf(query: InboxQuery, actor: Actor): View {
  return {
    status: query.status || 'open',
    severity: query.severity ?? '',
    code: query.code ?? '',
    // A caseworker's inbox holds the alerts given to them; the caseworker filter is the leader's.
    caseworkerId: actor.role === 'leader' ? (query.caseworkerId ?? '') : '',
    groupId: query.groupId ?? '',
    forLeader: query.forLeader ?? '',
    page: query.page ?? 1,
  };
}

/** The address of the inbox showing `view` (empty filters and the first page left out). */
function hrefOf(view: View, changes: Partial<View> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...view, ...changes })) {
    if (value !== '' && !(key === 'page' && value === 1) && !(key === 'status' && value === 'open')) {
      search.set(key, String(value));
    }
  }
  const query = search.toString();
  return query ? `/advarsler?${query}` : '/advarsler';
}

interface Kept {
  /** The bulk acknowledgement as it was sent: the note, the alerts ticked, and what was wrong. */
  bulk?: { note: string; selected: string[]; errors: Record<string, string> };
  id?: string;
  action?: Action;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  problem?: string;
  notice?: string | undefined;
  status?: number;
}

/**
 * The alert inbox. A leader sees the municipality's alerts, with a filter for alerts sent to the
 * leader; a caseworker sees the alerts assigned to them (their youth's, unless someone took one
 * over, and those given to them). Both act on an alert as the service allows: a caseworker may
 * acknowledge an alert sent to the leader, but only the leader snoozes, reassigns or resolves it.
 */
export function registerAlertPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  async function inboxPage(request: FastifyRequest, reply: FastifyReply, view: View, kept: Kept = {}) {
    const actor = actorOf(request);
    const lang = request.lang;
    const t = translator(lang);
    const isLeader = actor.role === 'leader';
    const list = await findAlerts(
      deps,
      actor,
      {
        status: view.status,
        severity: view.severity || undefined,
        code: view.code || undefined,
        caseworkerId: view.caseworkerId || undefined,
        groupId: view.groupId || undefined,
        forLeader: view.forLeader ? true : undefined,
        assignedTo: isLeader ? undefined : actor.userId,
        order: 'urgency',
      },
      { page: view.page, pageSize: PAGE_SIZE },
    );
    // A form sent for an alert that has left this tab meanwhile (someone else acted on it) is shown
    // above the list, with what the user typed, rather than lost.
    const keptElsewhere =
      kept.id && !list.items.some((a) => a.id === kept.id)
        ? (await findAlerts(deps, actor, { id: kept.id }, { page: 1, pageSize: 1 })).items
        : [];
    const users = await listMunicipalityUsers(deps.db, actor);
    const nameOf = new Map(users.map((u) => [u.id, u.name]));
    // What was done about each alert, and by whom: shown with the alert.
    const histories = await alertHistories(
      deps.db,
      actor.municipalityId,
      [...list.items, ...keptElsewhere].map((a) => a.id),
    );
    const groups = await findGroups(deps, actor, { active: true }, { page: 1, pageSize: 200 });
    const keptFor = (id: string, action: Action) => kept.id === id && kept.action === action;
    const title = isLeader ? t('inbox.alertsTitle') : t('inbox.myAlertsTitle');
    return page(
      request,
      reply.code(kept.status ?? 200),
      'alerts',
      title,
      {
        heading: title,
        intro: isLeader ? t('inbox.alertsIntro') : t('inbox.myAlertsIntro'),
        isLeader,
        view,
        // The action forms post the view along, so the inbox comes back as it was.
        viewSearch: hrefOf(view).slice('/advarsler'.length),
        actionPaths,
        clearHref: hrefOf({ ...viewOf({}, actor), status: view.status }),
        tabs: tabs.map((status) => ({
          status,
          count: status === 'resolved' ? list.resolved : list.byStatus[status],
          href: hrefOf(view, { status, page: 1 }),
          current: status === view.status,
        })),
        severityChoices,
        codeChoices: riskCodes.map((code) => ({ code, label: riskLabel(code, lang) })),
        caseworkerChoices: users.filter((u) => u.role === 'caseworker' && u.active),
        groupChoices: groups.items.map((g) => ({ id: g.id, name: g.name })),
        // Whoever may take an alert over: the municipality's active caseworkers and leaders.
        assignees: users
          .filter((u) => u.active && (u.role === 'caseworker' || u.role === 'leader'))
          .map((u) => ({ id: u.id, name: u.name, role: u.role })),
        keptAlerts: keptElsewhere.map(card),
        bulk: kept.bulk ?? { note: '', selected: [], errors: {} },
        alerts: list.items.map(card),
        total: list.total,
        pager: pagerOf(list.total, view.page, PAGE_SIZE, (n) => hrefOf(view, { page: n })),
      },
      { problem: kept.problem, notice: kept.notice },
    );

    function card(a: AlertListItem) {
      return {
        id: a.id,
        youthId: a.youthId,
        youthName: a.youthName,
        severity: a.severity,
        status: a.status,
        label: riskLabel(a.code, lang),
        message: (a.explanation as { message?: Text }).message?.[lang] ?? '',
        opened: when(a.openedAt, lang),
        forLeader: a.forLeader,
        caseworker: nameOf.get(a.caseworkerId) ?? '',
        assignee: a.assignedTo ? (nameOf.get(a.assignedTo) ?? '') : '',
        assignedTo: a.assignedTo ?? '',
        snoozedUntil: a.snoozedUntil ? whenDay(a.snoozedUntil, lang) : '',
        resolved: a.resolvedAt ? when(a.resolvedAt, lang) : '',
        history: (histories.get(a.id) ?? []).map((entry) => ({
          at: whenWithTime(entry.at, lang),
          who: entry.actorId ? (nameOf.get(entry.actorId) ?? '') : t('inbox.history.byTheRules'),
          what: historyText(entry, nameOf, t, lang),
          note: entry.note ?? '',
        })),
        version: a.version,
        // The service's rule: an alert sent to the leader is put aside by the leader only.
        leaderOnly: a.forLeader && !isLeader,
        kept: Object.fromEntries(
          (Object.keys(actionPaths) as Action[]).map((action) => [
            action,
            keptFor(a.id, action)
              ? { values: kept.values ?? {}, errors: kept.errors ?? {} }
              : { values: {}, errors: {} },
          ]),
        ),
      };
    }
  }

  app.get(
    '/advarsler',
    { config: pageFor(staff), schema: { hide: true, querystring: inboxQuery } },
    (request, reply) => {
      const done = request.query.done;
      return inboxPage(request, reply, viewOf(request.query, actorOf(request)), {
        notice: isAction(done)
          ? t(request.lang, doneNotices[done])
          : done === 'several'
            ? t(request.lang, 'inbox.bulk.done')
            : undefined,
      });
    },
  );

  function registerAction<T>(action: Action, spec: ActionSpec<T>) {
    app.post(
      `/advarsler/:alertId/${actionPaths[action]}`,
      {
        config: pageFor(staff),
        preHandler: checkCsrf,
        schema: { hide: true, params: alertParams, querystring: inboxQuery, body: formBody },
      },
      async (request, reply) => {
        const { alertId } = request.params;
        const lang = request.lang;
        const t = translator(lang);
        const actor = actorOf(request);
        const view = viewOf(request.query, actor);
        // Each alert's fields are named "<field>-<alert id>", so every label has an id of its own.
        const values: Record<string, string> = {};
        const body: Record<string, unknown> = { version: formVersion(request.body) };
        for (const [field, name] of Object.entries(spec.fields)) {
          values[field] = text(request.body, `${name}-${alertId}`).trim();
          if (values[field] !== '' || freeText.has(field)) body[field] = values[field];
        }
        const keep = (status: number, problem: string, errors: Record<string, string> = {}) =>
          inboxPage(request, reply, view, { id: alertId, action, values, errors, problem, status });
        const checked = parseWithMessages(spec.schema, body);
        if (!checked.success) {
          const errors = issueErrorsOf(checked.issues, lang);
          // A date typed by hand that is no date (the date picker itself sends YYYY-MM-DD).
          if (errors.until && values.until) errors.until = t('validation.date_format');
          return keep(400, t('common.formErrors'), errors);
        }
        try {
          await spec.run(actor, alertId, checked.data);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          if (error.code === 'version_conflict') return keep(409, t('inbox.alertVersionConflict'));
          if (error.code === 'validation_failed') {
            return keep(400, t('common.formErrors'), fieldErrorsOf(error.fieldErrors, lang));
          }
          // Resolved meanwhile (by the rules or by someone else): nothing is left to do with it.
          if (error.code === 'conflict') {
            return keep(409, error.fieldErrors[0]?.message[lang] ?? errorMessage(error.code, lang));
          }
          throw error;
        }
        const back = hrefOf(view);
        return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}done=${action}`, 303);
      },
    );
  }

  // Several alerts acknowledged at once with one note, all or none (the checkboxes on the cards).
  app.post(
    '/advarsler/kvitter-valgte',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, querystring: inboxQuery, body: formBody } },
    async (request, reply) => {
      const lang = request.lang;
      const tr = translator(lang);
      const actor = actorOf(request);
      const view = viewOf(request.query, actor);
      const note = text(request.body, 'bulk-note').trim();
      const selected = [...new Set(textList(request.body, 'selected'))];
      const keep = (status: number, problem: string, errors: Record<string, string> = {}) =>
        inboxPage(request, reply, view, { bulk: { note, selected, errors }, problem, status });
      if (selected.length === 0) return keep(400, tr('inbox.bulk.noneSelected'));
      const checked = parseWithMessages(acknowledgeBody, { version: 1, note });
      if (!checked.success)
        return keep(400, tr('common.formErrors'), { note: issueErrorsOf(checked.issues, lang).note ?? '' });
      const alerts = selected.map((id) => ({ id, version: formVersion(request.body, `version-${id}`) }));
      if (alerts.some((a) => !z.uuid().safeParse(a.id).success)) return keep(400, tr('inbox.bulk.noneSelected'));
      try {
        await acknowledgeAlerts(deps, actor, { alerts, note: checked.data.note });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (['version_conflict', 'conflict', 'not_found', 'forbidden'].includes(error.code)) {
          return keep(409, tr('inbox.bulk.changedMeanwhile'));
        }
        throw error;
      }
      const back = hrefOf(view);
      return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}done=several`, 303);
    },
  );

  registerAction('acknowledge', {
    fields: { note: 'note' },
    schema: acknowledgeBody,
    run: (actor, id, input) => acknowledgeAlert(deps, actor, id, input),
  });
  registerAction('snooze', {
    fields: { until: 'until', reason: 'reason' },
    schema: snoozeBody,
    run: (actor, id, input) => snoozeAlert(deps, actor, id, input),
  });
  registerAction('reassign', {
    fields: { userId: 'userId' },
    schema: reassignBody,
    run: (actor, id, input) => reassignAlert(deps, actor, id, input),
  });
  registerAction('resolve', {
    fields: { note: 'resolveNote' },
    schema: resolveBody,
    run: (actor, id, input) => resolveAlert(deps, actor, id, input),
  });
}

const historyActions = ['opened', 'acknowledged', 'snoozed', 'reassigned', 'resolved', 'woken', 'escalated'] as const;
type HistoryAction = (typeof historyActions)[number];
const isHistoryAction = (action: string): action is HistoryAction =>
  (historyActions as readonly string[]).includes(action);

/** One entry of an alert's history in words: what happened, with the date or colleague it names. */
function historyText(entry: AlertHistoryEntry, nameOf: ReadonlyMap<string, string>, t: Translate, lang: Lang): string {
  if (!isHistoryAction(entry.action)) return entry.action;
  const details = entry.details as { until?: unknown; to?: unknown; assignedTo?: unknown };
  const to =
    typeof details.to === 'string' ? details.to : typeof details.assignedTo === 'string' ? details.assignedTo : '';
  return t(`inbox.history.actions.${entry.action}`, {
    until: typeof details.until === 'string' ? whenDay(details.until, lang) : '',
    to: nameOf.get(to) ?? '',
  });
}
