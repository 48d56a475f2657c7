import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatMessage,
  hasText,
  loadTextCatalogue,
  pageTexts,
  placeholdersIn,
  t,
  texts,
  textsDir,
} from '../../src/shared/texts.ts';

/** The shipped catalogue plus (or with in place) the given files, to check what the loader refuses. */
function shippedWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ungeflow-texts-'));
  cpSync(textsDir, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

describe('the text catalogue', () => {
  it('loads the shipped texts in Danish and English', () => {
    expect(t('da', 'common.loginTitle')).toBe('Log ind');
    expect(t('en', 'common.loginTitle')).toBe('Log in');
    expect(texts('common.stages.active')).toEqual({ da: 'Aktiv', en: 'Active' });
    expect(() => loadTextCatalogue(textsDir)).not.toThrow();
  });

  it('writes plurals the way each language does', () => {
    expect(t('da', 'common.daysAgo', { days: 0 })).toBe('i dag');
    expect(t('da', 'common.daysAgo', { days: 1 })).toBe('i går');
    expect(t('da', 'common.daysAgo', { days: 2 })).toBe('2 dage siden');
    expect(t('en', 'common.daysAgo', { days: 1 })).toBe('yesterday');
    expect(t('en', 'common.daysAgo', { days: 2 })).toBe('2 days ago');
    expect(t('da', 'common.daysAgo', { days: 1234 })).toBe('1.234 dage siden');
    expect(t('da', 'digest.subject', { newCount: 1, escalatedCount: 2 })).toBe(
      'Ungeflow: 1 ny og 2 eskalerede advarsler',
    );
    expect(t('en', 'digest.subject', { newCount: 3, escalatedCount: 1 })).toBe('Ungeflow: 3 new and 1 escalated alert');
  });

  it('writes numbers the way each language does', () => {
    expect(t('da', 'admin.failedDeliveriesCaption', { count: 1234 })).toBe(
      'Fejlede leveringer, nyeste først: 1.234 i alt',
    );
    expect(t('en', 'admin.failedDeliveriesCaption', { count: 1234 })).toBe(
      'Failed deliveries, latest first: 1,234 in all',
    );
    expect(t('da', 'admin.controlShareSummary', { share: 33.3 })).toBe('33,3 % i kontrolgruppen');
  });

  it('formats and checks a message kept outside the catalogue, such as a plan sentence', () => {
    const pages = 'Side {page} af {pages, plural, one {# side} other {# sider}}';
    expect(formatMessage(pages, 'da', { page: 1, pages: 1 })).toBe('Side 1 af 1 side');
    expect(formatMessage(pages, 'da', { page: 1, pages: 3 })).toBe('Side 1 af 3 sider');
    expect(placeholdersIn(pages)).toEqual({ ok: true, names: ['page', 'pages'] });
    expect(placeholdersIn('Her er din plan {').ok).toBe(false);
    expect(() => formatMessage('Hej {name}', 'da')).toThrow('name');
  });

  it('throws for a key that does not exist and for a value left out, rather than print a blank', () => {
    const page = pageTexts('da');
    expect(() => page('common.noSuchText')).toThrow('No text "common.noSuchText"');
    expect(() => page('common.stages.noSuchStage')).toThrow('No text "common.stages.noSuchStage"');
    expect(() => page('common.stages')).toThrow('No text "common.stages"');
    expect(() => page('common.daysAgo')).toThrow('common.daysAgo');
    expect(page.has('common.stages.active')).toBe(true);
    expect(hasText('common.stages.noSuchStage')).toBe(false);
  });

  it('refuses a text in one language only, naming the file and the key', () => {
    const dir = shippedWith({
      'extra.da.json': { heading: 'Ekstra', more: 'Mere' },
      'extra.en.json': { heading: 'Extra' },
    });
    expect(() => loadTextCatalogue(dir)).toThrow('extra.en.json: more: is missing (it is in da)');
  });

  it('refuses an area in one language only', () => {
    const dir = shippedWith({ 'extra.da.json': { heading: 'Ekstra' } });
    expect(() => loadTextCatalogue(dir)).toThrow('extra.en.json: is missing');
  });

  it('refuses an empty text', () => {
    const dir = shippedWith({ 'extra.da.json': { heading: ' ' }, 'extra.en.json': { heading: 'Extra' } });
    expect(() => loadTextCatalogue(dir)).toThrow('extra.da.json: heading: is empty');
  });

  it('refuses a text that is not valid ICU', () => {
    const dir = shippedWith({
      'extra.da.json': { count: '{n, plural, one {# dag}} siden' },
      'extra.en.json': { count: '{n, plural, one {# day} other {# days}} ago' },
    });
    expect(() => loadTextCatalogue(dir)).toThrow('extra.da.json: count: is not a valid ICU message');
    const unclosed = shippedWith({ 'extra.da.json': { a: 'Hej {name' }, 'extra.en.json': { a: 'Hello {name}' } });
    expect(() => loadTextCatalogue(unclosed)).toThrow('extra.da.json: a: is not a valid ICU message');
  });

  it('refuses a placeholder one language has and the other does not', () => {
    const dir = shippedWith({
      'extra.da.json': { greeting: 'Hej {name}', bye: 'Farvel {name}' },
      'extra.en.json': { greeting: 'Hello {nmae}', bye: 'Goodbye' },
    });
    expect(() => loadTextCatalogue(dir)).toThrow('extra.en.json: greeting: unknown placeholder {nmae}');
    expect(() => loadTextCatalogue(dir)).toThrow('extra.en.json: bye: lacks {name}');
  });

  it('refuses a file named otherwise, and a file that is not a tree of texts', () => {
    expect(() => loadTextCatalogue(shippedWith({ 'extra.json': { da: {}, en: {} } }))).toThrow(
      'extra.json: not a text file',
    );
    const dir = shippedWith({ 'extra.da.json': { count: 3 }, 'extra.en.json': { count: 3 } });
    expect(() => loadTextCatalogue(dir)).toThrow('extra.da.json: must hold only texts');
  });

  it('has every text the page templates ask for', () => {
    const templates = path.join(import.meta.dirname, '..', '..', 'templates', 'web');
    const asked: string[] = [];
    const groups: string[] = [];
    for (const file of readdirSync(templates).filter((f) => f.endsWith('.eta'))) {
      const source = readFileSync(path.join(templates, file), 'utf8');
      for (const match of source.matchAll(/\bt(?:\.has)?\('([a-zA-Z0-9_.]+)'(\s*\+)?/g)) {
        (match[2] ? groups : asked).push(match[1] ?? '');
      }
    }
    expect(asked.length).toBeGreaterThan(300);
    expect(asked.filter((key) => !hasText(key))).toEqual([]);
    const shipped = loadTextCatalogue(textsDir);
    const keys = [...shipped.messages.da.keys()];
    expect(groups.filter((prefix) => !keys.some((key) => key.startsWith(prefix)))).toEqual([]);
  });

  it('uses one word for one thing in Danish, and Danish quotation marks', () => {
    const danish = readdirSync(textsDir)
      .filter((file) => file.endsWith('.da.json'))
      .flatMap((file) => leaves(JSON.parse(readFileSync(path.join(textsDir, file), 'utf8')), file));
    const offending = (pattern: RegExp) => danish.filter(([, text]) => pattern.test(text)).map(([key]) => key);
    // "gruppe", never "hold"; "tilbagevendende", never the misspelt "gengænger".
    expect(offending(/\b(?:et|på|dit|hvert) hold\b|\bholdet\b/i)).toEqual([]);
    expect(offending(/gengæng/i)).toEqual([]);
    // Paid hours have one name: "Lønnede timer".
    expect(offending(/ordinære timer med løn/i)).toEqual([]);
    // Quotation in Danish is »...«, not "..." or “...”.
    expect(offending(/["“”„]/)).toEqual([]);
  });
});

/** Every text of a catalogue file's tree, with its key. */
function leaves(tree: unknown, prefix: string): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => leaves(value, `${prefix}.${key}`));
}
