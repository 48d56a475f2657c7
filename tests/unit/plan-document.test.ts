import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPlanPdf } from '../../src/plans/plan.document.ts';
import { samplePlan, sampleLogoPng } from '../../src/plans/plan.sample.ts';
import {
  defaultPlanTemplateDir,
  loadPlanTemplate,
  planTemplateDirFor,
  PlanTemplateError,
} from '../../src/plans/plan.template.ts';
import type { PlanTemplate } from '../../src/plans/plan.template.ts';
import type { PlanData } from '../../src/plans/plan.types.ts';

const da = await loadPlanTemplate('da');
const en = await loadPlanTemplate('en');
/** The default Danish template file as JSON, for tests that change one thing in it. */
const defaultDa = JSON.parse(await readFile(join(defaultPlanTemplateDir, 'da.json'), 'utf8')) as Record<
  string,
  Record<string, unknown>
>;

const tempRoot = await mkdtemp(join(tmpdir(), 'ungeflow-plans-'));
afterAll(() => rm(tempRoot, { recursive: true, force: true }));

/** A4 in points, and the page margins the text must stay within. */
const page = { width: 595.28, left: 56, right: 56 };

interface ReadPdf {
  pages: number;
  /** All text, each page's lines joined by single spaces. */
  text: string;
  /** Text per page. */
  pageTexts: string[];
  /** Every piece of text with where it starts and how wide it is. */
  items: Array<{ page: number; str: string; x: number; width: number }>;
  info: Record<string, unknown>;
}

/** Reads the text back out of the PDF, as a reader would copy it. */
async function readPdf(bytes: Buffer): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pageTexts: string[] = [];
  const items: ReadPdf['items'] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim() !== '') items.push({ page: number, str: item.str, x: item.transform[4], width: item.width });
    }
    pageTexts.push(text.replace(/\s+/g, ' ').trim());
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages: pdf.numPages, text: pageTexts.join(' '), pageTexts, items, info: info as Record<string, unknown> };
}

/** Page 1 at 50 dpi in grey (a PGM file), and the share of pixels that are not white. */
async function inkOnFirstPage(pdfFile: string): Promise<number> {
  const prefix = pdfFile.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', '-singlefile', pdfFile, prefix]);
  return inkShare(prefix + '.pgm');
}

async function inkShare(pgmFile: string): Promise<number> {
  const pgm = await readFile(pgmFile);
  // Binary PGM: "P5", width, height, maximum value, each followed by whitespace; then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'));
  if (header === null) throw new Error('not a binary PGM file');
  const [whole, width, height] = header;
  const pixels = pgm.subarray(whole.length);
  expect(pixels.length).toBe(Number(width) * Number(height));
  let ink = 0;
  for (const value of pixels) if (value < 200) ink++;
  return ink / pixels.length;
}

let fileCount = 0;
async function writeTemp(bytes: Buffer, name = `plan-${++fileCount}.pdf`): Promise<string> {
  const file = join(tempRoot, name);
  await writeFile(file, bytes);
  return file;
}

const almostEmpty: PlanData = { madeOn: '2026-03-03', municipality: { name: 'Roskilde Kommune' } };

