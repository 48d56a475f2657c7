import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_SMS_TEMPLATE, parseSmsTemplate, type SmsGateway } from './messages/sms-gateway.ts';

/** Where the MitID broker sends the youth back (the redirect URI registered with the broker). */
export const YOUTH_OIDC_CALLBACK_PATH = '/mit-forloeb/mitid/callback';

/** The names proxy-addr (fastify's trustProxy) knows for whole address ranges. */
const proxyRangeNames = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * An IPv4 or IPv6 address, a CIDR range of either, or one of proxy-addr's range names. A /0 range
 * is refused, as proxy-addr does: it would believe any client's claim to be someone else.
 */
function isProxyAddress(entry: string): boolean {
  if (proxyRangeNames.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Everything Ungeflow reads from its environment, validated once at start.
 * Nothing else in src/ looks at process.env.
 */
const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    DATABASE_URL: z.string().url().optional(),
    // The owner role's URL: migrations run as it, the server as DATABASE_URL's role (README, "Two database roles").
    MIGRATION_DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(5),
    DATABASE_WAIT_SECONDS: z.coerce.number().min(0).max(3600).default(60),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().max(600).default(10),
    UNGEFLOW_DATA_DIR: z.string().min(1).default('./data'),
    UNGEFLOW_SECRET: z.string().min(32, 'UNGEFLOW_SECRET must be at least 32 characters').optional(),
    // The key in a file of its own (a mounted secret, a file outside the data folder), so a
    // backup of the data does not carry the key that opens it.
    UNGEFLOW_SECRET_FILE: z.string().min(1).transform(readSecretFile).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
    METRICS_TOKEN: z.string().min(32, 'METRICS_TOKEN must be at least 32 characters').optional(),
    // 0 lets the system choose a free port (the address is logged at start).
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(8),
    COOKIE_SECURE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    // Unset: the connection's address is the client's, and X-Forwarded-For is ignored.
    TRUST_PROXY: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .refine(
        (entries) => entries.every(isProxyAddress),
        'TRUST_PROXY must be a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.1,192.168.0.0/16',
      ),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Ungeflow <ungeflow@localhost>'),
    // The municipality's SMS gateway (src/messages/sms-gateway.ts); unset: SMS go to the outbox only.
    SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
    SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
    SMS_GATEWAY_TEMPLATE: z
      .string()
      .default(DEFAULT_SMS_TEMPLATE)
      .transform((source, ctx) => {
        try {
          return parseSmsTemplate(source);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: `SMS_GATEWAY_TEMPLATE: ${(error as Error).message}` });
          return z.NEVER;
        }
      }),
    SMS_SENDER: z.string().min(1).max(11).default('Ungeflow'),
    PUBLIC_URL: z.url().optional(),
    // The municipality's OpenID Connect broker for MitID (README, "Connecting the municipality's
    // MitID broker"); unset: the youth log in with the one-time link only.
    YOUTH_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    YOUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
    YOUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    YOUTH_OIDC_CPR_CLAIM: z.string().min(1).default('dk.cpr'),
    YOUTH_OIDC_SCOPES: z
      .string()
      .default('openid mitid ssn')
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .refine((scopes) => scopes.includes('openid'), 'YOUTH_OIDC_SCOPES must include openid'),
    // Hosts a webhook may reach over plain HTTP or on a local address (a receiver in the
    // municipality's own network); by default none.
    WEBHOOK_ALLOWED_HOSTS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((entry) => entry.trim().toLowerCase())
          .filter(Boolean),
      ),
    SWEEP_AT: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'SWEEP_AT must be HH:MM')
      .default('02:00'),
    // When the reminders of the next day's meetings and appointments go out (Mit forløb, Påmindelser).
    REMINDERS_AT: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'REMINDERS_AT must be HH:MM')
      .default('16:00'),
    SWEEP_ENABLED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    // Default: seed the demo on the embedded database only; a real server starts empty.
    DEMO_SEED: z.enum(['true', 'false']).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.METRICS_PORT !== undefined && env.METRICS_PORT !== 0 && env.METRICS_PORT === env.PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_PORT'],
        message: 'METRICS_PORT must differ from PORT (without a port of its own, set METRICS_TOKEN instead)',
      });
    }
    if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message: 'MIGRATION_DATABASE_URL needs DATABASE_URL: the embedded database has one role',
      });
    }
    if (env.UNGEFLOW_SECRET && env.UNGEFLOW_SECRET_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['UNGEFLOW_SECRET_FILE'],
        message: 'set UNGEFLOW_SECRET or UNGEFLOW_SECRET_FILE, not both',
      });
    }
    const oidc = [env.YOUTH_OIDC_ISSUER, env.YOUTH_OIDC_CLIENT_ID, env.YOUTH_OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['YOUTH_OIDC_ISSUER'],
        message: 'set YOUTH_OIDC_ISSUER, YOUTH_OIDC_CLIENT_ID and YOUTH_OIDC_CLIENT_SECRET together, or none of them',
      });
    }
    if (env.YOUTH_OIDC_ISSUER && !isHttpsOrLoopback(env.YOUTH_OIDC_ISSUER)) {
      ctx.addIssue({
        code: 'custom',
        path: ['YOUTH_OIDC_ISSUER'],
        message: 'YOUTH_OIDC_ISSUER must be an https:// address (plain http only on this machine, for tests)',
      });
    }
    if (env.DATABASE_URL && !env.UNGEFLOW_SECRET && !env.UNGEFLOW_SECRET_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['UNGEFLOW_SECRET'],
        message:
          'UNGEFLOW_SECRET or UNGEFLOW_SECRET_FILE is required when DATABASE_URL is set (the key is only generated for the embedded database)',
      });
    }
  });

