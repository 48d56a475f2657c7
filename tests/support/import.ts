import type { FastifyInstance } from 'fastify';

/** A row of a caseload file, by its Danish headings (README, "Importing the current caseload"). */
export type CaseloadRow = Record<string, string>;

/** A caseload file of the rows, with the headings of the first; Excel's dialect unless told otherwise. */
export function caseloadCsv(
  rows: readonly CaseloadRow[],
  dialect: { separator?: ';' | ','; bom?: boolean; lineEnd?: string } = {},
): string {
  const { separator = ';', bom = true, lineEnd = '\r\n' } = dialect;
  const headings = Object.keys(rows[0] ?? {});
  const cell = (value: string) => (/[;,"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = [headings, ...rows.map((row) => headings.map((h) => row[h] ?? ''))].map((cells) =>
    cells.map(cell).join(separator),
  );
  return (bom ? '\uFEFF' : '') + lines.join(lineEnd) + lineEnd;
}

/**
 * Sends the file from the administrator's import page as the browser does: the page's CSRF token and
 * cookie, and the file as a multipart upload. `check` is "Kontrollér", `import` is "Importér".
 */
export async function uploadCaseload(
  app: FastifyInstance,
  headers: { cookie: string },
  content: string | Buffer,
  action: 'check' | 'import',
  fileName = 'sagsstamme.csv',
) {
  const page = await app.inject({ method: 'GET', url: '/admin/import', headers });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const csrfCookie = page.cookies.find((c) => c.name === 'ungeflow_csrf');
  if (!token || !csrfCookie) throw new Error(`no CSRF token on the import page: ${page.statusCode}`);
  const form = new FormData();
  form.append('_csrf', token);
  form.append('action', action);
  form.append('file', new Blob([content], { type: 'text/csv' }), fileName);
  return app.inject({
    method: 'POST',
    url: '/admin/import',
    headers: { cookie: `${headers.cookie}; ungeflow_csrf=${csrfCookie.value}` },
    payload: form,
  });
}

/** The problems the import page lists: row, column and message, as the administrator reads them. */
export function importProblemsOf(html: string): Array<[string, string, string]> {
  const table = /<table data-testid="import-problems">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const unescape = (text: string) =>
    text
      .replace(/&laquo;/g, '«')
      .replace(/&raquo;/g, '»')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return Array.from(table.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><td class="break">(.*?)<\/td><\/tr>/g), (m) => [
    unescape(m[1] ?? ''),
    unescape(m[2] ?? ''),
    unescape(m[3] ?? ''),
  ]);
}
