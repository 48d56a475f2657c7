import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import {
  createCompanyBody,
  createContactBody,
  updateCompanyBody,
  updateContactBody,
} from '../companies/company.schemas.ts';
import {
  addContact,
  changeCompany,
  changeContact,
  createCompany,
  findCompanies,
  readCompany,
  removeContact,
} from '../companies/company.service.ts';
import { attendanceBody, createMeetingBody } from '../companies/meeting.schemas.ts';
import { findMeetings, readMeeting, recordMeeting, setAttendance } from '../companies/meeting.service.ts';
import { findPlacements } from '../placements/placement.service.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { parseWithMessages, type TranslatedIssue } from '../shared/validation.ts';
import { translator, type Translate } from '../shared/texts.ts';
import {
  fieldErrorsOf,
  type Form,
  formatNumber,
  formBody,
  formVersion,
  issueErrorsOf,
  noticeFrom,
  pageFor,
  staff,
  text,
  textList,
  type WebApp,
  type WebContext,
  when,
  whenDay,
} from './web.shared.ts';

/** How many rows a list shows; a search narrows it down. */
const LIST_SIZE = 200;
const EARLIER_PLACEMENTS = 20;
const ATTENDED_MEETINGS = 20;

const companyParams = z.object({ companyId: z.uuid() });
const contactParams = companyParams.extend({ contactId: z.uuid() });
const meetingParams = z.object({ meetingId: z.uuid() });
const noticeQuery = z.object({ registreret: z.string().optional(), lang: z.string().optional() });

const statusFilters = ['active', 'inactive', 'all'] as const;
type StatusFilter = (typeof statusFilters)[number];
const companyFields = ['name', 'cvr', 'industry', 'sector', 'address', 'placementCapacity'] as const;
const contactFields = ['name', 'title', 'phone', 'email'] as const;

type Values = Record<string, string>;
type Errors = Record<string, string>;

/** A number of places as typed: a whole number from 0 to 100, or the reason it is not. */
function readCapacity(typed: string, t: Translate): { value: number } | { error: string } {
  const trimmed = typed.trim();
  if (!/^\d{1,3}$/.test(trimmed) || Number(trimmed) > 100) return { error: t('companies.capacityWholeNumber') };
  return { value: Number(trimmed) };
}

/** The notices a page shows after a redirect (`?registreret=kontakt`), by the word in the address. */
const notices = {
  virksomhed: 'companies.companyCreated',
  oplysninger: 'companies.companySaved',
  kontakt: 'companies.contactAdded',
  'kontakt-gemt': 'companies.contactSaved',
  'kontakt-fjernet': 'companies.contactRemoved',
  moede: 'companies.companyMeetingRecorded',
  deltagere: 'groups.attendanceSaved',
} as const;

interface CompanyKept {
  /** Which form on the page was sent: 'company', 'contact-new' or 'contact-<id>'. */
  form?: string;
  values?: Values;
  errors?: Errors;
  duplicateOf?: string | undefined;
  problem?: string;
  notice?: string | undefined;
  status?: number;
}

/**
 * "Virksomheder": the company network's companies, a company's page with its contact persons,
 * the youth placed there and the network meetings it attended, and the network's meetings.
 */