/** An https address, or plain http to this machine (a test provider); never plain http over a network. */
function isHttpsOrLoopback(address: string): boolean {
  const url = new URL(address);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The secret in the file UNGEFLOW_SECRET_FILE names, trimmed of the newline editors add. */
function readSecretFile(path: string, ctx: z.RefinementCtx): string {
  let secret: string;
  try {
    secret = readFileSync(path, 'utf8').trim();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    ctx.addIssue({ code: 'custom', message: `cannot read the key file ${path} (${reason})` });
    return z.NEVER;
  }
  if (secret.length < 32) {
    ctx.addIssue({ code: 'custom', message: `the key file ${path} must hold at least 32 characters` });
    return z.NEVER;
  }
  return secret;
}

export type DatabaseConfig =
  | { engine: 'postgres'; url: string; poolSize?: number; connectTimeoutSeconds?: number }
  | { engine: 'pglite'; dataDir: string | undefined };

/** The municipality's OpenID Connect broker, through which a youth logs in with MitID. */
export interface YouthOidcConfig {
  /** The broker's issuer identifier; its metadata is discovered from it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim that holds the CPR number (`dk.cpr` unless the broker names it otherwise). */
  cprClaim: string;
  scopes: string[];
  /** Where the broker sends the youth back: registered with the broker as the redirect URI. */
  redirectUrl: string;
}

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /**
   * The owner role's URL on PostgreSQL (MIGRATION_DATABASE_URL): migrations run as it and grant
   * the server's role what it may do. Undefined: migrations run as the server's role.
   */
  migrationUrl: string | undefined;
  /** How long start-up waits for an unreachable database before it gives up. */
  databaseWaitSeconds: number;
  /** How long a stop waits for requests in flight before it ends them. */
  shutdownGraceSeconds: number;
  /** Folder for the embedded database and its generated key. */
  dataDir: string;
  /**
   * Secret from which the CPR encryption and search keys are derived, from UNGEFLOW_SECRET or the
   * file UNGEFLOW_SECRET_FILE names; undefined means "generate into dataDir".
   */
  secret: string | undefined;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  /** Readable lines for a person at a terminal, or JSON for a log collector; `auto` decides by the output. */
  logFormat: z.infer<typeof configSchema>['LOG_FORMAT'];
  /** The bearer token that opens GET /metrics on the app's port; undefined: not served there. */
  metricsToken: string | undefined;
  /** A port of its own that serves /metrics without a token, on HOST; undefined: none. */
  metricsPort: number | undefined;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /**
   * Users reach Ungeflow over HTTPS (PUBLIC_URL is https, or the cookies are Secure): only then do
   * the pages ask browsers to upgrade requests to HTTPS and to remember that (HSTS). Served over
   * plain HTTP on an intranet, those headers would send the stylesheet and the forms to a port
   * that speaks no TLS.
   */
  servedOverHttps: boolean;
  loginRateLimitPerMinute: number;
  /** The reverse proxies whose X-Forwarded-For is believed; empty trusts none. */
  trustProxy: string[];
  demoSeed: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The SMS gateway messages to youth go through; undefined: the outbox only (README, "Mit forløb"). */
  smsGateway: SmsGateway | undefined;
  /** Where users reach Ungeflow; links in e-mails point here. */
  publicUrl: string;
  /** The MitID broker of the youth's log-in; undefined: the one-time link only. */
  youthOidc: YouthOidcConfig | undefined;
  /** Hosts a webhook may reach although over plain HTTP or on a local address (WEBHOOK_ALLOWED_HOSTS). */
  webhookAllowedHosts: string[];
  /** Danish local time of the nightly risk sweep. */
  sweepAt: string;
  /** Danish local time the day before at which youth who asked for them get their reminders. */
  remindersAt: string;
  sweepEnabled: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          engine: 'postgres',
          url: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE,
          connectTimeoutSeconds: e.DATABASE_CONNECT_TIMEOUT_SECONDS,
        }
      : { engine: 'pglite', dataDir: `${e.UNGEFLOW_DATA_DIR}/pgdata` },
    migrationUrl: e.MIGRATION_DATABASE_URL,
    databaseWaitSeconds: e.DATABASE_WAIT_SECONDS,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    dataDir: e.UNGEFLOW_DATA_DIR,
    secret: e.UNGEFLOW_SECRET ?? e.UNGEFLOW_SECRET_FILE,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    servedOverHttps: new URL(publicUrl).protocol === 'https:' || e.COOKIE_SECURE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    demoSeed: e.DEMO_SEED ? e.DEMO_SEED === 'true' : !e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smsGateway: e.SMS_GATEWAY_URL
      ? { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN, template: e.SMS_GATEWAY_TEMPLATE, sender: e.SMS_SENDER }
      : undefined,
    publicUrl,
    youthOidc:
      e.YOUTH_OIDC_ISSUER && e.YOUTH_OIDC_CLIENT_ID && e.YOUTH_OIDC_CLIENT_SECRET
        ? {
            issuer: e.YOUTH_OIDC_ISSUER,
            clientId: e.YOUTH_OIDC_CLIENT_ID,
            clientSecret: e.YOUTH_OIDC_CLIENT_SECRET,
            cprClaim: e.YOUTH_OIDC_CPR_CLAIM,
            scopes: e.YOUTH_OIDC_SCOPES,
            redirectUrl: `${publicUrl}${YOUTH_OIDC_CALLBACK_PATH}`,
          }
        : undefined,
    webhookAllowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
    sweepAt: e.SWEEP_AT,
    remindersAt: e.REMINDERS_AT,
    sweepEnabled: e.SWEEP_ENABLED,
  };
}
