import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.ts';
import type { InvitationChannel } from '../youth-login/youth-login.tables.ts';
import { insertMessage } from './message.repository.ts';
import type { MessageKind, MessageTransport } from './message.tables.ts';
import { type SmsGateway, smsRequestBody } from './sms-gateway.ts';

/** A message to a youth: a first name, a time, a place, a link; never a CPR number or anything sensitive. */
export interface Message {
  channel: InvitationChannel;
  /** A Danish phone number ('12 34 56 78') for an SMS, an e-mail address for an e-mail. */
  to: string;
  subject: string;
  text: string;
}

/** One way out for one channel: an SMTP server, an SMS gateway, or the outbox alone. */
export interface Transport {
  readonly kind: MessageTransport;
  deliver(message: Message): Promise<void>;
}

export interface MessagingConfig {
  smtpUrl: string | undefined;
  mailFrom: string;
  smsGateway: SmsGateway | undefined;
}

/** What a message is about and who it is for, for the outbox. */
export interface MessageContext {
  municipalityId: string;
  youthId: string | null;
  kind: MessageKind;
  /**
   * A one-time credential in the text (the invitation's link). The outbox keeps it only where the
   * outbox itself is the delivery; a message that went through a gateway is kept without it.
   */
  secret?: string;
}

/**
 * Sends messages to youth and records each in the outbox (outgoing_message), sent or failed. On an
 * instance with no SMTP server or SMS gateway configured, the outbox is the delivery: the message
 * is written to the log and shown on the administrators' message page, so the demo works end to
 * end without a gateway.
 */
export class Messenger {
  readonly #transports: Record<InvitationChannel, Transport>;
  readonly #log: FastifyBaseLogger | undefined;

  constructor(transports: Record<InvitationChannel, Transport>, log?: FastifyBaseLogger) {
    this.#transports = transports;
    this.#log = log;
  }

  /** How a channel's messages leave: 'outbox' when nothing is configured for it. */
  transportOf(channel: InvitationChannel): MessageTransport {
    return this.#transports[channel].kind;
  }

  /** Sends the message; whether it left, and its id in the outbox. A failure is recorded and logged, never thrown. */
  async send(
    db: Db,
    message: Message,
    context: MessageContext,
    now: Date,
  ): Promise<{ sent: boolean; messageId: string }> {
    const transport = this.#transports[message.channel];
    let error: string | null = null;
    try {
      await transport.deliver(message);
    } catch (cause) {
      error = cause instanceof Error ? cause.message.slice(0, 500) : 'unknown error';
      this.#log?.warn(
        { err: { message: error }, channel: message.channel, transport: transport.kind },
        'a message was not sent',
      );
    }
    if (transport.kind === 'outbox') {
      // The demo's way out: the text (a first name, a time, a place, a link) without the address.
      this.#log?.info(
        { message: { channel: message.channel, kind: context.kind, text: message.text } },
        'message to a youth (no gateway configured): in the outbox',
      );
    }
    const keep = (text: string) =>
      transport.kind === 'outbox' || !context.secret ? text : text.replaceAll(context.secret, '…');
    const messageId = await insertMessage(db, {
      municipalityId: context.municipalityId,
      youthId: context.youthId,
      kind: context.kind,
      channel: message.channel,
      recipient: message.to,
      subject: message.channel === 'email' ? message.subject : null,
      body: keep(message.text),
      transport: transport.kind,
      status: error === null ? 'sent' : 'failed',
      error,
      now,
    });
    return { sent: error === null, messageId };
  }
}

const outbox: Transport = { kind: 'outbox', deliver: () => Promise.resolve() };

/** The messenger the configuration describes: SMTP for e-mail and an HTTP gateway for SMS where set. */
export function createMessenger(config: MessagingConfig, log?: FastifyBaseLogger): Messenger {
  return new Messenger({ email: emailTransport(config), sms: smsTransport(config.smsGateway) }, log);
}

function emailTransport(config: MessagingConfig): Transport {
  if (!config.smtpUrl) return outbox;
  const transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    kind: 'smtp',
    async deliver(message) {
      await transporter.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}

function smsTransport(gateway: SmsGateway | undefined): Transport {
  if (!gateway) return outbox;
  return {
    kind: 'http',
    async deliver(message) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(gateway.token ? { authorization: `Bearer ${gateway.token}` } : {}),
        },
        body: JSON.stringify(smsRequestBody(gateway, message)),
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      }).catch((cause: unknown) => {
        // fetch says only "fetch failed"; the outbox and the log say what went wrong.
        const reason = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : String(cause);
        throw new Error(`the SMS gateway could not be reached: ${reason}`);
      });
      // The gateway's answer is read only for its status: it may echo the number and the text.
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the SMS gateway answered ${response.status}`);
    },
  };
}
