import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import type { Role } from '../db/schema.ts';
import type { Lang } from '../shared/i18n.ts';
import { pageTexts } from '../shared/texts.ts';

const templatesDir = path.join(import.meta.dirname, '..', '..', 'templates', 'web');

/** The stylesheet, read once: pages link to it, so the CSP needs no inline styles. */
export const stylesheet = readFileSync(path.join(templatesDir, 'style.css'), 'utf8');

// autoEscape: every `<%= %>` is HTML-escaped; `<%~ %>` (raw) is used only for included templates.
const eta = new Eta({ views: templatesDir, autoEscape: true, cache: true });

/** What every page's layout needs besides the page's own data. */
export interface PageFrame {
  lang: Lang;
  title: string;
  /** The user logged in; with a one-time password the page offers nothing but choosing one. */
  user: { name: string; role: Role; passwordMustChange: boolean } | null;
  csrfToken: string;
  /** The current path and query, so the language switch returns to the same page. */
  path: string;
  notice?: string | undefined;
  problem?: string | undefined;
  /** On the young person's pages (Mit forløb): whether a youth is logged in on this device. */
  youth?: { loggedIn: boolean } | undefined;
}

export function renderPage(template: string, frame: PageFrame, data: object): string {
  return eta.render(template, { ...data, ...frame, t: pageTexts(frame.lang) });
}
