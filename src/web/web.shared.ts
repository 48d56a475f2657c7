import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { riskCodeLabels } from '../alerts/alert.labels.ts';
import { DomainError } from '../shared/errors.ts';
import type { Role } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import type { Deadline } from '../journeys/journey.deadline.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import type { TranslatedIssue } from '../shared/validation.ts';
import type { PageFrame } from './web.render.ts';
import type { TextKey, Translate } from '../shared/texts.ts';
import { dateTimeFormat, numberFormat } from '../shared/formats.ts';

/** What a service refused, for the form it came from: the field problems, the page's message and the status. */
export interface Refusal {
  errors: Record<string, string>;
  problem: string;
  status: number;
}

/** The fastify instance the page plugin registers its routes on. */
export type WebApp = Parameters<FastifyPluginAsyncZod<{ deps: AppDeps }>>[0];

/** Renders a page in the layout (see webRoutes). */
export type PageRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  title: string,
  data: object,
  extra?: Pick<PageFrame, 'notice' | 'problem'>,
) => Promise<FastifyReply> | FastifyReply;

/** What the page routes of each screen share. */
export interface WebContext {
  deps: AppDeps;
  page: PageRenderer;
  /**
   * Renders a page of the young person's side (Mit forløb) in its own phone-first layout: a
   * template that starts with `<% layout('./youth-layout') %>`.
   */
  myJourneyPage: PageRenderer;
  checkCsrf: preHandlerHookHandler;
}

export const staff = ['caseworker', 'leader'] as const;

export const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type Form = z.infer<typeof formBody>;

