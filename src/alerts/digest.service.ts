import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/database.ts';
import { riskCodeLabels } from './alert.labels.ts';
import { isRiskCode } from '../risk/risk.codes.ts';
import type { Lang } from '../shared/i18n.ts';
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
  const municipalities = await deps.db.selectFrom('municipality').select(['id', 'name']).execute();
  let sentTo = 0;
  let mails = 0;
  for (const municipality of municipalities) {
    const last = await deps.db
      .selectFrom('alert_digest')
      .select('sent_at')
      .where('municipality_id', '=', municipality.id)
      .orderBy('sent_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const since = last?.sent_at ?? new Date(0);
    const opened = await deps.db
      .selectFrom('alert')
      .select(['code', (eb) => eb.fn.countAll<string>().as('n')])
      .where('municipality_id', '=', municipality.id)
      .where('opened_at', '>', since)
      .where('opened_at', '<=', now)
      .groupBy('code')
      .execute();
    const escalated = await deps.db
      .selectFrom('alert')
      .select(['code', (eb) => eb.fn.countAll<string>().as('n')])
      .where('municipality_id', '=', municipality.id)
      .where('status', '<>', 'resolved')
      .where('escalated_at', '>', since)
      .where('escalated_at', '<=', now)
      .groupBy('code')
      .execute();
    if (opened.length === 0 && escalated.length === 0) continue;
    const leaders = await deps.db
      .selectFrom('app_user')
      .select(['email', 'name'])
      .where('municipality_id', '=', municipality.id)
      .where('role', '=', 'leader')
      .where('active', '=', true)
      .execute();
    const lines = (rows: Array<{ code: string; n: string | number }>) =>
      rows.length === 0
        ? [t('digest.none')]
        : rows.map((r) =>
            t('digest.line', { count: Number(r.n), label: isRiskCode(r.code) ? riskCodeLabels[r.code][lang] : r.code }),
          );
    const newCount = opened.reduce((sum, r) => sum + Number(r.n), 0);
    const escalatedCount = escalated.reduce((sum, r) => sum + Number(r.n), 0);
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
    await deps.db
      .insertInto('alert_digest')
      .values({
        municipality_id: municipality.id,
        sent_at: now,
        alerts: newCount + escalatedCount,
        mails: leaders.length,
      })
      .execute();
    sentTo += 1;
  }
  return { municipalities: sentTo, mails };
}
