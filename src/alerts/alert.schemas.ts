import { z } from 'zod';
import { riskOverridesSchema } from '../risk/risk.overrides.ts';
import { pageQuery } from '../shared/schemas.ts';

export const severities = ['info', 'low', 'medium', 'high'] as const;
export const alertStatuses = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;

const text = z.object({ da: z.string(), en: z.string() });

export const alertSchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    youthId: z.uuid(),
    code: z.string(),
    severity: z.enum(severities),
    status: z.enum(alertStatuses),
    forLeader: z.boolean(),
    assignedTo: z.uuid().nullable(),
    openedAt: z.iso.datetime(),
    escalatedAt: z.iso.datetime().nullable(),
    snoozedUntil: z.iso.date().nullable(),
    resolvedAt: z.iso.datetime().nullable(),
    message: text,
    source: z.string(),
    conditions: z.array(z.record(z.string(), z.unknown())),
    facts: z.record(z.string(), z.unknown()),
    ruleSetVersion: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Alert' });

export const alertListItemSchema = alertSchema.extend({ youthName: z.string(), caseworkerId: z.uuid() });

export const alertListQuery = z.object({
  status: z.enum([...alertStatuses, 'unresolved']).default('unresolved'),
  severity: z.enum(severities).optional(),
  code: z.string().max(100).optional(),
  caseworkerId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  forLeader: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  assignedTo: z.uuid().optional().describe('The user the alert is assigned to'),
  ...pageQuery,
});

export const alertListResponse = z.object({
  items: z.array(alertListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  countsBySeverity: z.object({ info: z.number(), low: z.number(), medium: z.number(), high: z.number() }),
  countsByStatus: z
    .object({ open: z.number(), acknowledged: z.number(), snoozed: z.number() })
    .describe('The alerts not resolved, per status, for the same filter (the status itself aside)'),
});

export const alertDetailSchema = alertSchema.extend({
  history: z.array(
    z.object({
      at: z.iso.datetime(),
      actorId: z.uuid().nullable(),
      action: z.string(),
      note: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});

const version = z.number().int().min(1);
/** What acknowledging and resolving an alert say: the alert's version and a note. */
const alertNoteBody = z
  .strictObject({ version, note: z.string().trim().min(1, 'not_blank').max(2000) })
  .meta({ id: 'AlertNote' });
export const acknowledgeBody = alertNoteBody;
export const snoozeBody = z.strictObject({
  version,
  until: z.iso.date(),
  reason: z.string().trim().min(1, 'not_blank').max(2000),
});
export const reassignBody = z.strictObject({ version, userId: z.uuid() });
export const resolveBody = alertNoteBody;

export const backtestBody = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  /** Thresholds to try (e.g. { "passiveDays": 21 }), on top of the municipality's own. */
  set: riskOverridesSchema.default({}),
});

export const backtestResponse = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  days: z.number().int(),
  journeys: z.number().int(),
  parameters: z.record(z.string(), z.unknown()),
  ruleSetVersion: z.string(),
  rules: z.array(z.object({ code: z.string(), opened: z.number().int(), youth: z.number().int() })),
  millis: z.number(),
});
