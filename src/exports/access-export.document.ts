/**
 * Draws the access export (access-export.view.ts) as an A4 PDF with pdfkit, in the plan's fonts
 * (DejaVu Sans, src/plans/plan.document.ts): the title and the municipality, the introduction,
 * then each section with its heading and its lines, the smaller lines under each in grey, and
 * "Side 1 af 4" at the foot of every page. Pure: the document in, PDF bytes out. Every word comes
 * from the view; characters the fonts cannot draw (emoji) are left out.
 */
import PDFDocument from 'pdfkit';
import { fonts } from '../plans/plan.document.ts';
import { keepPrintable } from '../plans/plan.text.ts';
import type { Lang } from '../shared/i18n.ts';
import type { ExportDocument, ExportLine } from './access-export.view.ts';

const margin = { top: 48, bottom: 56, left: 56, right: 56 };
const colour = { text: '#1a1a1a', muted: '#555555', accent: '#1f4e79', rule: '#c8d3df' };
const size = { title: 22, heading: 14, subheading: 12, body: 10.5, small: 9 };
const lineGap = 2;
const indent = 14;

export async function renderAccessPdf(document: ExportDocument, lang: Lang): Promise<Buffer> {
  const { regular, bold, hasGlyph } = fonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    info: { Title: document.title, Creator: 'Ungeflow' },
    lang: lang === 'da' ? 'da-DK' : 'en-GB',
    displayTitle: true,
    // No default font (see plan.document.ts): every text sets its own.
    font: null as unknown as string,
  });
  doc.registerFont('regular', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = margin.left;
  const width = doc.page.width - margin.left - margin.right;
  const bottom = () => doc.page.height - margin.bottom;
  const write = (
    text: string,
    style: { font?: 'regular' | 'bold'; size?: number; colour?: string; indent?: number; after?: number },
  ) => {
    const x = left + (style.indent ?? 0);
    const printable = keepPrintable(text, hasGlyph);
    doc
      .font(style.font ?? 'regular')
      .fontSize(style.size ?? size.body)
      .fillColor(style.colour ?? colour.text);
    const height = doc.heightOfString(printable, { width: width - (style.indent ?? 0), lineGap });
    if (doc.y + Math.min(height, 3 * (style.size ?? size.body)) > bottom()) doc.addPage();
    doc.text(printable, x, doc.y, { width: width - (style.indent ?? 0), lineGap });
    doc.y += style.after ?? 2;
  };
  const line = (item: ExportLine) => {
    write(item.text, { after: item.details?.length ? 1 : 4 });
    item.details?.forEach((detail, index, all) =>
      write(detail, { size: size.small, colour: colour.muted, indent, after: index === all.length - 1 ? 4 : 1 }),
    );
  };

  doc.y = margin.top;
  write(document.municipality, { font: 'bold', colour: colour.muted, after: 10 });
  write(document.title, { font: 'bold', size: size.title, colour: colour.accent, after: 2 });
  write(document.madeOn, { colour: colour.muted, after: 8 });
  for (const paragraph of document.intro) write(paragraph, { after: 6 });

  for (const section of document.sections) {
    const level1 = section.level === 1;
    doc.y += level1 ? 12 : 6;
    // A heading is never the last line of a page.
    if (doc.y + 60 > bottom()) doc.addPage();
    if (level1) {
      doc
        .moveTo(left, doc.y)
        .lineTo(left + width, doc.y)
        .lineWidth(1)
        .strokeColor(colour.rule)
        .stroke();
      doc.y += 6;
    }
    write(section.heading, {
      font: 'bold',
      size: level1 ? size.heading : size.subheading,
      colour: colour.accent,
      after: 4,
    });
    for (const paragraph of section.lead ?? []) write(paragraph, { colour: colour.muted, after: 4 });
    for (const item of section.lines) line(item);
  }

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing below the bottom margin would make pdfkit start a new page; lift it meanwhile.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(size.small)
      .fillColor(colour.muted)
      .text(document.pageNumber(index + 1, range.count), left, doc.page.height - margin.bottom / 2 - size.small / 2, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin.bottom;
  }
  doc.end();
  return bytes;
}
