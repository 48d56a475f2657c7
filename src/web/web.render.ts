import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import type { Role } from '../db/schema.ts';
import type { Lang } from '../shared/i18n.ts';
import { z } from 'zod';

const templatesDir = path.join(import.meta.dirname, '..', '..', 'templates', 'web');

const labels = z.record(z.string(), z.string());
/** The texts the code itself uses (headings, messages); templates may use any further key. */
const usedTexts = [
  'switchLanguageCode',
  'loginTitle',
  'sessionExpired',
  'formErrors',
  'caseloadTitle',
  'allJourneysTitle',
  'never',
  'today',
  'daysAgo',
  'firstConversationBy',
  'cprShownAudited',
  'versionConflict',
  'alertsTitle',
  'acknowledged',
  'alertVersionConflict',
  'errorTitle',
  'csrfInvalid',
  'recorded',
  'newYouthTitle',
  'firstContactInFuture',
  'groupsTitle',
  'attendanceTitle',
  'attendanceSaved',
  'attendanceNoneChosen',
  'chooseGroup',
  'previewUpdated',
  'groupNotAssigned',
  'overviewTitle',
  'overviewToBeforeFrom',
] as const;
/**
 * The words of the pages, per language; a domain expert edits templates/web/texts.json. The file
 * is checked at start, so a missing text stops start-up instead of showing "undefined" on a page.
 */
const webTextsSchema = z.looseObject({
  ...(Object.fromEntries(usedTexts.map((key) => [key, z.string().min(1)])) as Record<
    (typeof usedTexts)[number],
    z.ZodString
  >),
  stages: labels,
  events: labels,
  eventButtons: labels,
  severity: labels,
  pauseReasons: labels,
  referralSources: labels,
  meetingStatus: labels,
  attendanceStatus: labels,
});
export type WebTexts = z.infer<typeof webTextsSchema>;

const texts = z
  .object({ da: webTextsSchema, en: webTextsSchema })
  .parse(JSON.parse(readFileSync(path.join(templatesDir, 'texts.json'), 'utf8')));

export function textsFor(lang: Lang): WebTexts {
  return texts[lang];
}

/** The stylesheet, read once: pages link to it, so the CSP needs no inline styles. */
export const stylesheet = readFileSync(path.join(templatesDir, 'style.css'), 'utf8');

// autoEscape: every `<%= %>` is HTML-escaped; `<%~ %>` (raw) is used only for included templates.
const eta = new Eta({ views: templatesDir, autoEscape: true, cache: true });

/** What every page's layout needs besides the page's own data. */
export interface PageFrame {
  lang: Lang;
  title: string;
  user: { name: string; role: Role } | null;
  csrfToken: string;
  /** The current path and query, so the language switch returns to the same page. */
  path: string;
  notice?: string | undefined;
  problem?: string | undefined;
}

export function renderPage(template: string, frame: PageFrame, data: object): string {
  return eta.render(template, { ...data, ...frame, t: textsFor(frame.lang) });
}
