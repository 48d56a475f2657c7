import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import type { Role } from '../db/schema.ts';
import type { Lang } from '../shared/i18n.ts';
import { z } from 'zod';

const templatesDir = path.join(import.meta.dirname, '..', '..', 'templates', 'web');

const labels = z.record(z.string(), z.string().min(1));
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
  'moveToAnotherGroup',
  'listCut',
  'webhooksTitle',
  'retryWhenScheduled',
  'retryWhenManual',
  'deliveryRequeued',
  'deliveryAlreadyRequeued',
  'alertsTitle',
  'alertsIntro',
  'myAlertsTitle',
  'myAlertsIntro',
  'acknowledged',
  'alertSnoozed',
  'alertReassigned',
  'alertResolved',
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
  'previewUpdated',
  'groupNotAssigned',
  'groupCreated',
  'groupSaved',
  'groupVersionConflict',
  'newGroupTitle',
  'notVisited',
  'overviewTitle',
  'overviewToBeforeFrom',
  'overviewChartDescription',
  'placementVersionConflict',
  'caseworkerChangedMeanwhile',
  'caseworkerUnchanged',
  'progressionChartDescription',
  'week',
  'freePlaces',
  'groupFull',
  'planTitle',
  'planMeets',
  'planChangeAdded',
  'planChangeRemoved',
  'planChangeChanged',
  'planSaved',
  'planVersionSaved',
  'planLineError',
  'planVersionConflict',
  'planJourneyClosed',
  'planChangesHeading',
  'planVersion',
  'companiesTitle',
  'newCompanyTitle',
  'capacityWholeNumber',
  'companyCreated',
  'companySaved',
  'contactAdded',
  'contactSaved',
  'contactRemoved',
  'companyMeetingRecorded',
  'companyConflict',
  'contactConflict',
  'companyMeetingsTitle',
  'companyMeetingHeading',
  'companyAttendanceConflict',
  'matchEventsTitle',
  'matchEventHeading',
  'matchEventCreated',
  'participantsSaved',
  'wishesSaved',
  'interestsSaved',
  'participantsConflict',
  'wishesConflict',
  'interestsConflict',
  'wishesInOrder',
  'adminTitle',
  'usersTitle',
  'settingsTitle',
  'rulesTitle',
  'userCreated',
  'userSaved',
  'settingsSaved',
  'rulesSaved',
  'nothingChanged',
  'changeNotSaved',
  'userChangedMeanwhile',
  'settingsChangedMeanwhile',
  'rulesChangedMeanwhile',
  'keptTyped',
  'wholeNumber',
  'numberRange',
  'percentFormat',
  'minAgeAboveMax',
  'urlFormat',
  'secretLength',
  'rulesWhenNightly',
  'rulesWhenManual',
  'choosePasswordTitle',
  'changePasswordTitle',
  'passwordRuleLength',
  'passwordsDiffer',
  'passwordsNotKept',
] as const;
/** The texts the code uses, and the groups of labels it looks codes up in. */
const webTextsSchema = z.looseObject({
  ...(Object.fromEntries(usedTexts.map((key) => [key, z.string().min(1)])) as Record<
    (typeof usedTexts)[number],
    z.ZodString
  >),
  stages: labels,
  events: labels,
  eventButtons: labels,
  severity: labels,
  referralSources: labels,
  meetingStatus: labels,
  attendanceStatus: labels,
  planLanguages: labels,
});
export type WebTexts = z.infer<typeof webTextsSchema>;

type TextTree = { [key: string]: string | TextTree };
const textTree: z.ZodType<TextTree> = z.lazy(() => z.record(z.string(), z.union([z.string().min(1), textTree])));
const textFile = z.strictObject({ da: textTree, en: textTree });

/** Every key path of a tree of texts ("stages.referred"), to compare the two languages. */
function keyPaths(tree: TextTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`),
  );
}

/**
 * The words of the pages, one file per area of the interface under templates/web/texts/, each
 * with the same keys in Danish (`da`) and English (`en`); a domain expert edits them there. They
 * are checked at start: a key in one language only, an empty text, a key defined in two files or
 * a text the code needs that is missing stops start-up, naming the file and key, instead of a page
 * showing a blank or "undefined".
 */
export function loadWebTexts(dir: string): Record<Lang, WebTexts> {
  const merged: Record<Lang, TextTree> = { da: {}, en: {} };
  const origin = new Map<string, string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = textFile.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`templates/web/texts/${file}: ${z.prettifyError(parsed.error)}`);
    const [da, en] = [keyPaths(parsed.data.da), keyPaths(parsed.data.en)];
    const onlyOne = [...da.filter((k) => !en.includes(k)), ...en.filter((k) => !da.includes(k))];
    if (onlyOne.length > 0) {
      throw new Error(`templates/web/texts/${file}: in one language only: ${onlyOne.join(', ')}`);
    }
    for (const key of Object.keys(parsed.data.da)) {
      const earlier = origin.get(key);
      if (earlier) throw new Error(`templates/web/texts/${file}: "${key}" is already defined in ${earlier}`);
      origin.set(key, file);
    }
    Object.assign(merged.da, parsed.data.da);
    Object.assign(merged.en, parsed.data.en);
  }
  const checked = z.object({ da: webTextsSchema, en: webTextsSchema }).safeParse(merged);
  if (!checked.success) throw new Error(`templates/web/texts: ${z.prettifyError(checked.error)}`);
  return { da: strict(checked.data.da), en: strict(checked.data.en) };
}

/**
 * The texts as templates read them: a key that does not exist throws while the page renders (the
 * page answers 500 and its test fails) rather than printing "undefined" for a user to see.
 */
function strict<T extends object>(tree: T, at = 'texts'): T {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'object' && value !== null)
      (tree as Record<string, unknown>)[key] = strict(value, `${at}.${key}`);
  }
  return new Proxy(tree, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target || key === 'then' || key === 'toJSON') {
        return Reflect.get(target, key, receiver) as unknown;
      }
      throw new Error(`No text "${at}.${key}" in templates/web/texts`);
    },
  });
}

const texts = loadWebTexts(path.join(templatesDir, 'texts'));

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
  /** The user logged in; with a one-time password the page offers nothing but choosing one. */
  user: { name: string; role: Role; passwordMustChange: boolean } | null;
  csrfToken: string;
  /** The current path and query, so the language switch returns to the same page. */
  path: string;
  notice?: string | undefined;
  problem?: string | undefined;
}

export function renderPage(template: string, frame: PageFrame, data: object): string {
  return eta.render(template, { ...data, ...frame, t: textsFor(frame.lang) });
}
