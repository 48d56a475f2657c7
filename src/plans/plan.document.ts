/**
 * Draws the printed plan "Min plan" as an A4 PDF with pdfkit. Pure: plan data and a template
 * in, PDF bytes out; no database, no clock, no file but the font.
 *
 * Every word on the page comes from the template (templates/README.md); this file decides only
 * layout, and which sentence a section uses when part of its data is missing:
 *
 * - goal, network group, workplace, offers, next steps, contact person, progress, agreements: always
 *   printed; with nothing recorded, the section says in words that it is not agreed yet.
 * - health and everyday life: printed for activity-ready youth (LAB § 41 stk. 2 makes it part of
 *   their plan: "not agreed yet" when empty) and for anyone with entries; left out otherwise.
 * - status: printed only when there is a status text.
 * - the youth's name and birth date in the header: each left out when missing.
 * - signatures: always, with date lines.
 *
 * Text typed by people is cleaned first (plan.text.ts): control and bidi-override characters
 * and characters the font cannot draw (emoji) are left out, CPR-shaped numbers are masked, one-line
 * values are cut at 100 characters and free texts at 1,000, with "…". pdfkit breaks words that are
 * longer than a line, so nothing is printed outside the margins.
 *
 * The same data and template give the same bytes: the PDF's CreationDate is midnight (UTC) of the
 * day the plan was made, there is no ModDate, pdfkit derives the file ID (an MD5 of the info
 * dictionary: CreationDate, Title, Creator, Producer, TemplateVersion) from it alone, fonts are
 * subset in the order glyphs are first used, and nothing in the file depends on the clock or on
 * chance. So the ID names the template and the day, not the content; the content hash a stored
 * plan version keeps is the caller's. The renderer keeps no state between calls except the
 * parsed fonts and their caches (see withSharedCaches), which do not change the bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as createFont } from 'fontkit';
import type { Font, GlyphRun } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { PlanTemplate, PlanTexts } from './plan.template.ts';
import {
  cleanLine,
  cleanParagraph,
  fill,
  keepPrintable,
  weekdayName,
  writtenDate,
  writtenNumber,
  writtenTime,
} from './plan.text.ts';
import type { CleanOptions, HasGlyph } from './plan.text.ts';
import { planDataSchema, progressionFactors } from './plan.types.ts';
import type { PlanData } from './plan.types.ts';
import type { TextValues } from '../shared/texts.ts';

// ---------------------------------------------------------------------------------------------
// Fonts: DejaVu Sans (package dejavu-fonts-ttf), embedded as a subset. It has every Danish
// letter and also Greek, Cyrillic, Hebrew and Arabic, so most names print as typed.
// ---------------------------------------------------------------------------------------------

interface Fonts {
  regular: Font;
  bold: Font;
  /** Both fonts have a glyph for the character, so any text can be set in either. */
  hasGlyph: HasGlyph;
}

let loadedFonts: Fonts | undefined;

/**
 * Parsed once per process and shared by every render: parsing and indexing a font takes far
 * longer than drawing a plan. pdfkit makes a fresh subset of it for each document.
 */
