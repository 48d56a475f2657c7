import { csvCell, csvFile } from '../shared/csv.ts';
import type { Lang } from '../shared/i18n.ts';
import { translator } from '../shared/texts.ts';
import { redactCpr } from '../youth/cpr.ts';
import type { AuditEntry } from './audit.types.ts';

/** The instants in Danish time as Excel reads a date and time: "2026-12-01 11:00:07". */
const localTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An entry's details as text. They never hold a CPR number (a search's criterion is masked before
 * it is logged); any number shaped like one is masked here as well, so none can reach a file.
 */
export function auditDetailsText(details: Record<string, unknown>): string {
  return Object.keys(details).length === 0 ? '' : redactCpr(JSON.stringify(details));
}

/** The entries as CSV for Excel, with headings in the language asked for (Danish by default). */
export function auditToCsv(entries: readonly AuditEntry[], lang: Lang): string {
  const t = translator(lang);
  const headings = [
    t('audit.colWhen'),
    t('audit.colUser'),
    t('audit.colAction'),
    t('audit.colActionCode'),
    t('audit.colYouth'),
    t('audit.colYouthId'),
    t('audit.colDetails'),
    t('audit.colIp'),
    t('audit.colRequest'),
  ];
  const rows = entries.map((e) => [
    localTime.format(e.occurredAt),
    e.userName,
    t(`audit.actions.${e.action}`),
    e.action,
    e.youthName,
    e.youthId,
    auditDetailsText(e.details),
    e.ip,
    e.requestId,
  ]);
  return csvFile([headings, ...rows].map((cells) => cells.map(csvCell)));
}
