import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWebTexts, textsFor } from '../../src/web/web.render.ts';

const shipped = path.join(import.meta.dirname, '..', '..', 'templates', 'web', 'texts');

/** A folder of text files; each file is { da, en }. */
function folderWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ungeflow-texts-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), JSON.stringify(content));
  return dir;
}

/** The shipped texts plus one more file, to check what the loader refuses. */
function shippedPlus(name: string, content: unknown): string {
  const all = loadWebTexts(shipped);
  return folderWith({
    'all.json': { da: JSON.parse(JSON.stringify(all.da)), en: JSON.parse(JSON.stringify(all.en)) },
    [name]: content,
  });
}

describe('the texts of the pages', () => {
  it('loads the shipped texts with the same keys in Danish and English', () => {
    expect(textsFor('da').loginTitle).toBe('Log ind');
    expect(textsFor('en').loginTitle).toBe('Log in');
    expect(Object.keys(textsFor('da').stages)).toEqual(Object.keys(textsFor('en').stages));
  });

  it('throws while rendering when a page asks for a text that does not exist', () => {
    const t = textsFor('da') as unknown as Record<string, Record<string, string>>;
    expect(() => t.noSuchText).toThrow('No text "texts.noSuchText"');
    expect(() => t.stages?.noSuchStage).toThrow('No text "texts.stages.noSuchStage"');
  });

  it('refuses a text in one language only, naming the file and the key', () => {
    const dir = shippedPlus('extra.json', { da: { extraHeading: 'Ekstra' }, en: {} });
    expect(() => loadWebTexts(dir)).toThrow('extra.json: in one language only: extraHeading');
  });

  it('refuses an empty text', () => {
    const dir = shippedPlus('extra.json', { da: { extraHeading: '' }, en: { extraHeading: 'Extra' } });
    expect(() => loadWebTexts(dir)).toThrow('extra.json');
  });

  it('refuses a key defined in two files', () => {
    const dir = shippedPlus('zz.json', { da: { loginTitle: 'Log ind' }, en: { loginTitle: 'Log in' } });
    expect(() => loadWebTexts(dir)).toThrow('"loginTitle" is already defined in all.json');
  });

  it('refuses texts that lack one the program needs', () => {
    const dir = folderWith({ 'a.json': { da: { appName: 'Ungeflow' }, en: { appName: 'Ungeflow' } } });
    expect(() => loadWebTexts(dir)).toThrow('loginTitle');
  });
});
