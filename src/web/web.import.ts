import type { FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import { columnHeadings, importColumns, importTemplate, MOST_BYTES, MOST_ROWS } from '../import/import.schemas.ts';
import { type ImportReport, importCaseload } from '../import/import.service.ts';
import { translator } from '../shared/texts.ts';
import { admins } from './web.admin-settings.ts';
import { pageFor, type WebApp, type WebContext } from './web.shared.ts';

export const IMPORT_PATH = '/admin/import';

/** The name of the file each upload came with, which the multipart plugin's key-values body leaves out. */
const uploadedNames = new WeakMap<FastifyRequest, string>();
/** The uploads cut off at the largest size taken. */
const tooLarge = new WeakSet<FastifyRequest>();

/**
 * The form as the multipart plugin hands it over: the fields as strings and the file as its bytes.
 * After a clean check the page carries the checked file on to "Importér" in a hidden field, so the
 * administrator imports exactly what was checked without choosing it again.
 */
const importForm = z.object({
  _csrf: z.string().optional(),
  action: z.enum(['check', 'import']).default('check'),
  file: z.instanceof(Buffer).optional(),
  checkedFile: z.string().optional(),
  fileName: z.string().max(255).optional(),
});

/**
 * The administrator's import of the current caseload (README, "Importing the current caseload"):
 * a file chosen and checked ("Kontrollér", a dry run that reports every problem by row and column),
 * then imported ("Importér") only when the check found none; and the template to download.
 * A plain form with a file field: it works without JavaScript.
 */
export async function registerImportPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  // Only the import page takes multipart bodies; each field is in request.body, the file as a Buffer.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    // A file over the limit is cut off rather than refused with a bare 413, so the page can say why.
    throwFileSizeLimit: false,
    async onFile(part) {
      uploadedNames.set(this, part.filename);
      await part.toBuffer();
      if (part.file.truncated) tooLarge.add(this);
    },
    // The checked file travels back base64-encoded in a field: a third larger than the file.
    limits: { fileSize: MOST_BYTES, files: 1, fields: 5, fieldSize: Math.ceil((MOST_BYTES * 4) / 3) + 4 },
  });

  function importPage(
    request: FastifyRequest,
    reply: FastifyReply,
    view: {
      report?: ImportReport;
      checkOnly?: boolean;
      checked?: { content: string; name: string };
      problem?: string;
      fileName?: string;
    } = {},
  ) {
    const lang = request.lang;
    const t = translator(lang);
    const report = view.report;
    return page(
      request,
      reply,
      'import',
      t('admin.import.title'),
      {
        columns: importColumns.map((c) => ({
          heading: columnHeadings[c.key].da,
          required: c.required,
          meaning: t(`admin.import.meanings.${c.key}`),
        })),
        megabytes: MOST_BYTES / (1024 * 1024),
        mostRows: MOST_ROWS,
        fileName: view.fileName ?? null,
        report: report
          ? {
              rows: report.rows,
              imported: report.imported,
              title: view.checkOnly ? t('admin.import.reportTitle') : t('admin.import.importReportTitle'),
              problemRows: new Set(report.problems.map((p) => p.row)).size,
              problems: report.problems.map((p) => ({
                row: p.row === null ? t('admin.import.wholeFile') : String(p.row),
                column:
                  p.column === null ? (p.row === null ? '' : t('admin.import.wholeRow')) : columnHeadings[p.column].da,
                message: p.message[lang],
              })),
            }
          : null,
        checked: view.checked ?? null,
      },
      { problem: view.problem },
    );
  }

  app.get(
    IMPORT_PATH,
    { config: pageFor(admins), schema: { hide: true, querystring: z.object({ lang: z.string().optional() }) } },
    (request, reply) => importPage(request, reply),
  );

  app.get(`${IMPORT_PATH}/skabelon.csv`, { config: pageFor(admins), schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="sagsstamme-skabelon.csv"')
      .send(importTemplate()),
  );

  app.post(
    IMPORT_PATH,
    { config: pageFor(admins), preHandler: checkCsrf, schema: { hide: true } },
    async (request, reply) => {
      const t = translator(request.lang);
      const form = importForm.safeParse(request.body ?? {});
      const bytes = !form.success
        ? undefined
        : form.data.file && form.data.file.length > 0
          ? form.data.file
          : form.data.checkedFile
            ? Buffer.from(form.data.checkedFile, 'base64')
            : undefined;
      if (tooLarge.has(request)) {
        return importPage(request, reply.code(400), {
          problem: t('admin.import.tooLarge', { megabytes: MOST_BYTES / (1024 * 1024) }),
        });
      }
      if (!form.success || !bytes) return importPage(request, reply.code(400), { problem: t('admin.import.noFile') });
      const fileName = (form.data.file?.length ? uploadedNames.get(request) : form.data.fileName) || null;
      const actor = actorOf(request);
      const dryRun = form.data.action === 'check';
      const report = await importCaseload(
        deps,
        { municipalityId: actor.municipalityId, userId: actor.userId, ip: actor.ip, requestId: actor.requestId },
        { bytes, name: fileName },
        { dryRun },
      );
      const clean = report.problems.length === 0;
      return importPage(request, reply.code(clean ? 200 : 400), {
        report,
        checkOnly: dryRun,
        ...(fileName ? { fileName } : {}),
        ...(dryRun && clean ? { checked: { content: bytes.toString('base64'), name: fileName ?? '' } } : {}),
      });
    },
  );
}