function fonts(): Fonts {
  if (loadedFonts !== undefined) return loadedFonts;
  const require = createRequire(import.meta.url);
  const load = (file: string): Font => {
    const font = createFont(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
    if (!('characterSet' in font)) throw new Error(`${file} is a font collection, not a font`);
    return withSharedCaches(font);
  };
  const regular = load('DejaVuSans.ttf');
  const bold = load('DejaVuSans-Bold.ttf');
  const boldSet = new Set(bold.characterSet);
  const both = new Set(regular.characterSet.filter((codePoint) => boldSet.has(codePoint)));
  loadedFonts = { regular, bold, hasGlyph: (codePoint) => both.has(codePoint) };
  return loadedFonts;
}

/** Words whose shaping is remembered across renders; the memory is cleared when it is full. */
const maxRememberedLayouts = 20_000;

/**
 * Two results fontkit works out again for every document although they never change for a
 * given font, kept on the shared font instead. Together they save about a third of a plan's
 * render time (bench/plans.ts: median 13.6 ms without, 8.8 ms with, on the 2-core machine):
 *
 * - `layout(word)`: shaping (kerning, ligatures, marks). pdfkit lays text out word by word and
 *   remembers words only within one document. Each caller gets its own copy of the positions,
 *   because pdfkit scales them in place.
 * - a glyph's decoded outline, which fontkit's subsetter decodes again for every glyph of every
 *   embedded subset. `_decode` is not public API: should a fontkit version lack it, this step is
 *   skipped and rendering is only slower.
 *
 * Both are pure functions of the font, so the bytes do not change; the tests compare a render
 * with cold caches to one with warm caches.
 */
function withSharedCaches(font: Font): Font {
  const layouts = new Map<string, GlyphRun>();
  const layout = font.layout.bind(font);
  font.layout = (text, ...options) => {
    if (options.some((option) => option !== undefined)) return layout(text, ...options);
    let run = layouts.get(text);
    if (run === undefined) {
      if (layouts.size >= maxRememberedLayouts) layouts.clear();
      run = layout(text);
      layouts.set(text, run);
    }
    // Same prototype, so getters such as `advanceWidth` keep working on the copy.
    const copy: GlyphRun = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
    copy.glyphs = [...run.glyphs];
    copy.positions = run.positions.map((position) => ({ ...position }));
    return copy;
  };

  const decoded = new WeakSet<object>();
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (...args) => {
    const glyph = getGlyph(...args);
    const internal = glyph as unknown as { _decode?: () => unknown } | null;
    if (internal !== null && typeof internal._decode === 'function' && !decoded.has(internal)) {
      decoded.add(internal);
      const decode = internal._decode.bind(internal);
      let outline: unknown;
      let done = false;
      internal._decode = () => {
        if (!done) {
          outline = decode();
          done = true;
        }
        return outline;
      };
    }
    return glyph;
  };
  return font;
}

// ---------------------------------------------------------------------------------------------
// Page
// ---------------------------------------------------------------------------------------------

const margin = { top: 48, bottom: 56, left: 56, right: 56 };
const colour = {
  text: '#1a1a1a',
  muted: '#555555',
  accent: '#1f4e79',
  /** The first measurement: light enough to tell from the latest when printed in grey. */
  first: '#9db9d5',
  rule: '#c8d3df',
  grid: '#e3e8ee',
};
const size = { title: 26, name: 16, heading: 14, quote: 12, body: 11, small: 9.5 };
const lineGap = 2;
const bulletIndent = 16;

type FontName = 'regular' | 'bold';

interface Style {
  font?: FontName;
  size?: number;
  colour?: string;
  /** From the left margin. */
  indent?: number;
  /** Space after, in points. */
  after?: number;
}

/** Everything a section needs: the document, the template's texts, and how to clean text. */
class PlanWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly t: PlanTexts;
  readonly hasGlyph: HasGlyph;

  constructor(doc: PDFKit.PDFDocument, texts: PlanTexts, hasGlyph: HasGlyph) {
    this.doc = doc;
    this.t = texts;
    this.hasGlyph = hasGlyph;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A sentence of the template with its placeholders filled, in the template's language. */
  fill(sentence: string, values: TextValues): string {
    return fill(sentence, values, this.t.language);
  }

  line(value: string | null | undefined, options: CleanOptions = {}): string | undefined {
    return cleanLine(value, { hasGlyph: this.hasGlyph, ...options });
  }

  paragraphText(value: string | null | undefined): string | undefined {
    return cleanParagraph(value, { hasGlyph: this.hasGlyph });
  }

  date(day: string | null | undefined, form: 'fullDate' | 'shortDate' = 'fullDate'): string | undefined {
    return day === null || day === undefined ? undefined : writtenDate(day, this.t, form);
  }

  /**
   * Starts a new page unless `height` points are left on this one. A block taller than a page
   * starts on a fresh page and flows on; it never leaves an empty page behind.
   */
  ensureSpace(height: number): void {
    const pageHeight = this.bottom - this.doc.page.margins.top;
    if (this.doc.y + Math.min(height, pageHeight) > this.bottom) this.doc.addPage();
  }

  setStyle({ font = 'regular', size: fontSize = size.body, colour: fill = colour.text }: Style): void {
    this.doc.font(font).fontSize(fontSize).fillColor(fill);
  }

  heightOf(text: string, style: Style = {}): number {
    this.setStyle(style);
    return this.doc.heightOfString(this.printable(text), { width: this.width - (style.indent ?? 0), lineGap });
  }

  /** Text in the flow, wrapped to the margins; moves down past it. */
  text(text: string, style: Style = {}): void {
    this.draw(text, this.left + (style.indent ?? 0), this.doc.y, {
      style,
      width: this.width - (style.indent ?? 0),
      lineGap,
    });
    this.doc.y += style.after ?? 3;
  }

  /**
   * Every word reaches the page through here, with the characters the font cannot draw left out:
   * data is cleaned before (plan.text.ts), but a municipality's template might hold an emoji too.
   */
  draw(text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions & { style?: Style }): void {
    const { style = {}, ...textOptions } = options;
    this.setStyle(style);
    this.doc.text(this.printable(text), x, y, textOptions);
  }

  private printable(text: string): string {
    return keepPrintable(text, this.hasGlyph);
  }

  /** A section heading, kept on the same page as the first `keepWithNext` points under it. */
  heading(text: string, keepWithNext = 40): void {
    this.doc.y += 8;
    this.ensureSpace(this.heightOf(text, { font: 'bold', size: size.heading }) + 4 + keepWithNext);
    this.text(text, { font: 'bold', size: size.heading, colour: colour.accent, after: 4 });
  }

  /** Sentences, one to a line: easier to read and find again than a block. */
  sentences(sentences: readonly string[]): void {
    for (const sentence of sentences) this.text(sentence);
  }

  notYet(sentence: string): void {
    this.text(sentence, { colour: colour.muted });
  }

  bulletHeight(text: string, details: readonly string[] = [], style: Style = {}): number {
    return (
      this.heightOf(text, { ...style, indent: bulletIndent }) +
      details.reduce((sum, detail) => sum + this.heightOf(detail, { size: size.small, indent: bulletIndent }) + 2, 0) +
      5
    );
  }

  /** A bulleted list item; kept on one page when it fits on one. */
  bullet(text: string, details: readonly string[] = [], style: Style = {}): void {
    const indent = bulletIndent;
    const height = this.bulletHeight(text, details, style);
    this.ensureSpace(height);
    const y = this.doc.y;
    this.setStyle({ font: 'bold', colour: colour.accent });
    this.doc.text('•', this.left + 3, y, { lineBreak: false });
    this.doc.y = y;
    this.text(text, { ...style, indent, after: details.length > 0 ? 2 : 5 });
    details.forEach((detail, index) => {
      this.text(detail, {
        size: size.small,
        colour: colour.muted,
        indent,
        after: index === details.length - 1 ? 5 : 1,
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

/**
 * The plan as a PDF. `data` is validated first (a ZodError for data no plan can be made from,
 * e.g. weekday 9); everything else renders, however strange the text.
 */
export async function renderPlanPdf(data: PlanData, template: PlanTemplate): Promise<Buffer> {
  const plan = planDataSchema.parse(data);
  const { regular, bold, hasGlyph } = fonts();
  const t = template.texts;

  // Custom key: which template made the file, readable in any PDF viewer's properties.
  const info: PDFKit.DocumentInfo & { TemplateVersion: string } = {
    Title: t.header.title,
    Creator: 'Ungeflow',
    // Midnight UTC of the day: the same on every machine, whatever its time zone or tz database.
    CreationDate: new Date(`${plan.madeOn}T00:00:00Z`),
    TemplateVersion: template.version,
  };
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    info,
    lang: t.locale,
    displayTitle: true,
    // No default font: pdfkit would otherwise load its standard Helvetica for every document,
    // unused, at a millisecond a time. Every text below sets its font first (PlanWriter.draw).
    font: null as unknown as string,
  });
  // pdfkit takes a parsed fontkit font wherever it takes a font file (its types say Buffer).
  // Registered by name, so each document looks it up once and then finds it in its cache.
  doc.registerFont('regular', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);

  const bytes = collect(doc);
  const writer = new PlanWriter(doc, t, hasGlyph);
  drawHeader(writer, plan, template);
  drawGoal(writer, plan);
  drawStatus(writer, plan);
  drawNetworkGroup(writer, plan);
  drawPlacement(writer, plan);
  drawOffers(writer, plan);
  drawStabilisation(writer, plan);
  drawNextSteps(writer, plan);
  drawContactPerson(writer, plan);
  drawProgression(writer, plan);
  drawAgreements(writer, plan);
  drawSignatures(writer, plan);
  drawPageNumbers(writer);
  doc.end();
  return bytes;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawHeader(w: PlanWriter, plan: PlanData, template: PlanTemplate): void {
  const { doc, t } = w;
  const top = doc.page.margins.top;
  const logo = plan.municipality.logo ? Buffer.from(plan.municipality.logo, 'base64') : template.logo;
  const logoBox = { width: 150, height: 56 };

  let logoBottom = top;
  if (logo !== undefined) {
    doc.image(logo, w.left + w.width - logoBox.width, top, {
      fit: [logoBox.width, logoBox.height],
      align: 'right',
    });
    logoBottom = top + logoBox.height;
  }
  const municipality = w.line(plan.municipality.name);
  doc.y = top;
  if (municipality !== undefined) {
    const width = w.width - (logo === undefined ? 0 : logoBox.width + 16);
    w.draw(municipality, w.left, top, {
      style: { font: 'bold', colour: colour.muted },
      width,
      height: 2 * size.body * 1.3,
      ellipsis: true,
    });
  }
  doc.y = Math.max(doc.y, logoBottom) + 14;

  w.text(t.header.title, { font: 'bold', size: size.title, colour: colour.accent, after: 2 });
  const name = w.line(plan.youth?.name);
  if (name !== undefined) w.text(name, { font: 'bold', size: size.name, after: 2 });
  const birthDate = w.date(plan.youth?.birthDate, 'shortDate');
  if (birthDate !== undefined)
    w.text(w.fill(t.header.birthDate, { date: birthDate }), { colour: colour.muted, after: 2 });
  w.text(w.fill(t.header.madeOn, { date: writtenDate(plan.madeOn, t) }), { colour: colour.muted, after: 8 });
  w.text(t.header.intro, { after: 8 });
  doc
    .moveTo(w.left, doc.y)
    .lineTo(w.left + w.width, doc.y)
    .lineWidth(1)
    .strokeColor(colour.rule)
    .stroke();
  doc.y += 4;
}

function drawGoal(w: PlanWriter, plan: PlanData): void {
  const { doc, t } = w;
  w.heading(t.goal.heading);
  const goal = w.paragraphText(plan.goal);
  if (goal === undefined) return w.notYet(t.goal.notYet);

  w.text(t.goal.lead);
  const quote = w.fill(t.goal.quote, { goal });
  const quoteStyle: Style = { font: 'bold', size: size.quote, indent: 14, after: 2 };
  const height = w.heightOf(quote, quoteStyle);
  w.ensureSpace(height);
  const y = doc.y;
  w.text(quote, quoteStyle);
  // A bar beside the youth's own words; only on the part that is on this page.
  if (doc.y > y) doc.rect(w.left + 2, y, 3, doc.y - y - 2).fill(colour.accent);
}

function drawStatus(w: PlanWriter, plan: PlanData): void {
  const status = w.paragraphText(plan.status);
  if (status === undefined) return;
  w.heading(w.t.status.heading);
  w.text(status);
}

function drawNetworkGroup(w: PlanWriter, plan: PlanData): void {
  const t = w.t.networkGroup;
  const group = plan.networkGroup;
  w.heading(t.heading);

  const weekday = group?.weekday ? weekdayName(group.weekday, w.t.dates) : undefined;
  const time = group?.startTime ? writtenTime(group.startTime, w.t) : undefined;
  const place = w.line(group?.place);
  const name = w.line(group?.name);
  const facilitator = w.line(group?.facilitatorName);

  const sentences: string[] = [];
  let placeSaid = false;
  if (weekday !== undefined && time !== undefined && place !== undefined) {
    sentences.push(w.fill(t.meetsWeekdayTimePlace, { weekday, time, place }));
    placeSaid = true;
  } else if (weekday !== undefined && time !== undefined) {
    sentences.push(w.fill(t.meetsWeekdayTime, { weekday, time }));
  } else if (weekday !== undefined) {
    sentences.push(w.fill(t.meetsWeekday, { weekday }));
  } else if (time !== undefined) {
    sentences.push(w.fill(t.time, { time }));
  }
  if (place !== undefined && !placeSaid) sentences.push(w.fill(t.place, { place }));
  if (name !== undefined) sentences.push(w.fill(t.groupName, { group: name }));
  if (facilitator !== undefined) sentences.push(w.fill(t.facilitator, { facilitator }));

  if (sentences.length === 0) return w.notYet(w.paragraphText(plan.withoutGroup) ?? t.notYet);
  w.sentences(sentences);
}

function drawPlacement(w: PlanWriter, plan: PlanData): void {
  const t = w.t.placement;
  const placement = plan.placement;
  w.heading(t.heading);

  const company = w.line(placement?.companyName);
  const address = w.line(placement?.address);
  const hours = placement?.hoursPerWeek ? writtenNumber(placement.hoursPerWeek, w.t.dates) : undefined;
  const startDate = placement?.startDate ?? undefined;
  const contactName = w.line(placement?.contactPerson?.name);
  const contactPhone = w.line(placement?.contactPerson?.phone, { maskCpr: false });

  const sentences: string[] = [];
  if (company !== undefined) sentences.push(w.fill(t.company[placement?.kind ?? 'unspecified'], { company }));
  if (address !== undefined) sentences.push(w.fill(t.address, { address }));
  if (hours !== undefined) sentences.push(w.fill(t.hours, { hours }));
  if (startDate !== undefined) {
    // Said in the past tense once the start day has come.
    const sentence = startDate <= plan.madeOn ? t.startedOn : t.startsOn;
    sentences.push(w.fill(sentence, { date: writtenDate(startDate, w.t) }));
  }
  if (contactName !== undefined) sentences.push(w.fill(t.contact, { name: contactName }));
  if (contactPhone !== undefined) sentences.push(w.fill(t.contactPhone, { phone: contactPhone }));

  if (sentences.length === 0) return w.notYet(w.paragraphText(plan.withoutPlacement) ?? t.notYet);
  w.sentences(sentences);
}

/**
 * The offers the youth has now or is to start (LAB § 41 stk. 2, nr. 4), each a bullet with what it
 * is and, below it, who gives it, when and how many hours; the education injunction first.
 */
function drawOffers(w: PlanWriter, plan: PlanData): void {
  const t = w.t.offers;
  const injunction = plan.educationInjunction;
  const injunctionGoal = w.paragraphText(injunction?.goal);
  const injunctionDate = w.date(injunction?.givenOn);
  const lead =
    injunctionGoal !== undefined && injunctionDate !== undefined
      ? {
          what: w.fill(t.injunction, { date: injunctionDate, goal: injunctionGoal }),
          details: injunction?.startBy ? [w.fill(t.injunctionStartBy, { date: w.date(injunction.startBy) ?? '' })] : [],
        }
      : undefined;
  const offers = (plan.offers ?? []).map((offer) => {
    const provider = w.line(offer.provider);
    const from = w.date(offer.startDate, 'shortDate') ?? '';
    const to = w.date(offer.plannedEnd, 'shortDate');
    const hours = offer.hoursPerWeek ? writtenNumber(offer.hoursPerWeek, w.t.dates) : undefined;
    const what = [t.kinds[offer.kind], ...(offer.subtype ? [t.subtypes[offer.subtype]] : [])].join(' ');
    const details = [
      ...(provider === undefined ? [] : [w.fill(t.provider, { provider })]),
      to === undefined ? w.fill(t.from, { from }) : w.fill(t.fromTo, { from, to }),
      ...(hours === undefined ? [] : [w.fill(t.hours, { hours })]),
    ];
    return { what, details };
  });
  const items = [...(lead ? [lead] : []), ...offers];
  const [first] = items;
  w.heading(t.heading, first === undefined ? undefined : w.bulletHeight(first.what, first.details));
  if (items.length === 0) return w.notYet(t.notYet);
  for (const item of items) w.bullet(item.what, item.details);
}

function drawStabilisation(w: PlanWriter, plan: PlanData): void {
  const t = w.t.stabilisation;
  const items = (plan.stabilisation ?? []).flatMap((item) => w.paragraphText(item) ?? []);
  // LAB § 41 stk. 2: the plan of an activity-ready youth says what stabilises health and everyday life.
  if (plan.category !== 'activity_ready' && items.length === 0) return;
  const [first] = items;
  w.heading(t.heading, first === undefined ? undefined : w.heightOf(t.lead) + 3 + w.bulletHeight(first));
  if (items.length === 0) return w.notYet(t.notYet);
  w.text(t.lead);
  for (const item of items) w.bullet(item);
}

function drawNextSteps(w: PlanWriter, plan: PlanData): void {
  const t = w.t.nextSteps;
  const steps = (plan.nextSteps ?? []).flatMap((step) => {
    const what = w.paragraphText(step.what);
    if (what === undefined) return [];
    const when = w.date(step.when);
    const who = w.line(step.who);
    const details = [
      ...(when === undefined ? [] : [w.fill(t.when, { date: when })]),
      ...(who === undefined ? [] : [w.fill(t.who, { who })]),
    ];
    return [{ what, details }];
  });
  const [first] = steps;
  w.heading(t.heading, first === undefined ? undefined : w.bulletHeight(first.what, first.details, { font: 'bold' }));
  const review = w.date(plan.reviewOn);
  const reviewSentence = review === undefined || t.review === undefined ? [] : [w.fill(t.review, { date: review })];
  if (steps.length === 0) w.notYet(t.notYet);
  for (const step of steps) w.bullet(step.what, step.details, { font: 'bold' });
  if (reviewSentence.length > 0) w.sentences(reviewSentence);
}

function drawContactPerson(w: PlanWriter, plan: PlanData): void {
  const t = w.t.contactPerson;
  const contact = plan.contactPerson;
  w.heading(t.heading);
  const name = w.line(contact?.name);
  const phone = w.line(contact?.phone, { maskCpr: false });
  const email = w.line(contact?.email);
  const sentences = [
    ...(name === undefined ? [] : [w.fill(t.name, { name })]),
    ...(phone === undefined ? [] : [w.fill(t.phone, { phone })]),
    ...(email === undefined ? [] : [w.fill(t.email, { email })]),
  ];
  if (sentences.length === 0) return w.notYet(t.notYet);
  // "Ring eller skriv" only with a number to ring. A template stored before `askUsInWriting`
  // existed prints `askUs`, as it did then.
  w.sentences([...sentences, phone === undefined ? (t.askUsInWriting ?? t.askUs) : t.askUs]);
}

/**
 * A horizontal bar chart: one row per progression factor (STAR: Den gode ungeindsats i jobcentrene (2017), s. 29), a light bar for the
 * first score and a dark one for the latest, on a 1-10 scale with the score written beside each bar.
 */
function drawProgression(w: PlanWriter, plan: PlanData): void {
  const { doc } = w;
  const t = w.t.progression;
  const scores = progressionFactors.map((factor) => ({
    label: t.factors[factor],
    first: plan.progression?.[factor]?.first ?? undefined,
    latest: plan.progression?.[factor]?.latest ?? undefined,
  }));
  if (scores.every((score) => score.first === undefined && score.latest === undefined)) {
    w.heading(t.heading);
    return w.notYet(t.notYet);
  }

  const rowHeight = 30;
  const barHeight = 10;
  const labelWidth = 160;
  const plotLeft = w.left + labelWidth + 12;
  const plotWidth = w.width - labelWidth - 12 - 22; // room for the score after a full bar
  const legendHeight = 20;
  const axisHeight = 16;
  const chartHeight = w.heightOf(t.lead) + 6 + legendHeight + scores.length * rowHeight + axisHeight;
  // The chart is drawn at fixed positions: heading, lead and chart go on one page.
  w.heading(t.heading, chartHeight);
  w.text(t.lead, { after: 6 });

  // Legend
  let x = plotLeft;
  const legendY = doc.y;
  for (const [text, fillColour] of [
    [t.first, colour.first],
    [t.latest, colour.accent],
  ] as const) {
    doc.rect(x, legendY + 1, 12, 9).fill(fillColour);
    w.setStyle({ size: size.small });
    const textWidth = Math.min(doc.widthOfString(text), plotWidth / 2 - 24);
    w.draw(text, x + 17, legendY, {
      style: { size: size.small },
      width: textWidth,
      height: size.small * 1.3,
      ellipsis: true,
      lineBreak: false,
    });
    x += 17 + textWidth + 18;
  }

  const top = legendY + legendHeight;
  const xOf = (value: number) => plotLeft + (value / 10) * plotWidth;

  // Grid and scale 1-10
  for (let value = 0; value <= 10; value++) {
    doc
      .moveTo(xOf(value), top)
      .lineTo(xOf(value), top + scores.length * rowHeight)
      .lineWidth(value === 0 ? 1 : 0.5)
      .strokeColor(value === 0 ? colour.muted : colour.grid)
      .stroke();
    if (value === 0) continue;
    w.draw(String(value), xOf(value) - 10, top + scores.length * rowHeight + 4, {
      style: { size: 8, colour: colour.muted },
      width: 20,
      align: 'center',
      lineBreak: false,
    });
  }

  scores.forEach((score, index) => {
    const rowTop = top + index * rowHeight;
    w.setStyle({ size: size.small });
    const labelHeight = Math.min(
      doc.heightOfString(score.label, { width: labelWidth }),
      2 * doc.currentLineHeight(true),
    );
    w.draw(score.label, w.left, rowTop + (rowHeight - labelHeight) / 2, {
      style: { size: size.small },
      width: labelWidth,
      height: 2 * doc.currentLineHeight(true),
      ellipsis: true,
    });

    if (score.first === undefined && score.latest === undefined) {
      w.draw(t.notMeasured, plotLeft + 6, rowTop + (rowHeight - size.small) / 2 - 1, {
        style: { size: size.small, colour: colour.muted },
        width: plotWidth - 6,
        height: size.small * 1.3,
        ellipsis: true,
        lineBreak: false,
      });
      return;
    }
    const barsTop = rowTop + (rowHeight - (2 * barHeight + 3)) / 2;
    for (const [value, y, fillColour] of [
      [score.first, barsTop, colour.first],
      [score.latest, barsTop + barHeight + 3, colour.accent],
    ] as const) {
      if (value === undefined) continue;
      doc.rect(plotLeft, y, xOf(value) - plotLeft, barHeight).fill(fillColour);
      w.draw(String(value), xOf(value) + 3, y + 1, { style: { font: 'bold', size: 8 }, lineBreak: false });
    }
  });

  doc.x = w.left;
  doc.y = top + scores.length * rowHeight + axisHeight + 4;
}

function drawAgreements(w: PlanWriter, plan: PlanData): void {
  const t = w.t.agreements;
  const agreements = (plan.agreements ?? []).flatMap((agreement) => w.paragraphText(agreement) ?? []);
  const [first] = agreements;
  w.heading(t.heading, first === undefined ? undefined : w.bulletHeight(first));
  if (agreements.length === 0) return w.notYet(t.notYet);
  for (const agreement of agreements) w.bullet(agreement);
}

function drawSignatures(w: PlanWriter, plan: PlanData): void {
  const { doc } = w;
  const t = w.t.signatures;
  const lineSpace = 30;
  const leadHeight = w.heightOf(t.lead);
  w.heading(t.heading, leadHeight + lineSpace + 70);
  w.text(t.lead, { after: lineSpace });

  const gap = 28;
  const dateOffset = 52;
  const columnWidth = (w.width - gap) / 2;
  const top = doc.y;
  const columns = [
    { label: t.youth, name: w.line(plan.youth?.name) },
    { label: t.caseworker, name: w.line(plan.contactPerson?.name) },
  ];
  columns.forEach((column, index) => {
    const x = w.left + index * (columnWidth + gap);
    doc
      .moveTo(x, top)
      .lineTo(x + columnWidth, top)
      .lineWidth(0.8)
      .strokeColor(colour.text)
      .stroke();
    const oneLine = { width: columnWidth, height: size.small * 1.3, ellipsis: true } as const;
    w.draw(column.label, x, top + 4, { ...oneLine, style: { size: size.small, colour: colour.muted } });
    if (column.name !== undefined) w.draw(column.name, x, top + 17, { ...oneLine, style: { size: size.small } });
    const dateTop = top + dateOffset;
    doc
      .moveTo(x, dateTop)
      .lineTo(x + columnWidth * 0.6, dateTop)
      .lineWidth(0.8)
      .strokeColor(colour.text)
      .stroke();
    w.draw(t.date, x, dateTop + 4, { ...oneLine, style: { size: size.small, colour: colour.muted } });
  });
  doc.x = w.left;
  doc.y = top + dateOffset + 20;
}

/** "Side 1 af 2" at the foot of every page, written once all pages exist. */
function drawPageNumbers(w: PlanWriter): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing below the bottom margin would make pdfkit start a new page; lift it meanwhile.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    w.draw(
      w.fill(w.t.footer.pageNumber, { page: index + 1, pages: range.count }),
      w.left,
      doc.page.height - bottomMargin / 2 - size.small / 2,
      { style: { size: size.small, colour: colour.muted }, width: w.width, align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = bottomMargin;
  }
}