/** Words a reader must never see: leaked programming values and unfilled placeholders. */
function expectNoLeaks(text: string): void {
  expect(text).not.toMatch(/undefined|null|NaN|\[object|\{|\}/);
  // Nothing shaped like a CPR number: a day and month, a year, and four digits (DDMMYY-SSSS).
  expect(text).not.toMatch(/(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?\d{4}(?!\d)/);
}

function expectInsideMargins(items: ReadPdf['items']): void {
  for (const item of items) {
    expect(item.x, `"${item.str}" starts left of the margin`).toBeGreaterThanOrEqual(page.left - 0.5);
    expect(item.x + item.width, `"${item.str.slice(0, 40)}" ends right of the margin`).toBeLessThanOrEqual(
      page.width - page.right + 0.5,
    );
  }
}

describe('the printed plan, full, in Danish', () => {
  let bytes: Buffer;
  let pdf: ReadPdf;
  beforeAll(async () => {
    bytes = await renderPlanPdf(samplePlan(), da);
    pdf = await readPdf(bytes);
  });

  it('has every section heading of the template', () => {
    const t = da.texts;
    for (const heading of [
      t.header.title,
      t.goal.heading,
      t.status.heading,
      t.networkGroup.heading,
      t.placement.heading,
      t.stabilisation.heading,
      t.nextSteps.heading,
      t.contactPerson.heading,
      t.progression.heading,
      t.agreements.heading,
      t.signatures.heading,
    ]) {
      expect(pdf.text).toContain(heading);
    }
  });

  it('writes dates out in Danish and says where and when the group meets', () => {
    expect(pdf.text).toContain('Planen er lavet tirsdag den 3. marts 2026.');
    expect(pdf.text).toContain('Født 15. maj 2004');
    expect(pdf.text).toContain('Du mødes med din gruppe hver tirsdag kl. 10.00 i Ungehuset, Algade 12, 4000 Roskilde.');
    expect(pdf.text).toContain('Du starter mandag den 9. marts 2026.');
    expect(pdf.text).toContain('Hvornår: torsdag den 5. marts 2026');
    expect(pdf.text).toContain('Du er der 15,5 timer om ugen.');
  });

  it('prints every Danish letter with the embedded font', () => {
    for (const letter of ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']) expect(pdf.text).toContain(letter);
    expect(pdf.text).toContain('Søren Ærø Åberg');
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/DejaVuSans/);
    expect(raw).not.toMatch(/Helvetica/);
  });

  it('quotes the goal in the youth’s own words and lists agreements and next steps', () => {
    expect(pdf.text).toContain('»Jeg vil være tømrer.');
    expect(pdf.text).toContain('Du går til lægen om din søvn inden udgangen af marts.');
    expect(pdf.text).toContain('Køb arbejdssko med sikkerhedsnæse');
    expect(pdf.text).toContain('Hvem: Dig selv');
  });

  it('shows the progression chart with its legend and the scores', () => {
    expect(pdf.text).toContain('Første gang');
    expect(pdf.text).toContain('Seneste gang');
    expect(pdf.text).toContain('Tro på egne evner');
    expect(pdf.text).toContain('Klar til job eller uddannelse (rådgiverens vurdering)');
  });

  it("lists the youth's offers with their periods (LAB § 41 stk. 2)", () => {
    expect(pdf.text).toContain('Mine tilbud');
    expect(pdf.text).toContain('Du er i virksomhedspraktik.');
    expect(pdf.text).toContain('Du har en mentor, som hjælper dig.');
    expect(pdf.text).toContain('2 timer om ugen');
  });

  it('has room for both signatures with dates, and numbers its pages', () => {
    expect(pdf.text).toContain('Din underskrift');
    expect(pdf.text).toContain('Rådgiverens underskrift');
    expect(pdf.text.match(/Dato/g)).toHaveLength(2);
    // The offers part (LAB § 41 stk. 2) makes the full plan three pages.
    expect(pdf.pages).toBe(3);
    expect(pdf.pageTexts[0]).toContain('Side 1 af 3');
    expect(pdf.pageTexts[1]).toContain('Side 2 af 3');
    expect(pdf.pageTexts[2]).toContain('Side 3 af 3');
  });

  it('never prints undefined, null, NaN, a placeholder or a CPR number', () => {
    expectNoLeaks(pdf.text);
  });

  it('keeps every line inside the margins', () => {
    expectInsideMargins(pdf.items);
  });

  it('records the plan day as the creation date and the template version', () => {
    expect(pdf.info['CreationDate']).toBe('D:20260303000000Z');
    expect(pdf.info['Title']).toBe('Min plan');
    expect(pdf.info['Language']).toBe('da-DK');
    expect(pdf.info['Custom']).toMatchObject({ TemplateVersion: da.version });
  });

  it('renders page 1 as a picture that is not blank', async () => {
    const file = await writeTemp(bytes, 'full-da.pdf');
    const ink = await inkOnFirstPage(file);
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.5);
    // For people to look at: test-artifacts/ is ignored by git.
    await mkdir('test-artifacts', { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', file, 'test-artifacts/plan-da']);
  });
});

describe('the printed plan, full, in English', () => {
  let pdf: ReadPdf;
  beforeAll(async () => {
    pdf = await readPdf(await renderPlanPdf(samplePlan(), en));
  });

  it('uses the English template, with English weekdays and months', () => {
    expect(pdf.text).toContain('My plan');
    expect(pdf.text).toContain('This plan was made on Tuesday 3 March 2026.');
    expect(pdf.text).toContain('Born 15 May 2004');
    expect(pdf.text).toContain('You meet your group every Tuesday at 10:00 at Ungehuset, Algade 12, 4000 Roskilde.');
    expect(pdf.text).toContain('You are there 15.5 hours a week.');
    expect(pdf.text).toContain('Page 1 of 3');
    // The data is in Danish (the youth's and caseworker's own words); the template's words are not.
    expect(pdf.text).not.toMatch(/Side \d|Planen er lavet|Min plan|Underskrifter/);
  });

  it('prints the Danish names as they are', () => {
    expect(pdf.text).toContain('Søren Ærø Åberg');
    expect(pdf.text).toContain('Høj & Søn Tømrer ApS');
  });

  it('never prints undefined, null, NaN, a placeholder or a CPR number', () => {
    expectNoLeaks(pdf.text);
  });
});

describe('an almost empty plan', () => {
  for (const template of [da, en]) {
    it(`says in words what is not agreed yet (${template.lang})`, async () => {
      const pdf = await readPdf(await renderPlanPdf(almostEmpty, template));
      const t = template.texts;
      for (const sentence of [
        t.goal.notYet,
        t.networkGroup.notYet,
        t.placement.notYet,
        t.nextSteps.notYet,
        t.contactPerson.notYet,
        t.progression.notYet,
        t.agreements.notYet,
      ]) {
        expect(pdf.text).toContain(sentence);
      }
      expect(pdf.text).toContain(t.signatures.youth);
      expect(pdf.pages).toBe(1);
      expectNoLeaks(pdf.text);
    });
  }

  it('leaves out the status, the name line and the health section when there is nothing to say', async () => {
    const pdf = await readPdf(await renderPlanPdf(almostEmpty, da));
    expect(pdf.text).not.toContain(da.texts.status.heading);
    expect(pdf.text).not.toContain(da.texts.stabilisation.heading);
    expect(pdf.text).not.toContain('Født');
  });

  it('keeps the health and everyday life section for an activity-ready youth (LAB § 41 stk. 2)', async () => {
    const pdf = await readPdf(await renderPlanPdf({ ...almostEmpty, category: 'activity_ready' }, da));
    expect(pdf.text).toContain(da.texts.stabilisation.heading);
    expect(pdf.text).toContain(da.texts.stabilisation.notYet);
  });

  it('treats null, empty and blank values as missing', async () => {
    const plan: PlanData = {
      ...almostEmpty,
      youth: { name: '   ', birthDate: null },
      goal: null,
      status: '',
      networkGroup: { name: null, weekday: null, startTime: null, place: ' ', facilitatorName: null },
      placement: { kind: null, companyName: null, hoursPerWeek: null, contactPerson: null },
      nextSteps: [{ what: ' ', when: null, who: null }],
      contactPerson: { name: null, phone: '', email: null },
      progression: { network: { first: null, latest: null } },
      agreements: ['', '  '],
      stabilisation: null,
    };
    const pdf = await readPdf(await renderPlanPdf(plan, da));
    expect(pdf.text).toContain(da.texts.networkGroup.notYet);
    expect(pdf.text).toContain(da.texts.progression.notYet);
    expect(pdf.text).toContain(da.texts.agreements.notYet);
    expectNoLeaks(pdf.text);
  });

  it('prints a group without a place in a shorter sentence, and a factor not measured in words', async () => {
    const pdf = await readPdf(
      await renderPlanPdf(
        {
          ...almostEmpty,
          networkGroup: { weekday: 4, startTime: '09:30' },
          progression: { network: { first: 3, latest: null } },
        },
        da,
      ),
    );
    expect(pdf.text).toContain('Du mødes med din gruppe hver torsdag kl. 9.30.');
    expect(pdf.text).toContain(da.texts.progression.notMeasured);
  });
});

describe('hostile text', () => {
  const long = 'Å'.repeat(500);
  const hostile = samplePlan({
    municipality: { name: long },
    youth: { name: long, birthDate: '2004-05-15' },
    goal: `🎉👩‍👩‍👧 <script>alert("x")</script> שלום עולם مرحبا \u202Eexe.txt\u0007\u0000\u001b[31m ${'x'.repeat(3_000)}`,
    status: 'Line one\r\n\r\n\r\n\r\nLine two\u2028Line three',
    networkGroup: { name: long, weekday: 2, startTime: '10:00', place: `${long} 🎉`, facilitatorName: '🎉🎉' },
    placement: { companyName: '<b>Firma</b>', address: long, contactPerson: { name: long, phone: long } },
    nextSteps: [{ what: long, when: '2026-03-10', who: long }],
    contactPerson: { name: long, phone: '+4512345678', email: `${long}@example.dk` },
    agreements: [long, 'Mit CPR er 150504-4321, skriv det ikke ned.'],
  });

  it('renders without throwing, on a sane number of pages, inside the margins', async () => {
    const pdf = await readPdf(await renderPlanPdf(hostile, da));
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.pages).toBeLessThanOrEqual(4);
    expectInsideMargins(pdf.items);
    expectNoLeaks(pdf.text);
  });

  it('prints markup as text, drops what the font cannot draw and invisible characters', async () => {
    const pdf = await readPdf(await renderPlanPdf(hostile, da));
    expect(pdf.text).toContain('<script>alert("x")</script>');
    expect(pdf.text).toContain('<b>Firma</b>');
    // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
    expect(pdf.text).not.toMatch(/\u{1F389}|\u{1F469}|\u200d|\u202e|[\u0000-\u0009\u000b-\u001f]/u);
    // The facilitator's name was only emoji: nothing is left, so no sentence about it.
    expect(pdf.text).not.toContain('leder gruppen');
    expect(pdf.text).toContain('exe.txt');
  });

  it('shortens a 500-letter name to fit, with an ellipsis', async () => {
    const pdf = await readPdf(await renderPlanPdf(hostile, da));
    // The name under the title, wrapped over several lines: 99 letters and "…".
    const name = /Minplan(Å+…)Født/.exec(pdf.pageTexts[0]!.replace(/\s/g, ''));
    expect(name?.[1]).toBe(`${'Å'.repeat(99)}…`);
  });

  it('masks a CPR number typed into free text, but not a phone number', async () => {
    const pdf = await readPdf(await renderPlanPdf(hostile, da));
    expect(pdf.text).toContain('150504-XXXX');
    expect(pdf.text).not.toContain('4321');
    expect(pdf.text).toContain('Telefon: +4512345678');
  });

  it('still draws a page that is not blank', async () => {
    const file = await writeTemp(await renderPlanPdf(hostile, en));
    expect(await inkOnFirstPage(file)).toBeGreaterThan(0.02);
  });

  it('refuses data no plan can be made from, such as a weekday 9', async () => {
    const bad = { ...almostEmpty, networkGroup: { weekday: 9 } };
    await expect(renderPlanPdf(bad, da)).rejects.toThrow(/weekday/);
    await expect(renderPlanPdf({ ...almostEmpty, madeOn: '2026-02-30' }, da)).rejects.toThrow(/not a real date/);
  });
});

describe('reproducing a plan', () => {
  it('gives identical bytes for the same data and template', async () => {
    const first = await renderPlanPdf(samplePlan({ youth: { name: 'Zoë Ørum-Ågård' } }), da);
    // Other plans in between fill the renderer's caches; the bytes must not change.
    for (const name of ['Ida Bæk', 'Mikkel Ærø', 'Fatima Yılmaz'])
      await renderPlanPdf(samplePlan({ youth: { name } }), en);
    const second = await renderPlanPdf(samplePlan({ youth: { name: 'Zoë Ørum-Ågård' } }), da);
    expect(second.equals(first)).toBe(true);
  });

  it('gives identical bytes from a freshly loaded renderer, before its caches fill', async () => {
    const plan = samplePlan({ youth: { name: 'Åse Ørsted' } });
    const warm = await renderPlanPdf(plan, da);
    vi.resetModules();
    const fresh = await import('../../src/plans/plan.document.ts');
    expect(fresh.renderPlanPdf).not.toBe(renderPlanPdf);
    expect((await fresh.renderPlanPdf(plan, da)).equals(warm)).toBe(true);
  });

  it('changes when the data or the day changes', async () => {
    const base = await renderPlanPdf(samplePlan(), da);
    expect((await renderPlanPdf(samplePlan({ goal: 'Jeg vil være smed.' }), da)).equals(base)).toBe(false);
    const otherDay = await renderPlanPdf(samplePlan({ madeOn: '2026-03-04' }), da);
    expect((await readPdf(otherDay)).info['CreationDate']).toBe('D:20260304000000Z');
  });
});

describe('plan templates', () => {
  let dirCount = 0;
  /** A fresh folder with the given files: objects are written as JSON, strings and bytes as they are. */
  async function templateDir(files: Record<string, unknown>): Promise<string> {
    const dir = join(tempRoot, `templates-${++dirCount}`);
    await mkdir(dir);
    for (const [name, content] of Object.entries(files)) {
      await writeFile(
        join(dir, name),
        typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2),
      );
    }
    return dir;
  }

  function daWith(change: (json: typeof defaultDa) => void): typeof defaultDa {
    const copy = structuredClone(defaultDa);
    change(copy);
    return copy;
  }

  async function loadError(load: Promise<PlanTemplate>): Promise<PlanTemplateError> {
    const error = await load.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof PlanTemplateError)) throw new Error(`expected a PlanTemplateError, got ${String(error)}`);
    return error;
  }

  it('loads both languages with a 12-character content hash as the version', () => {
    expect(da.version).toMatch(/^[0-9a-f]{12}$/);
    expect(en.version).toMatch(/^[0-9a-f]{12}$/);
    expect(da.version).not.toBe(en.version);
    expect(da.files).toEqual([join(defaultPlanTemplateDir, 'da.json')]);
  });

  it('keeps the version when only the formatting of the file changes, and changes it with a word', async () => {
    const reformatted = await templateDir({ 'da.json': JSON.stringify(defaultDa) });
    expect((await loadPlanTemplate('da', undefined, reformatted)).version).toBe(da.version);
    const reworded = await templateDir({
      'da.json': daWith((json) => {
        json['goal']!['heading'] = 'Det vil jeg';
      }),
    });
    expect((await loadPlanTemplate('da', undefined, reworded)).version).not.toBe(da.version);
  });

  it('names the file and the field of a missing text', async () => {
    const dir = await templateDir({
      'da.json': daWith((json) => {
        delete json['goal']!['heading'];
      }),
    });
    const error = await loadError(loadPlanTemplate('da', undefined, dir));
    expect(error.file).toBe(join(dir, 'da.json'));
    expect(error.message).toContain(join(dir, 'da.json'));
    expect(error.problems.join('\n')).toMatch(/^goal\.heading: /m);
  });

  it('names the file of a template that is not JSON', async () => {
    const dir = await templateDir({ 'da.json': '{ "language": "da", ' });
    const error = await loadError(loadPlanTemplate('da', undefined, dir));
    expect(error.message).toContain(join(dir, 'da.json'));
    expect(error.problems[0]).toMatch(/not valid JSON/);
  });

  it('refuses a placeholder the renderer does not fill for that sentence', async () => {
    const dir = await templateDir({
      'da.json': daWith((json) => {
        json['networkGroup']!['meetsWeekday'] = 'Du mødes hver {weekday} med {cpr}.';
      }),
    });
    const error = await loadError(loadPlanTemplate('da', undefined, dir));
    expect(error.problems).toEqual([
      'networkGroup.meetsWeekday: unknown placeholder {cpr}; this sentence can use {weekday}',
    ]);
  });

  it('refuses a sentence that drops what it is there to say, and a stray brace', async () => {
    const dir = await templateDir({
      'da.json': daWith((json) => {
        json['goal']!['quote'] = 'Dit mål står her.';
        json['header']!['intro'] = 'Her er din plan {';
      }),
    });
    const error = await loadError(loadPlanTemplate('da', undefined, dir));
    expect(error.problems).toContain('goal.quote: must contain {goal}');
    expect(error.problems.join('\n')).toMatch(/header\.intro: has a "\{" or "\}"/);
  });

  it('refuses a misspelt field and a file whose language does not match its name', async () => {
    const misspelt = await templateDir({
      'da.json': daWith((json) => {
        json['goal']!['headng'] = 'Mit mål';
      }),
    });
    expect((await loadError(loadPlanTemplate('da', undefined, misspelt))).problems).toEqual([
      'goal: unknown field(s) headng',
    ]);
    const wrongLanguage = await templateDir({ 'en.json': defaultDa });
    expect((await loadError(loadPlanTemplate('en', undefined, wrongLanguage))).problems[0]).toMatch(
      /language: is "da" but the file is for "en"/,
    );
  });

  describe("a municipality's own wording and logo", () => {
    it('replaces only the sentences it sets, and takes the logo from its folder', async () => {
      const logo = sampleLogoPng();
      const dir = await templateDir({
        'da.json': { goal: { heading: 'Det drømmer jeg om' }, footer: { pageNumber: 'Side {page}' } },
        'logo.png': logo,
      });
      const template = await loadPlanTemplate('da', dir);
      expect(template.texts.goal.heading).toBe('Det drømmer jeg om');
      expect(template.texts.goal.notYet).toBe(da.texts.goal.notYet);
      expect(template.logo?.equals(logo)).toBe(true);
      expect(template.files).toEqual([
        join(defaultPlanTemplateDir, 'da.json'),
        join(dir, 'da.json'),
        join(dir, 'logo.png'),
      ]);
      expect(template.version).not.toBe(da.version);

      const pdf = await readPdf(
        await renderPlanPdf({ ...almostEmpty, municipality: { name: 'Køge Kommune' } }, template),
      );
      expect(pdf.text).toContain('Det drømmer jeg om');
      expect(pdf.text).toContain('Side 1');
      expect(pdf.text).not.toContain('Side 1 af');
    });

    it('falls back to the defaults for a language, or a whole folder, it does not have', async () => {
      const dir = await templateDir({ 'en.json': { goal: { heading: 'What I want' } } });
      expect((await loadPlanTemplate('da', dir)).version).toBe(da.version);
      expect((await loadPlanTemplate('en', dir)).texts.goal.heading).toBe('What I want');
      expect((await loadPlanTemplate('da', join(tempRoot, 'no-such-folder'))).version).toBe(da.version);
    });

    it('names the override file, not the default, when the override is wrong', async () => {
      const dir = await templateDir({
        'da.json': { goal: { heading: 'Mit mål', quote: 'Du vil {gaol}' }, placement: { hedaing: 'x' } },
      });
      const unknownField = await loadError(loadPlanTemplate('da', dir));
      expect(unknownField.file).toBe(join(dir, 'da.json'));
      expect(unknownField.problems).toEqual([
        'placement.hedaing: unknown field; the default template has no such text',
      ]);

      const badPlaceholder = await templateDir({ 'da.json': { goal: { quote: 'Du vil {gaol}' } } });
      const error = await loadError(loadPlanTemplate('da', badPlaceholder));
      expect(error.file).toBe(join(badPlaceholder, 'da.json'));
      expect(error.problems).toEqual([
        'goal.quote: unknown placeholder {gaol}; this sentence can use {goal}',
        'goal.quote: must contain {goal}',
      ]);
    });

    it('refuses a logo that is not a PNG or JPEG image', async () => {
      const dir = await templateDir({ 'logo.png': '<svg></svg>' });
      const error = await loadError(loadPlanTemplate('da', dir));
      expect(error.file).toBe(join(dir, 'logo.png'));
    });

    it('puts a logo from the plan data before the folder’s logo', async () => {
      const plain = await renderPlanPdf(almostEmpty, da);
      const withLogo = await renderPlanPdf(
        { ...almostEmpty, municipality: { name: 'Roskilde Kommune', logo: sampleLogoPng().toString('base64') } },
        da,
      );
      expect(withLogo.toString('latin1')).toMatch(/\/Subtype \/Image/);
      expect(plain.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
      await expect(
        renderPlanPdf(
          { ...almostEmpty, municipality: { name: 'X', logo: Buffer.from('GIF89a').toString('base64') } },
          da,
        ),
      ).rejects.toThrow(/PNG or JPEG/);
    });

    it('only takes a municipality id as a folder name', () => {
      expect(planTemplateDirFor('3f0c6f5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f')).toBe(
        join(defaultPlanTemplateDir, '3f0c6f5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f'),
      );
      expect(() => planTemplateDirFor('../../etc')).toThrow(/Not a municipality id/);
    });
  });

  it('has every text of the template explained in templates/README.md', async () => {
    const readme = await readFile(join(defaultPlanTemplateDir, '..', 'README.md'), 'utf8');
    const paths: string[] = [];
    const walk = (node: unknown, path: string[]) => {
      if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
        for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
      } else paths.push(path.join('.'));
    };
    walk(defaultDa, []);
    for (const path of paths) expect(readme, `templates/README.md does not mention ${path}`).toContain(`\`${path}\``);
  });
});
