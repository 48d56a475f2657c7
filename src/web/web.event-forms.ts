import type { JourneyEventType } from '../../machines/events.ts';
import type { Role } from '../db/schema.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { hasText, type Translate } from '../shared/texts.ts';
import { type Form, text, typedNumber } from './web.shared.ts';

/**
 * The forms for the steps a journey's state accepts, built from each event's payload schema (the
 * JSON schema GET /api/journeys/:id publishes), so a new field in machines/events.ts appears on the
 * youth's page without a template change. A field's label and hint come from the page texts
 * (`eventFields.<EVENT>.<field>`); the options of a coded field from the labels of its codes; the
 * choices of an id field (a group, a company) from the municipality's data.
 */

interface JsonProperty {
  type?: string;
  format?: string;
  enum?: ReadonlyArray<string | number>;
  maxLength?: number;
  default?: unknown;
}

interface JsonObjectSchema {
  properties?: Record<string, JsonProperty>;
  required?: readonly string[];
}

export interface Option {
  value: string;
  label: string;
}

interface FieldBase {
  /** The form field's name: "<EVENT>-<field>", so every label on the page has an id of its own. */
  name: string;
  field: string;
  label: string;
  hint: string | null;
  optional: boolean;
}

export type EventFormField =
  | (FieldBase & { control: 'select'; options: Option[]; value: string })
  | (FieldBase & { control: 'checkbox'; checked: boolean })
  | (FieldBase & { control: 'date' | 'text' | 'textarea'; value: string })
  /** A number typed as text, so a Danish decimal comma ("18,5") is taken as typed; the server checks the bounds. */
  | (FieldBase & { control: 'number'; value: string; step: string })
  /** A value the page already knows (the running placement), shown as text and sent along. */
  | (FieldBase & { control: 'fixed'; value: string; shown: string });

export interface EventForm {
  type: JourneyEventType;
  fields: EventFormField[];
}

/** Choices for the id fields, read by the page from the municipality's data. */
export interface EventChoices {
  groupId?: Option[];
  companyId?: Option[];
  /** The running placement, which PLACEMENT_ENDED ends. */
  placementId?: { value: string; shown: string };
}

/**
 * Fields a form leaves out on purpose, with the reason. The contact person is chosen on the
 * placement's card once the company is known: one select of every company's contacts would
 * offer contacts of other companies.
 */
const setElsewhere: ReadonlySet<string> = new Set(['PLACEMENT_STARTED.contactId']);

/**
 * Fields asked only when a youth is taken in from intake (NExTWORK's entry condition, machines/events.ts):
 * a move to another group leaves them out, and at intake the question must be answered.
 */
const intakeOnly: ReadonlySet<string> = new Set([
  'GROUP_ASSIGNED.canTakePart15HoursAWeek',
  'GROUP_ASSIGNED.entryOverrideReason',
]);
const answeredAtIntake: ReadonlySet<string> = new Set(['GROUP_ASSIGNED.canTakePart15HoursAWeek']);

/** A yes/no field with no default is a question: asked as a choice, so leaving it is not "no". */
const isQuestion = (property: JsonProperty) => property.type === 'boolean' && property.default === undefined;

/** Fields only some roles may use: a leader may place a youth in a full group (up to 12). */
const onlyFor: Readonly<Record<string, readonly Role[]>> = { 'GROUP_ASSIGNED.overrideCapacity': ['leader'] };

/** Labels of the codes an enum field takes, by field name. */
export type CodeLabels = Readonly<Record<string, Readonly<Record<string, Text>>>>;

/** Text inputs longer than this are text areas. */
const LONG_TEXT = 200;

