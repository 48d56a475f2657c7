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
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(5),
    DATABASE_WAIT_SECONDS: z.coerce.number().min(0).max(3600).default(60),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().max(600).default(10),
    UNGEFLOW_DATA_DIR: z.string().min(1).default('./data'),
    UNGEFLOW_SECRET: z.string().min(32, 'UNGEFLOW_SECRET must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
    if (env.DATABASE_URL && !env.UNGEFLOW_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['UNGEFLOW_SECRET'],
        message:
          'UNGEFLOW_SECRET is required when DATABASE_URL is set (the key is only generated for the embedded database)',
      });
    }
  });

export type DatabaseConfig =
  | { engine: 'postgres'; url: string; poolSize?: number; connectTimeoutSeconds?: number }
  | { engine: 'pglite'; dataDir: string | undefined };

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** How long start-up waits for an unreachable database before it gives up. */
  databaseWaitSeconds: number;
  /** How long a stop waits for requests in flight before it ends them. */
  shutdownGraceSeconds: number;
  /** Folder for the embedded database and its generated key. */
  dataDir: string;
  /** Secret from which the CPR encryption and search keys are derived; undefined means "generate into dataDir". */
  secret: string | undefined;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
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
      ? {
          engine: 'postgres',
          url: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE,
          connectTimeoutSeconds: e.DATABASE_CONNECT_TIMEOUT_SECONDS,
        }
      : { engine: 'pglite', dataDir: `${e.UNGEFLOW_DATA_DIR}/pgdata` },
    databaseWaitSeconds: e.DATABASE_WAIT_SECONDS,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    dataDir: e.UNGEFLOW_DATA_DIR,
    secret: e.UNGEFLOW_SECRET,
    logLevel: e.LOG_LEVEL,
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
