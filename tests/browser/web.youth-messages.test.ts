import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { createAppDeps } from '../../src/deps.ts';
import { sendDueReminders } from '../../src/reminders/reminder.service.ts';
import { TEST_SECRET } from '../support/app.ts';
import { loginAs, newCpr, newMunicipality, newUser } from '../support/factories.ts';
import { bringIntoGroup, openJourney } from '../support/journeys.ts';
import { accessibilityViolations, horizontalOverflow } from '../support/page-checks.ts';
import { decodeQuotedPrintable, startSmtp } from '../support/smtp.ts';
import { type Receiver, startReceiver } from '../support/webhooks.ts';
import { linkIn, PHONE } from '../support/youth-login.ts';

const NOW = new Date('2026-12-14T09:00:00Z');

/**
 * The whole way to Mit forløb as the youth takes it: the caseworker sends the link from the youth's
 * page, it arrives at a real SMTP server or a real SMS gateway, and the youth opens it on a phone.
 */
describe(
  'the link to Mit forløb by e-mail and SMS, and reminders, on a phone in Chromium',
  { timeout: 180_000 },
  () => {
    let t: BrowserTest;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let gateway: Receiver;
    let caseworkerEmail: string;
    let caseworkerId: string;

    beforeAll(async () => {
      smtp = await startSmtp();
      gateway = await startReceiver();
      t = await startBrowserTest({ now: NOW, env: { SMTP_URL: smtp.url, SMS_GATEWAY_URL: gateway.url } });
      const municipality = await newMunicipality(t.ctx.db);
      const caseworker = await newUser(t.ctx.db, { municipalityId: municipality.id, role: 'caseworker' });
      caseworkerEmail = caseworker.email;
      caseworkerId = caseworker.id;
    });
    afterAll(async () => {
      await t?.close();
      await Promise.all([smtp?.close(), gateway?.close()]);
    });

    const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

    async function checkPage(page: Page, name: string) {
      expect(await accessibilityViolations(page), name).toEqual([]);
      expect(await horizontalOverflow(page), name).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/mit-forloeb-${name}.png`, fullPage: true });
    }

    /** The caseworker registers the youth and sends the link from the youth's page, by the channel's label. */
    async function invite(name: string, contact: { phone: string; email: string }, channelLabel: string) {
      const staff = await t.loggedIn(caseworkerEmail);
      const created = await staff.request.post(`${t.base}/api/youth`, { data: { name, cpr: newCpr(), ...contact } });
      expect(created.status()).toBe(201);
      const youthId = ((await created.json()) as { id: string }).id;
      await staff.goto(`${t.base}/unge/${youthId}`);
      const section = staff.getByTestId('invite');
      await section.getByLabel(channelLabel).check();
      await section.getByRole('button', { name: 'Send link til Mit forløb' }).click();
      await eventually(() => staff.getByRole('status').textContent()).toBe('Linket til Mit forløb er sendt.');
      await staff.context().close();
      return youthId;
    }

    /** Opens the link on a new phone and logs in with its button; the phone's page, on Mit forløb. */
    async function openOnPhone(link: string, firstName: string, name: string): Promise<Page> {
      // The message links to PUBLIC_URL; the test's app listens on a port of its own.
      expect(link.startsWith(`${t.ctx.config.publicUrl}/mit-forloeb/link/`)).toBe(true);
      const context = await t.browser.newContext({
        viewport: PHONE,
        locale: 'da-DK',
        bypassCSP: true,
        isMobile: true,
        hasTouch: true,
      });
      const phone = await context.newPage();
      phone.setDefaultTimeout(10_000);
      await phone.goto(link.replace(t.ctx.config.publicUrl, t.base));
      await eventually(() => heading(phone)).toBe('Log ind på Mit forløb');
      await checkPage(phone, `${name}-link`);
      await phone.getByRole('button', { name: 'Log ind' }).click();
      await eventually(() => heading(phone)).toBe(`Hej ${firstName}`);
      expect(new URL(phone.url()).pathname).toBe('/mit-forloeb');
      await checkPage(phone, `${name}-forside`);
      return phone;
    }

    it('takes the link from the e-mail the SMTP server received, and the youth lands logged in on Mit forløb', async () => {
      const email = 'sofie.hansen@example.dk';
      const before = smtp.received.length;
      await invite('Sofie Marie Hansen', { phone: '12 34 56 78', email }, `På e-mail til ${email}`);
      const mails = smtp.received.slice(before);
      expect(mails.map((m) => m.to)).toEqual([[email]]);
      const text = decodeQuotedPrintable(mails[0]!.raw);
      expect(text).toContain('Hej Sofie');
      const phone = await openOnPhone(linkIn(text), 'Sofie', 'mail');
      await phone.context().close();
    });

    it('takes the link from the SMS the gateway received, and the youth then asks for reminders by SMS', async () => {
      const before = gateway.requests.length;
      const youthId = await invite(
        'Jonas Berg',
        { phone: '87 65 43 21', email: 'jonas.berg@example.dk' },
        'På sms til 87 65 43 21',
      );
      const sms = gateway.requests.slice(before).map((r) => JSON.parse(r.body) as { to: string; text: string });
      expect(sms.map((s) => s.to)).toEqual(['+4587654321']);
      expect(sms[0]!.text).toMatch(/^Hej Jonas\. /);
      const phone = await openOnPhone(linkIn(sms[0]!.text), 'Jonas', 'sms');

      // Reminders: off until the youth says yes, by SMS or e-mail among what is on file.
      await phone.getByRole('link', { name: 'Påmindelser' }).click();
      await eventually(() => heading(phone)).toBe('Påmindelser');
      const question = phone.getByRole('group', { name: 'Vil du have en påmindelse dagen før?' });
      expect(await question.getByLabel('Nej tak').isChecked()).toBe(true);
      expect(await question.getByLabel('Ja, på e-mail til jonas.berg@example.dk').isChecked()).toBe(false);
      await checkPage(phone, 'paamindelser');
      await question.getByLabel('Ja, på sms til 87 65 43 21').check();
      await phone.getByRole('button', { name: 'Gem' }).click();
      await eventually(() => phone.getByRole('status').textContent()).toBe(
        'Gemt. Du får en påmindelse dagen før kl. 16.00.',
      );
      expect(await phone.getByLabel('Ja, på sms til 87 65 43 21').isChecked()).toBe(true);
      await checkPage(phone, 'paamindelser-gemt');
      const choice = await t.ctx.db
        .selectFrom('youth_reminder_choice')
        .select(['channel', 'lang'])
        .where('youth_id', '=', youthId)
        .executeTakeFirst();
      expect(choice).toEqual({ channel: 'sms', lang: 'da' });

      // The youth is in a group meeting on Tuesdays at 10.00. On Monday at 16.00 the scheduler's
      // reminder work sends the reminder to the gateway, and its link opens Mit forløb on the phone.
      const staff = await loginAs(t.ctx.app, { email: caseworkerEmail });
      const group = await t.ctx.app.inject({
        method: 'POST',
        url: '/api/groups',
        headers: staff,
        payload: {
          name: 'Tirsdagsgruppen',
          facilitatorId: caseworkerId,
          weekday: 2,
          startTime: '10:00',
          place: 'Jobcentret, lokale 3',
        },
      });
      expect(group.statusCode).toBe(201);
      const journey = await openJourney(t.ctx.app, staff, youthId, { firstContactAt: '2026-11-02' });
      await bringIntoGroup(t.ctx.app, staff, journey.id, group.json<{ id: string }>().id);
      t.ctx.setNow(new Date('2026-12-14T15:00:00Z'));
      const deps = await createAppDeps({ db: t.ctx.db, config: t.ctx.config, secret: TEST_SECRET, clock: t.ctx.clock });
      const beforeReminder = gateway.requests.length;
      const remind = () =>
        sendDueReminders({
          db: t.ctx.db,
          clock: t.ctx.clock,
          messenger: deps.messenger,
          publicUrl: t.ctx.config.publicUrl,
          remindersAt: t.ctx.config.remindersAt,
        });
      expect(await remind()).toEqual({ sent: 1, failed: 0, unreachable: 0 });
      expect(await remind()).toEqual({ sent: 0, failed: 0, unreachable: 0 });
      const reminders = gateway.requests
        .slice(beforeReminder)
        .map((r) => JSON.parse(r.body) as { to: string; text: string });
      expect(reminders.map((r) => r.to)).toEqual(['+4587654321']);
      const link = /https?:\/\/\S+\/mit-forloeb\S*/.exec(reminders[0]!.text)?.[0];
      expect(reminders[0]!.text).toBe(
        `Hej Jonas. Husk dit møde i morgen, tirsdag 15. december kl. 10.00. Sted: Jobcentret, lokale 3. Kan du ikke komme? Meld afbud på Mit forløb: ${link}`,
      );
      await phone.goto(link!.replace(t.ctx.config.publicUrl, t.base));
      await eventually(() => heading(phone)).toBe('Hej Jonas');
      expect(await phone.getByText('Jobcentret, lokale 3').count()).toBeGreaterThan(0);
      await checkPage(phone, 'paamindelse-link');
      await phone.getByRole('link', { name: 'Påmindelser' }).click();
      await eventually(() => heading(phone)).toBe('Påmindelser');

      // And off again.
      await phone.getByLabel('Nej tak').check();
      await phone.getByRole('button', { name: 'Gem' }).click();
      await eventually(() => phone.getByRole('status').textContent()).toBe('Gemt. Du får ikke påmindelser.');
      await phone.context().close();
    });
  },
);