export function eventForm(
  type: JourneyEventType,
  schema: Record<string, unknown>,
  context: {
    lang: Lang;
    t: Translate;
    role: Role;
    /** The journey is in intake: the entry condition is asked (a move to another group is not intake). */
    intake: boolean;
    codeLabels: CodeLabels;
    choices: EventChoices;
    /** What the user typed when the page shows this form again; null for a fresh form. */
    kept: Record<string, string> | null;
  },
): EventForm {
  const { properties = {}, required = [] } = schema as JsonObjectSchema;
  const fields: EventFormField[] = [];
  for (const [field, property] of Object.entries(properties)) {
    const key = `${type}.${field}`;
    if (setElsewhere.has(key)) continue;
    if (intakeOnly.has(key) && !context.intake) continue;
    const roles = onlyFor[key];
    if (roles && !roles.includes(context.role)) continue;
    const label = `youth.eventFields.${key}`;
    if (!hasText(label)) throw new Error(`No label for ${key} in templates/texts/youth.*.json (eventFields.${key})`);
    const hint = `youth.eventHints.${key}`;
    const base: FieldBase = {
      name: `${type}-${field}`,
      field,
      label: context.t(label),
      hint: hasText(hint) ? context.t(hint) : null,
      optional:
        !required.includes(field) &&
        !(context.intake && answeredAtIntake.has(key)) &&
        (property.type !== 'boolean' || isQuestion(property)),
    };
    const kept = context.kept?.[field];
    const value = kept ?? '';
    if (isQuestion(property)) {
      const options = [
        { value: 'yes', label: context.t('common.yes') },
        { value: 'no', label: context.t('common.no') },
      ];
      fields.push({ ...base, control: 'select', options, value });
    } else if (property.enum) {
      const codes = context.codeLabels[field];
      const options = property.enum.map((code) => {
        const label = codes?.[String(code)];
        if (!label) throw new Error(`No label for the code ${String(code)} of ${key}`);
        return { value: String(code), label: label[context.lang] };
      });
      fields.push({ ...base, control: 'select', options, value });
    } else if (property.type === 'boolean') {
      const checked = context.kept ? kept === 'on' : property.default === true;
      fields.push({ ...base, control: 'checkbox', checked });
    } else if (property.format === 'uuid') {
      const noChoices = `youth.noChoices.${field}`;
      const emptyHint = hasText(noChoices) ? context.t(noChoices) : null;
      fields.push(idField(base, field, key, context.choices, value, emptyHint));
    } else if (property.format === 'date') {
      fields.push({ ...base, control: 'date', value });
    } else if (property.type === 'number' || property.type === 'integer') {
      fields.push({
        ...base,
        control: 'number',
        value,
        // Half hours happen (hours a week); whole numbers elsewhere.
        step: property.type === 'integer' ? '1' : '0.5',
      });
    } else {
      const long = (property.maxLength ?? Infinity) > LONG_TEXT;
      fields.push({ ...base, control: long ? 'textarea' : 'text', value });
    }
  }
  return { type, fields };
}

/** A group or company to choose, or the running placement; emptyHint says why there is nothing to choose. */
function idField(
  base: FieldBase,
  field: string,
  key: string,
  choices: EventChoices,
  value: string,
  emptyHint: string | null,
): EventFormField {
  switch (field) {
    case 'groupId':
    case 'companyId': {
      const options = choices[field];
      if (!options) throw new Error(`The page gave no choices for ${key}`);
      const hint = options.length === 0 ? (emptyHint ?? base.hint) : base.hint;
      return { ...base, hint, control: 'select', options, value };
    }
    case 'placementId': {
      const running = choices.placementId;
      if (!running) throw new Error(`The page gave no running placement for ${key}`);
      return { ...base, control: 'fixed', value: running.value, shown: running.shown };
    }
    default:
      throw new Error(`No choices are known for the id field ${key}`);
  }
}

/**
 * What the user typed in one event's form, by field ("reason" for "PAUSED-reason"), to show again
 * when the page comes back with a problem.
 */
export function typedValues(type: string, form: Form): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of Object.keys(form)) {
    if (key.startsWith(`${type}-`)) values[key.slice(type.length + 1)] = text(form, key);
  }
  return values;
}

/**
 * The event's payload from a submitted form, typed as the schema says: a checkbox that was not sent
 * is unticked (false), a yes/no question is true or false as chosen, an empty field is left out (so a
 * missing required field or an unanswered question is reported as such), a number is read as Danish
 * users write it (typedNumber).
 */
export function payloadOf(schema: Record<string, unknown>, values: Record<string, string>): Record<string, unknown> {
  const { properties = {} } = schema as JsonObjectSchema;
  const payload: Record<string, unknown> = {};
  for (const [field, property] of Object.entries(properties)) {
    const raw = values[field];
    if (isQuestion(property)) {
      if (raw === 'yes' || raw === 'no') payload[field] = raw === 'yes';
      continue;
    }
    if (property.type === 'boolean') {
      payload[field] = raw === 'on';
      continue;
    }
    const typed = raw?.trim() ?? '';
    if (typed === '') continue;
    payload[field] = property.type === 'number' || property.type === 'integer' ? typedNumber(typed) : typed;
  }
  return payload;
}