export const text = (form: Form, key: string): string => {
  const value = form[key];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/**
 * The version a form was made against (a hidden field). Only a changed page sends anything but a
 * whole number from 1: that is refused as a bad request, never passed on to the database.
 */
export function formVersion(form: Form, key = 'version'): number {
  const version = Number(text(form, key));
  if (!Number.isInteger(version) || version < 1) throw new DomainError('validation_failed');
  return version;
}

/**
 * A number typed in a form, as Danish users write it ("7", "18,5", or "18.5"): the number, or
 * undefined for an empty field, or the text as typed when it is no such number ("abc", "1e1"),
 * so validation names the field instead of taking a surprise for a number.
 */
export function typedNumber(typed: string): number | string | undefined {
  const trimmed = typed.trim();
  if (trimmed === '') return undefined;
  return /^\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : trimmed;
}

/** A number as the page's language writes it: "17,5" in Danish. */
export const formatNumber = (n: number, lang: Lang) => numberFormat(lang, { maximumFractionDigits: 2 }).format(n);

export const when = (instant: Date, lang: Lang) =>
  dateTimeFormat(lang, {
    timeZone: 'Europe/Copenhagen',
    dateStyle: 'medium',
  }).format(instant);

/** A calendar day ('YYYY-MM-DD') as `when` shows it; noon UTC is that day in Denmark too. */
export const whenDay = (day: string, lang: Lang) => when(new Date(`${day}T12:00:00Z`), lang);

/** The time of day in Denmark as the language writes it: "9.05" in Danish, "9:05" in English. */
export const clockTime = (instant: Date, lang: Lang, options: { seconds?: boolean } = {}) =>
  dateTimeFormat(lang, {
    timeZone: 'Europe/Copenhagen',
    hour: 'numeric',
    minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' } : {}),
  }).format(instant);

export const whenWithTime = (instant: Date, lang: Lang) =>
  dateTimeFormat(lang, {
    timeZone: 'Europe/Copenhagen',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);

/** Translated issues as one Danish (or English) message per field, for showing next to it. */
export function fieldErrorsOf(
  issues: ReadonlyArray<{ field: string; message: Text }>,
  lang: Lang,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.field.split('.')[0] ?? issue.field] ??= issue.message[lang];
  return errors;
}

/** Every value of a repeated field (checkboxes with one name). */
export function textList(form: Form, key: string): string[] {
  const value = form[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The one-off notice a page shows after a redirect (`?registreret=<what>`), from the texts it may be. */
export function noticeFrom(
  choices: Readonly<Record<string, TextKey>>,
  what: string | undefined,
  t: Translate,
): string | undefined {
  const key = what !== undefined && Object.hasOwn(choices, what) ? choices[what] : undefined;
  return key === undefined ? undefined : t(key);
}

/** Validation issues (parseWithMessages) as one message per field, for showing next to it. */
export function issueErrorsOf(issues: readonly TranslatedIssue[], lang: Lang): Record<string, string> {
  return fieldErrorsOf(
    issues.map((i) => ({ field: i.field, message: i.messages })),
    lang,
  );
}

/**
 * A page's route config. Pages are "public" to the API's guard, which would answer 401 in JSON;
 * this plugin's own guard sends a browser without a session to the log-in page instead, and a
 * user with a one-time password to choosing their own, unless the page `allowsOneTimePassword`.
 */
export function pageFor(roles: readonly Role[], options: { allowsOneTimePassword?: boolean } = {}) {
  return { public: true, page: { roles, ...options } };
}

/**
 * The route config of a young person's page (Mit forløb): open only to a youth logged in on this
 * device; a browser without one is sent to the youth's log-in page. The handler gets the youth with
 * `youthOf(request)` (src/auth/auth.plugin.ts); the page takes no youth's id from its address.
 * `open` pages (log-in, the one-time link) are shown without a youth too.
 */
export function youthPageConfig(options: { open?: boolean } = {}): { public: boolean; youth: true; youthPage: true } {
  return { public: options.open ?? false, youth: true, youthPage: true };
}

/** Where the young person's side lives, and its log-in page. */
export const MY_JOURNEY_PATH = '/mit-forloeb';
export const MY_JOURNEY_LOGIN_PATH = '/mit-forloeb/log-ind';

/** Every role: pages of one's own account (log out, change password). */
export const everyone = ['caseworker', 'leader', 'admin'] as const;

/** Where a user with a one-time password is sent, whatever page they ask for. */
export const CHOOSE_PASSWORD_PATH = '/adgangskode';

/** The page a log-in leads to: each role's start page, or choosing a password first. */
export function landingOf(user: { role: Role; passwordMustChange: boolean }): string {
  if (user.passwordMustChange) return CHOOSE_PASSWORD_PATH;
  // A caseworker starts the day on "I dag"; a leader, who has no caseload, on the alert inbox.
  const byRole = { caseworker: '/i-dag', leader: '/advarsler', admin: '/admin' } as const;
  return byRole[user.role];
}

/** The short name of a risk rule, in the user's language; the code itself for a rule without one. */
export function riskLabel(code: string, lang: Lang): string {
  return (riskCodeLabels as Record<string, Text | undefined>)[code]?.[lang] ?? code;
}

/** What a deadline asks, as the caseload and "I dag" say it before its day ("Første samtale senest"). */
export function deadlineText(deadline: Pick<Deadline, 'kind' | 'month'>, t: Translate): string {
  switch (deadline.kind) {
    case 'first_conversation':
      return t('caseload.firstConversationBy');
    case 'pause_return':
      return t('caseload.pauseEndsBy');
    case 'follow_up':
      return t(`caseload.followUpBy.${deadline.month ?? 3}`);
    case 'plan_review':
      return t('caseload.planReviewBy');
  }
}

/** Links to the pages of a long list; null when it fits on one. */
export interface Pager {
  page: number;
  pages: number;
  previous: string | null;
  next: string | null;
}

export function pagerOf(total: number, page: number, pageSize: number, hrefOf: (page: number) => string): Pager | null {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1 && page === 1) return null;
  return {
    page,
    pages,
    previous: page > 1 ? hrefOf(Math.min(page - 1, pages)) : null,
    next: page < pages ? hrefOf(page + 1) : null,
  };
}
