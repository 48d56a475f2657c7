import { z } from 'zod';

/**
 * Everything Ungeflow reads from its environment, validated once at start.
 * Nothing else in src/ looks at process.env.
 */
const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    DATABASE_URL: z.string().url().optional(),
    UNGEFLOW_DATA_DIR: z.string().min(1).default('./data'),
    UNGEFLOW_SECRET: z.string().min(32, 'UNGEFLOW_SECRET must be at least 32 characters').optional(),
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
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Ungeflow <ungeflow@localhost>'),
    PUBLIC_URL: z.url().optional(),
    SWEEP_AT: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'SWEEP_AT must be HH:MM')
      .default('02:00'),
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
    if (env.DATABASE_URL && !env.UNGEFLOW_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['UNGEFLOW_SECRET'],
        message:
          'UNGEFLOW_SECRET is required when DATABASE_URL is set (the key is only generated for the embedded database)',
      });
    }
  });

export type DatabaseConfig = { engine: 'postgres'; url: string } | { engine: 'pglite'; dataDir: string | undefined };

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Folder for the embedded database and its generated key. */
  dataDir: string;
  /** Secret from which the CPR encryption and search keys are derived; undefined means "generate into dataDir". */
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
  loginRateLimitPerMinute: number;
  demoSeed: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where users reach Ungeflow; links in e-mails point here. */
  publicUrl: string;
  /** Danish local time of the nightly risk sweep. */
  sweepAt: string;
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
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL }
      : { engine: 'pglite', dataDir: `${e.UNGEFLOW_DATA_DIR}/pgdata` },
    dataDir: e.UNGEFLOW_DATA_DIR,
    secret: e.UNGEFLOW_SECRET,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    demoSeed: e.DEMO_SEED ? e.DEMO_SEED === 'true' : !e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sweepAt: e.SWEEP_AT,
    sweepEnabled: e.SWEEP_ENABLED,
  };
}
