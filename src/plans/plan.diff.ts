/**
 * What changed between two stored versions of a plan, field by field, in the caseworker's words:
 * `{ field: 'placement.company', label: 'Arbejdsplads', from: 'Netto', to: 'Bilka' }`.
 * Dates, weekdays and times are written out as on the plan; lists (agreements, next steps,
 * stabilisation) say which entries were removed and which were added. Pure: no database.
 */
import type { Category, PlacementKind } from '../../machines/events.ts';
import {
  type ProgressionFactor as RecordedFactor,
  progressionFactorLabels,
  progressionFactors as recordedFactors,
} from '../progression/progression.factors.ts';
import { placementKindLabels } from '../journeys/journey.labels.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { type KeyIn, t, textsEach } from '../shared/texts.ts';
import { categoryLabels } from '../visitation/questionnaire.ts';
import type { PlanTexts } from './plan.template.ts';
import { fill, weekdayName, writtenDate, writtenNumber, writtenTime } from './plan.text.ts';
import type { PlanData, ProgressionFactor } from './plan.types.ts';

export interface PlanChange {
  /** A stable name for the part of the plan, e.g. 'placement.company' or 'progression.network.latest'. */
  field: string;
  /** The same in words, in the language asked for. */
  label: string;
  /** The value as it reads, or null when that version had none (an added or removed entry). */
  from: string | null;
  to: string | null;
}

/** What a stored version is compared on: its data and how it was rendered. */
export interface ComparedVersion {
  lang: Lang;
  templateVersion: string;
  data: PlanData;
}

/** The progression factors as recorded (progression.factors.ts) and as the plan names them (plan.types.ts). */
export const planFactorOf: Record<RecordedFactor, ProgressionFactor> = {
  beliefInOwnAbilities: 'belief_in_own_abilities',
  selfRatedHealth: 'self_rated_health',
  network: 'network',
  meaningAndDirection: 'meaning_and_direction',
  readiness: 'readiness_assessment',
};

/** How a value is written in a change: with the words of the plan template in the language asked for. */
interface Words {
  lang: Lang;
  texts: PlanTexts;
}

type Value = string | number | null | undefined;

/** A part of the plan compared; its name in words is `plan.changes.<field>` unless it has a label. */
type Field = (
  | { field: KeyIn<'plan.changes'>; label?: undefined }
  | { field: `progression.${ProgressionFactor}.${'first' | 'latest'}`; label: Text }
) & {
  value: (plan: PlanData) => Value;
  show?: (value: string | number, words: Words) => string;
};

const asDate = (value: string | number, words: Words) => writtenDate(String(value), words.texts, 'shortDate');

// The logo is not compared here: the plan's data never carries one (plan.service.ts takes it from
// the municipality's template folder), so a new logo shows as a change of the template version.
const fields: readonly Field[] = [
  { field: 'madeOn', value: (p) => p.madeOn, show: asDate },
  { field: 'municipality.name', value: (p) => p.municipality.name },
  { field: 'youth.name', value: (p) => p.youth?.name },
  {
    field: 'youth.birthDate',
    value: (p) => p.youth?.birthDate,
    show: asDate,
  },
  { field: 'goal', value: (p) => p.goal },
  {
    field: 'category',
    value: (p) => p.category,
    show: (value, words) => categoryLabels[value as Category][words.lang],
  },
  { field: 'status', value: (p) => p.status },
  {
    field: 'networkGroup.name',
    value: (p) => p.networkGroup?.name,
  },
  {
    field: 'networkGroup.weekday',
    value: (p) => p.networkGroup?.weekday,
    show: (value, words) => weekdayName(Number(value), words.texts.dates),
  },
  {
    field: 'networkGroup.startTime',
    value: (p) => p.networkGroup?.startTime,
    show: (value, words) => writtenTime(String(value), words.texts),
  },
  {
    field: 'networkGroup.place',
    value: (p) => p.networkGroup?.place,
  },
  {
    field: 'networkGroup.facilitator',
    value: (p) => p.networkGroup?.facilitatorName,
  },
  {
    field: 'placement.kind',
    value: (p) => p.placement?.kind,
    show: (value, words) => placementKindLabels[value as PlacementKind][words.lang],
  },
  {
    field: 'placement.company',
    value: (p) => p.placement?.companyName,
  },
  {
    field: 'placement.address',
    value: (p) => p.placement?.address,
  },
  {
    field: 'placement.hoursPerWeek',
    value: (p) => p.placement?.hoursPerWeek,
    show: (value, words) => writtenNumber(Number(value), words.texts.dates),
  },
  {
    field: 'placement.startDate',
    value: (p) => p.placement?.startDate,
    show: asDate,
  },
  {
    field: 'placement.contact',
    value: (p) => p.placement?.contactPerson?.name,
  },
  {
    field: 'placement.contactPhone',
    value: (p) => p.placement?.contactPerson?.phone,
  },
  {
    field: 'contactPerson.name',
    value: (p) => p.contactPerson?.name,
  },
  {
    field: 'contactPerson.phone',
    value: (p) => p.contactPerson?.phone,
  },
  {
    field: 'contactPerson.email',
    value: (p) => p.contactPerson?.email,
  },
  { field: 'reviewOn', value: (p) => p.reviewOn, show: asDate },
  ...recordedFactors.flatMap((recorded): Field[] => {
    const factor = planFactorOf[recorded];
    const name = progressionFactorLabels[recorded];
    return [
      {
        field: `progression.${factor}.first`,
        label: textsEach('plan.changes.progressionFirst', (lang) => ({ factor: name[lang] })),
        value: (p) => p.progression?.[factor]?.first,
      },
      {
        field: `progression.${factor}.latest`,
        label: textsEach('plan.changes.progressionLatest', (lang) => ({ factor: name[lang] })),
        value: (p) => p.progression?.[factor]?.latest,
      },
    ];
  }),
];

