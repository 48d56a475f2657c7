import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import { MOST_MOVED_AT_ONCE, type MoveConflictReason } from '../journeys/journey.schemas.ts';
import { caseloads, findJourneys, type MoveConflict, reassignJourneys } from '../journeys/journey.service.ts';
import { DomainError } from '../shared/errors.ts';
import { translator } from '../shared/texts.ts';
import { listMunicipalityUsers } from '../users/users.service.ts';
import {
  fieldErrorsOf,
  formBody,
  formVersion,
  pageFor,
  text,
  textList,
  type WebApp,
  type WebContext,
  when,
} from './web.shared.ts';

const distributeQuery = z.object({
  fra: z.uuid().optional(),
  done: z.coerce.number().int().min(1).optional(),
  til: z.uuid().optional(),
  lang: z.string().optional(),
});

/** The form as it was sent, when the page comes back with a problem. */
interface Kept {
  selected: string[];
  toCaseworkerId: string;
  errors: Record<string, string>;
  conflicts: ReadonlyArray<MoveConflict>;
  problem: string;
  status: number;
}

/** The form's fields: a checkbox `journey` per youth, the version each was shown at in `version-<id>`. */
const versionField = (journeyId: string) => `version-${journeyId}`;

/**
 * "Fordel sager": a leader sees each caseworker's caseload, chooses one, ticks several (or all) of
 * their youth and a caseworker to take them over; the move is all or none (reassignJourneys).
 */
export function registerDistributePages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  async function distributePage(
    request: FastifyRequest,
    reply: FastifyReply,
    fromId: string | undefined,
    kept: Kept | null,
    notice?: string,
  ) {
    const actor = actorOf(request);
    const lang = request.lang;
    const tr = translator(lang);
    const loads = await caseloads(deps, actor);
    // The caseworker chosen, also one who left and has no youth left after the move.
    const from = (await listMunicipalityUsers(deps.db, actor)).find((u) => u.id === fromId) ?? null;
    // The chosen caseworker's open journeys, as the caseload list reads them (and audits the read).
    const journeys = from
      ? await findJourneys(
          deps,
          actor,
          { caseworkerId: from.id, open: true },
          { page: 1, pageSize: MOST_MOVED_AT_ONCE },
        )
      : null;
    const conflictOf = new Map<string, MoveConflictReason>((kept?.conflicts ?? []).map((c) => [c.journeyId, c.reason]));
    return page(
      request,
      reply.code(kept?.status ?? 200),
      'distribute',
      tr('caseload.distribute.title'),
      {
        caseloads: loads.map((c) => ({ ...c, chosen: c.caseworker.id === from?.id })),
        from,
        total: journeys?.total ?? 0,
        journeys: (journeys?.items ?? []).map((j) => ({
          id: j.id,
          version: j.version,
          name: j.youthName,
          stage: j.stage,
          firstContact: when(j.firstContactAt, lang),
          checked: kept?.selected.includes(j.id) ?? false,
          conflict: conflictOf.has(j.id) ? tr(`caseload.distribute.conflicts.${conflictOf.get(j.id)!}`) : null,
        })),
        targets: loads
          .filter((c) => c.caseworker.active && c.caseworker.id !== from?.id)
          .map((c) => ({
            value: c.caseworker.id,
            label: tr('caseload.distribute.toOption', { name: c.caseworker.name, count: c.openJourneys }),
          })),
        toCaseworkerId: kept?.toCaseworkerId ?? '',
        errors: kept?.errors ?? {},
      },
      { notice, problem: kept?.problem },
    );
  }

  app.get(
    '/fordel-sager',
    { config: pageFor(['leader']), schema: { hide: true, querystring: distributeQuery } },
    async (request, reply) => {
      const { fra, done, til } = request.query;
      let notice: string | undefined;
      if (done && fra && til) {
        const names = new Map((await listMunicipalityUsers(deps.db, actorOf(request))).map((u) => [u.id, u.name]));
        notice = translator(request.lang)('caseload.distribute.moved', {
          count: done,
          from: names.get(fra) ?? '',
          to: names.get(til) ?? '',
        });
      }
      return distributePage(request, reply, fra, null, notice);
    },
  );

  app.post(
    '/fordel-sager',
    { config: pageFor(['leader']), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const tr = translator(request.lang);
      const form = request.body;
      const fromCaseworkerId = text(form, 'fromCaseworkerId');
      const toCaseworkerId = text(form, 'toCaseworkerId');
      // "Alle" ticks every youth the page listed; otherwise the youth ticked one by one.
      const listed = Object.keys(form)
        .filter((key) => key.startsWith('version-'))
        .map((key) => key.slice('version-'.length));
      const selected = [...new Set(text(form, 'all') === '1' ? listed : textList(form, 'journey'))];
      const keep = (
        problem: string,
        status: number,
        errors: Record<string, string> = {},
        conflicts: MoveConflict[] = [],
      ) =>
        distributePage(request, reply, fromCaseworkerId, {
          selected,
          toCaseworkerId,
          errors,
          conflicts,
          problem,
          status,
        });
      const isId = (value: string) => z.uuid().safeParse(value).success;
      if (!isId(fromCaseworkerId) || !selected.every(isId)) throw new DomainError('validation_failed');
      const errors: Record<string, string> = {};
      if (!toCaseworkerId) errors.toCaseworkerId = tr('validation.required');
      if (selected.length === 0) errors.journeys = tr('caseload.distribute.noneChosen');
      if (Object.keys(errors).length > 0) return keep(tr('common.formErrors'), 400, errors);
      try {
        const { moved } = await reassignJourneys(deps, actorOf(request), {
          fromCaseworkerId,
          toCaseworkerId,
          journeys: selected.map((id) => ({ id, version: formVersion(form, versionField(id)) })),
        });
        const query = new URLSearchParams({ fra: fromCaseworkerId, done: String(moved), til: toCaseworkerId });
        return reply.redirect(`/fordel-sager?${query.toString()}`, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') {
          const conflicts = (error.extra.conflicts ?? []) as MoveConflict[];
          return keep(tr('caseload.distribute.changedMeanwhile', { count: conflicts.length }), 409, {}, conflicts);
        }
        if (error.fieldErrors.length > 0) {
          return keep(tr('common.formErrors'), error.status, fieldErrorsOf(error.fieldErrors, request.lang));
        }
        throw error;
      }
    },
  );
}
