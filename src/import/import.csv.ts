import { CsvError, parse } from 'csv-parse/sync';

/**
 * Reading a caseload file as spreadsheets write it. csv-parse does the CSV itself (quoted fields
 * with separators, quotes and line breaks in them, a byte order mark, any line end); this decides
 * what the library cannot know: the text's encoding and the separator.
 */

/** A record of the file: its row number as the spreadsheet shows it (the headings are row 1) and its fields. */
export interface CsvRecord {
  row: number;
  fields: string[];
}

export type CsvReading =
  { ok: true; headings: string[]; records: CsvRecord[] } | { ok: false; problem: 'not_readable'; line: number };

/**
 * The text of the file's bytes: UTF-8 (with or without a byte order mark), or, when the bytes are
 * no valid UTF-8, Windows-1252, which a Danish Excel writes when "CSV (semikolonsepareret)" is
 * chosen rather than "CSV UTF-8".
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The separator of the headings' line: a semicolon when it has one (Excel in a Danish locale,
 * where the comma is the decimal sign), otherwise a comma.
 */
function separatorOf(text: string): ';' | ',' {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return firstLine.includes(';') ? ';' : ',';
}

/**
 * The headings and records of a CSV text. Fields are trimmed; records whose fields are all empty
 * (an empty line, or a row of separators that Excel writes for an empty row) are left out, but
 * still counted, so the row numbers are those of the spreadsheet.
 */
export function readCsv(text: string): CsvReading {
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: separatorOf(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    });
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, problem: 'not_readable', line: Number(error.lines ?? 1) };
    throw error;
  }
  const [headings = [], ...rest] = rows;
  const records = rest
    .map((fields, index) => ({ row: index + 2, fields }))
    .filter((record) => record.fields.some((field) => field !== ''));
  return { ok: true, headings, records };
}