interface ListField {
  field: 'nextSteps' | 'agreements' | 'stabilisation';
  entries: (plan: PlanData, words: Words) => string[];
}

const listFields: readonly ListField[] = [
  {
    field: 'nextSteps',
    entries: (p, words) =>
      (p.nextSteps ?? []).flatMap((step) => {
        const what = present(step.what);
        if (what === undefined) return [];
        const t = words.texts.nextSteps;
        const when = present(step.when);
        const who = present(step.who);
        const details = [
          ...(when === undefined ? [] : [fill(t.when, { date: asDate(when, words) }, words.texts.language)]),
          ...(who === undefined ? [] : [fill(t.who, { who }, words.texts.language)]),
        ];
        return [details.length === 0 ? what : `${what} (${details.join(', ')})`];
      }),
  },
  {
    field: 'agreements',
    entries: (p) => (p.agreements ?? []).flatMap((entry) => present(entry) ?? []),
  },
  {
    field: 'stabilisation',
    entries: (p) => (p.stabilisation ?? []).flatMap((entry) => present(entry) ?? []),
  },
];

/** A value that says something: blank text and null are both "nothing". */
function present(value: Value): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** Every entry of `a` not matched by one in `b`, counting duplicates. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((entry) => {
    const index = left.indexOf(entry);
    if (index === -1) return true;
    left.splice(index, 1);
    return false;
  });
}

/** The changes from one version to another, in the order the plan shows them. */
export function diffPlanVersions(from: ComparedVersion, to: ComparedVersion, words: Words): PlanChange[] {
  const changes: PlanChange[] = [];
  const { lang } = words;
  if (from.lang !== to.lang) {
    changes.push({
      field: 'language',
      label: t(lang, 'plan.changes.language'),
      from: t(lang, `plan.languageNames.${from.lang}`),
      to: t(lang, `plan.languageNames.${to.lang}`),
    });
  }
  if (from.templateVersion !== to.templateVersion) {
    changes.push({
      field: 'template',
      label: t(lang, 'plan.changes.template'),
      from: from.templateVersion,
      to: to.templateVersion,
    });
  }

  for (const field of fields) {
    const before = field.value(from.data);
    const after = field.value(to.data);
    const a = present(before);
    const b = present(after);
    if (a === b) continue;
    const show = (value: Value, text: string | undefined) =>
      text === undefined ? null : field.show ? field.show(value as string | number, words) : text;
    const label = field.label === undefined ? t(lang, `plan.changes.${field.field}`) : field.label[lang];
    changes.push({ field: field.field, label, from: show(before, a), to: show(after, b) });
  }

  for (const list of listFields) {
    const before = list.entries(from.data, words);
    const after = list.entries(to.data, words);
    for (const removed of without(before, after)) {
      changes.push({ field: list.field, label: t(lang, `plan.changes.${list.field}`), from: removed, to: null });
    }
    for (const added of without(after, before)) {
      changes.push({ field: list.field, label: t(lang, `plan.changes.${list.field}`), from: null, to: added });
    }
  }
  return changes;
}
