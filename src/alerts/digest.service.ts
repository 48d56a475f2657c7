import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/database.ts';
import { listAllMunicipalities } from '../municipalities/municipality.repository.ts';
import { listActiveLeaders } from '../users/users.repository.ts';
import { riskCodeLabels } from './alert.labels.ts';
import { isRiskCode } from '../risk/risk.codes.ts';
import type { Lang } from '../shared/i18n.ts';
import {
  type AlertCount,
  countAlertsEscalated,
  countAlertsOpened,
  insertDigest,
  lastDigestSentAt,
} from './digest.repository.ts';
import { translator } from '../shared/texts.ts';

/** Sends mail over SMTP, or writes it to the log when no SMTP server is configured. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string; log: FastifyBaseLogger }): Mailer {
  if (!options.smtpUrl) {
    return {
      send(message) {
        // The digest holds no personal data, so it may go to the log as it is.
        // The text names no youth; the address is left out of the log.
        options.log.info(
          { mail: { subject: message.subject, text: message.text } },
          'no SMTP configured: alert digest written to the log',
        );
        return Promise.resolve();
      },
    };
  }
  const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
    },
  };
}

export interface DigestOutcome {
  municipalities: number;
  mails: number;
}

/**
 * The leaders' daily e-mail: per municipality, the alerts opened and those escalated to the
 * leader since the last digest, counted by rule, in Danish. It names no youth: the leader follows
 * the link into Ungeflow, where every read is logged.
 */
export async function sendDigests(
  deps: { db: Db; clock: () => Date; mailer: Mailer; publicUrl: string },
  lang: Lang = 'da',
): Promise<DigestOutcome> {
  // The words are in templates/texts/digest.*.json.
  const t = translator(lang);
  const now = deps.clock();
  const municipalities = await listAllMunicipalities(deps.db);
  let sentTo = 0;
  let mails = 0;
  for (const municipality of municipalities) {
    const since = (await lastDigestSentAt(deps.db, municipality.id)) ?? new Date(0);
    const opened = await countAlertsOpened(deps.db, municipality.id, since, now);
    const escalated = await countAlertsEscalated(deps.db, municipality.id, since, now);
    if (opened.length === 0 && escalated.length === 0) continue;
    const leaders = await listActiveLeaders(deps.db, municipality.id);
    const lines = (rows: AlertCount[]) =>
      rows.length === 0
        ? [t('digest.none')]
        : rows.map((r) =>
            t('digest.line', { count: r.count, label: isRiskCode(r.code) ? riskCodeLabels[r.code][lang] : r.code }),
          );
    const newCount = opened.reduce((sum, r) => sum + r.count, 0);
    const escalatedCount = escalated.reduce((sum, r) => sum + r.count, 0);
    const values = {
      newCount,
      escalatedCount,
      municipalityName: municipality.name,
      inboxUrl: `${deps.publicUrl}/advarsler`,
    };
    for (const leader of leaders) {
      const text = [
        t('digest.greeting', { ...values, leaderName: leader.name }),
        '',
        t('digest.intro', values),
        '',
        t('digest.newHeading'),
        ...lines(opened),
        '',
        t('digest.escalatedHeading'),
        ...lines(escalated),
        '',
        t('digest.link', values),
        '',
        t('digest.footer'),
      ].join('\n');
      await deps.mailer.send({ to: leader.email, subject: t('digest.subject', values), text });
      mails += 1;
    }
    await insertDigest(deps.db, {
      municipalityId: municipality.id,
      sentAt: now,
      alerts: newCount + escalatedCount,
      mails: leaders.length,
    });
    sentTo += 1;
  }
  return { municipalities: sentTo, mails };
}