export function registerCompanyPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  // -------------------------------------------------------------------------------------------
  // The list, with search
  // -------------------------------------------------------------------------------------------

  app.get(
    '/virksomheder',
    {
      config: pageFor(staff),
      schema: {
        hide: true,
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          vis: z.string().optional(),
          lang: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const t = translator(request.lang);
      const q = request.query.q ?? '';
      const status: StatusFilter = statusFilters.find((s) => s === request.query.vis) ?? 'active';
      const found = await findCompanies(deps, actorOf(request), {
        query: q || undefined,
        active: status === 'all' ? undefined : status === 'active',
        page: 1,
        pageSize: LIST_SIZE,
      });
      return page(request, reply, 'companies', t('companies.companiesTitle'), {
        q,
        status,
        statusOptions: statusFilters,
        total: found.total,
        companies: found.items.map((c) => ({
          id: c.id,
          name: c.name,
          cvr: c.cvr,
          industry: c.industry,
          active: c.active,
          contactCount: c.contactCount,
          placedCount: c.placedCount,
          capacity: c.placementCapacity,
          free: Math.max(0, c.placementCapacity - c.placedCount),
        })),
      });
    },
  );

  // -------------------------------------------------------------------------------------------
  // A new company
  // -------------------------------------------------------------------------------------------

  function newCompanyPage(
    request: FastifyRequest,
    reply: FastifyReply,
    kept: { values?: Values; errors?: Errors; duplicateOf?: string | undefined; problem?: string } = {},
  ) {
    const t = translator(request.lang);
    return page(
      request,
      reply,
      'company-new',
      t('companies.newCompanyTitle'),
      {
        values: kept.values ?? { placementCapacity: '1' },
        errors: kept.errors ?? {},
        duplicateOf: kept.duplicateOf ?? null,
      },
      { problem: kept.problem },
    );
  }

  app.get(
    '/virksomheder/ny',
    { config: pageFor(staff), schema: { hide: true, querystring: z.object({ lang: z.string().optional() }) } },
    (request, reply) => newCompanyPage(request, reply),
  );

  /**
   * A company's fields as typed, for the service's schema. The number of places is read here, so a
   * mistake in it gets a plain message instead of the schema's "expected a number".
   */
  function companyInput(form: Form, t: Translate) {
    const values: Values = Object.fromEntries(companyFields.map((key) => [key, text(form, key)]));
    const capacity = readCapacity(values.placementCapacity ?? '', t);
    const input = {
      name: values.name,
      cvr: values.cvr,
      industry: values.industry,
      // Left unchosen, a new company is private and a changed one keeps its sector.
      sector: values.sector || undefined,
      address: values.address,
      placementCapacity: 'value' in capacity ? capacity.value : 1,
    };
    return { values, input, capacityError: 'error' in capacity ? capacity.error : undefined };
  }

  /** The messages of a refused parse, with the places' own message. */
  function errorsOf(
    parsed: { success: true } | { success: false; issues: TranslatedIssue[] },
    capacityError: string | undefined,
    lang: Lang,
  ): Errors {
    const errors = parsed.success ? {} : issueErrorsOf(parsed.issues, lang);
    if (capacityError) errors.placementCapacity = capacityError;
    return errors;
  }

  app.post(
    '/virksomheder/ny',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const lang = request.lang;
      const t = translator(lang);
      const { values, input, capacityError } = companyInput(request.body, t);
      const parsed = parseWithMessages(createCompanyBody, input);
      const rerender = (status: number, found: Errors, duplicateOf?: string) =>
        newCompanyPage(request, reply.code(status), {
          values,
          errors: found,
          duplicateOf,
          problem: t('common.formErrors'),
        });
      if (!parsed.success || capacityError) return rerender(400, errorsOf(parsed, capacityError, lang));
      try {
        const company = await createCompany(deps, actorOf(request), parsed.data);
        return reply.redirect(`/virksomheder/${company.id}?registreret=virksomhed`, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'conflict' || error.code === 'validation_failed') {
          const existing = error.extra.existingCompanyId;
          return rerender(
            error.status,
            fieldErrorsOf(error.fieldErrors, lang),
            typeof existing === 'string' ? existing : undefined,
          );
        }
        throw error;
      }
    },
  );

  // -------------------------------------------------------------------------------------------
  // A company's page
  // -------------------------------------------------------------------------------------------

  async function companyPage(request: FastifyRequest, reply: FastifyReply, companyId: string, kept: CompanyKept = {}) {
    const actor = actorOf(request);
    const lang = request.lang;
    const { company, contacts } = await readCompany(deps, actor, companyId);
    const running = await findPlacements(deps, actor, { companyId, active: true }, { page: 1, pageSize: LIST_SIZE });
    const ended = await findPlacements(
      deps,
      actor,
      { companyId, active: false },
      { page: 1, pageSize: EARLIER_PLACEMENTS },
    );
    const meetings = await findMeetings(deps, actor, { companyId, page: 1, pageSize: ATTENDED_MEETINGS });
    const keptForm = kept.form ?? null;
    const values = kept.values ?? {};
    const placement = (p: (typeof running.items)[number]) => ({
      youthId: p.youth.id,
      youthName: p.youth.name,
      kind: p.kind,
      hours: formatNumber(p.hoursPerWeek, lang),
      since: whenDay(p.startDate, lang),
      ended: p.endedAt ? when(p.endedAt, lang) : '',
    });
    return page(
      request,
      reply.code(kept.status ?? 200),
      'company',
      company.name,
      {
        company: {
          id: company.id,
          name: company.name,
          cvr: company.cvr,
          industry: company.industry,
          sector: company.sector,
          address: company.address,
          active: company.active,
          capacity: company.placementCapacity,
          placed: running.total,
          free: Math.max(0, company.placementCapacity - running.total),
          version: company.version,
        },
        // The edit form shows what was typed after a refusal, otherwise what is saved.
        companyForm:
          keptForm === 'company'
            ? values
            : {
                name: company.name,
                cvr: company.cvr,
                industry: company.industry ?? '',
                sector: company.sector,
                address: company.address ?? '',
                placementCapacity: String(company.placementCapacity),
                active: company.active ? 'on' : '',
              },
        contacts: contacts.map((c) => ({
          id: c.id,
          name: c.name,
          title: c.title,
          phone: c.phone,
          email: c.email,
          version: c.version,
          form:
            keptForm === `contact-${c.id}`
              ? values
              : { name: c.name, title: c.title ?? '', phone: c.phone ?? '', email: c.email ?? '' },
        })),
        newContact: keptForm === 'contact-new' ? values : {},
        running: running.items.map(placement),
        ended: ended.items.map(placement),
        meetings: meetings.items.map((m) => ({ id: m.id, date: whenDay(m.date, lang), place: m.place })),
        keptForm,
        errors: kept.errors ?? {},
        duplicateOf: kept.duplicateOf ?? null,
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get(
    '/virksomheder/:companyId',
    { config: pageFor(staff), schema: { hide: true, params: companyParams, querystring: noticeQuery } },
    (request, reply) =>
      companyPage(request, reply, request.params.companyId, {
        notice: noticeFrom(notices, request.query.registreret, translator(request.lang)),
      }),
  );

  app.post(
    '/virksomheder/:companyId',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: companyParams, body: formBody },
    },
    async (request, reply) => {
      const { companyId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      const form = request.body;
      const active = text(form, 'active') === 'on';
      const { values, input, capacityError } = companyInput(form, t);
      values.active = active ? 'on' : '';
      const parsed = parseWithMessages(updateCompanyBody, {
        ...input,
        active,
        version: formVersion(form),
      });
      const keep = (status: number, problem: string, found: Errors = {}, duplicateOf?: string) =>
        companyPage(request, reply, companyId, {
          form: 'company',
          values,
          errors: found,
          problem,
          status,
          duplicateOf,
        });
      if (!parsed.success || capacityError)
        return keep(400, t('common.formErrors'), errorsOf(parsed, capacityError, lang));
      try {
        await changeCompany(deps, actorOf(request), companyId, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') return keep(409, t('companies.companyConflict'));
        if (error.code === 'conflict' || error.code === 'validation_failed') {
          const existing = error.extra.existingCompanyId;
          return keep(
            error.status,
            t('common.formErrors'),
            fieldErrorsOf(error.fieldErrors, lang),
            typeof existing === 'string' ? existing : undefined,
          );
        }
        throw error;
      }
      return reply.redirect(`/virksomheder/${companyId}?registreret=oplysninger`, 303);
    },
  );

  // -------------------------------------------------------------------------------------------
  // Contact persons: fields are named `<key>-<field>`, the key being "new" or the contact's id
  // -------------------------------------------------------------------------------------------

  const contactValues = (form: Form, key: string) =>
    Object.fromEntries(contactFields.map((f) => [f, text(form, `${key}-${f}`)])) satisfies Values;

  app.post(
    '/virksomheder/:companyId/kontakter',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: companyParams, body: formBody },
    },
    async (request, reply) => {
      const { companyId } = request.params;
      const t = translator(request.lang);
      const values = contactValues(request.body, 'new');
      const parsed = parseWithMessages(createContactBody, values);
      if (!parsed.success) {
        return companyPage(request, reply, companyId, {
          form: 'contact-new',
          values,
          errors: issueErrorsOf(parsed.issues, request.lang),
          problem: t('common.formErrors'),
          status: 400,
        });
      }
      await addContact(deps, actorOf(request), companyId, parsed.data);
      return reply.redirect(`/virksomheder/${companyId}?registreret=kontakt#kontakter`, 303);
    },
  );

  app.post(
    '/virksomheder/:companyId/kontakter/:contactId',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: contactParams, body: formBody },
    },
    async (request, reply) => {
      const { companyId, contactId } = request.params;
      const t = translator(request.lang);
      const values = contactValues(request.body, contactId);
      const parsed = parseWithMessages(updateContactBody, {
        ...values,
        version: formVersion(request.body),
      });
      const keep = (status: number, problem: string, found: Errors = {}) =>
        companyPage(request, reply, companyId, {
          form: `contact-${contactId}`,
          values,
          errors: found,
          problem,
          status,
        });
      if (!parsed.success) return keep(400, t('common.formErrors'), issueErrorsOf(parsed.issues, request.lang));
      try {
        await changeContact(deps, actorOf(request), companyId, contactId, parsed.data);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'version_conflict')
          return keep(409, t('companies.contactConflict'));
        throw error;
      }
      return reply.redirect(`/virksomheder/${companyId}?registreret=kontakt-gemt#kontakter`, 303);
    },
  );

  app.post(
    '/virksomheder/:companyId/kontakter/:contactId/fjern',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: contactParams, body: formBody },
    },
    async (request, reply) => {
      const { companyId, contactId } = request.params;
      await removeContact(deps, actorOf(request), companyId, contactId);
      return reply.redirect(`/virksomheder/${companyId}?registreret=kontakt-fjernet#kontakter`, 303);
    },
  );

  // -------------------------------------------------------------------------------------------
  // The company network's meetings
  // -------------------------------------------------------------------------------------------

  /** The active companies to tick, and any inactive one already ticked, by name. */
  async function companyChoices(request: FastifyRequest, ticked: ReadonlyArray<{ id: string; name: string }>) {
    const active = await findCompanies(deps, actorOf(request), { active: true, page: 1, pageSize: LIST_SIZE });
    const choices = new Map(active.items.map((c) => [c.id, { id: c.id, name: c.name }]));
    for (const c of ticked) if (!choices.has(c.id)) choices.set(c.id, { id: c.id, name: c.name });
    return [...choices.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  async function meetingsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    kept: {
      values?: Values;
      companyIds?: string[];
      errors?: Errors;
      problem?: string;
      notice?: string;
      status?: number;
    },
  ) {
    const lang = request.lang;
    const t = translator(lang);
    const meetings = await findMeetings(deps, actorOf(request), { page: 1, pageSize: LIST_SIZE });
    return page(
      request,
      reply.code(kept.status ?? 200),
      'company-meetings',
      t('companies.companyMeetingsTitle'),
      {
        meetings: meetings.items.map((m) => ({
          id: m.id,
          date: whenDay(m.date, lang),
          place: m.place,
          attendees: m.attendeeCount,
        })),
        companies: await companyChoices(request, []),
        values: kept.values ?? { date: danishDate(deps.clock()) },
        ticked: kept.companyIds ?? [],
        errors: kept.errors ?? {},
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get(
    '/virksomheder/moeder',
    { config: pageFor(staff), schema: { hide: true, querystring: noticeQuery } },
    (request, reply) => meetingsPage(request, reply, {}),
  );

  app.post(
    '/virksomheder/moeder',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const lang = request.lang;
      const t = translator(lang);
      const form = request.body;
      const values = { date: text(form, 'date'), place: text(form, 'place'), note: text(form, 'note') };
      const companyIds = textList(form, 'companyIds');
      const keep = (errors: Errors) =>
        meetingsPage(request, reply, { values, companyIds, errors, problem: t('common.formErrors'), status: 400 });
      const parsed = parseWithMessages(createMeetingBody, { ...values, companyIds });
      if (!parsed.success) return keep(issueErrorsOf(parsed.issues, lang));
      let meetingId: string;
      try {
        meetingId = (await recordMeeting(deps, actorOf(request), parsed.data)).meeting.id;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'validation_failed') {
          return keep(fieldErrorsOf(error.fieldErrors, lang));
        }
        throw error;
      }
      return reply.redirect(`/virksomheder/moeder/${meetingId}?registreret=moede`, 303);
    },
  );

  async function meetingPage(
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: string,
    kept: { companyIds?: string[]; problem?: string; notice?: string | undefined; status?: number } = {},
  ) {
    const lang = request.lang;
    const t = translator(lang);
    const { meeting, attendees } = await readMeeting(deps, actorOf(request), meetingId);
    const date = whenDay(meeting.date, lang);
    return page(
      request,
      reply.code(kept.status ?? 200),
      'company-meeting',
      `${t('companies.companyMeetingHeading')} ${date}`,
      {
        meeting: { id: meeting.id, date, place: meeting.place, note: meeting.note, version: meeting.version },
        attendees,
        companies: await companyChoices(request, attendees),
        ticked: kept.companyIds ?? attendees.map((a) => a.id),
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get(
    '/virksomheder/moeder/:meetingId',
    { config: pageFor(staff), schema: { hide: true, params: meetingParams, querystring: noticeQuery } },
    (request, reply) =>
      meetingPage(request, reply, request.params.meetingId, {
        notice: noticeFrom(notices, request.query.registreret, translator(request.lang)),
      }),
  );

  app.post(
    '/virksomheder/moeder/:meetingId',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: meetingParams, body: formBody },
    },
    async (request, reply) => {
      const { meetingId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      const companyIds = textList(request.body, 'companyIds');
      const keep = (status: number, problem: string) =>
        meetingPage(request, reply, meetingId, { companyIds, problem, status });
      const parsed = parseWithMessages(attendanceBody, { companyIds, version: formVersion(request.body) });
      if (!parsed.success) return keep(400, t('common.formErrors'));
      try {
        await setAttendance(deps, actorOf(request), meetingId, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') return keep(409, t('companies.companyAttendanceConflict'));
        if (error.code === 'validation_failed') {
          return keep(400, error.fieldErrors.map((f) => f.message[lang]).join(' ') || t('common.formErrors'));
        }
        throw error;
      }
      return reply.redirect(`/virksomheder/moeder/${meetingId}?registreret=deltagere`, 303);
    },
  );
}
