import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The PDF's text as a reader would copy it, all whitespace runs as one space. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js takes the array over (detaches it): give it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = '';
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  await pdf.destroy();
  return text.replace(/\s+/g, ' ').trim();
}
