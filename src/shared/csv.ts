/**
 * CSV for Excel as Danish users open it: semicolon-separated (Danish Excel takes the comma as the
 * decimal sign), lines ended by CRLF, UTF-8 with a byte order mark (without it Excel does not
 * recognise UTF-8 and garbles æøå).
 */
const BOM = '\uFEFF';

/** One cell: quoted when it holds a separator, a quote or a line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A name starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The file: each line's cells already made by csvCell. */
export function csvFile(lines: ReadonlyArray<readonly string[]>): string {
  return BOM + lines.map((cells) => cells.join(';')).join('\r\n') + '\r\n';
}
