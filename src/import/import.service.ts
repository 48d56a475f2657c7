import { randomUUID } from 'node:crypto';
import { refreshJourneysRisk } from '../alerts/alert.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import { inOneTransaction } from '../db/one-transaction.ts';
import type { AppDeps } from '../deps.ts';
import { journeyCommandBody } from '../journeys/journey.schemas.ts';
import { openJourney, recordEvents } from '../journeys/journey.service.ts';
import { withoutRiskRules } from '../rules/rule-set.loader.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { DomainError, errorMessage } from '../shared/errors.ts';
import type { Text } from '../shared/i18n.ts';
import { texts, textsEach } from '../shared/texts.ts';
import { parseCpr } from '../youth/cpr.ts';
import { createYouth } from '../youth/youth.service.ts';
import { decodeText, readCsv } from './import.csv.ts';
import { loadImportLookups, registeredCprHashes } from './import.repository.ts';
import { columnsOf, type ImportProblem, MOST_ROWS, type ParsedRow, parseRow } from './import.schemas.ts';
import type { QuestionnaireAnswers } from '../visitation/questionnaire.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets' | 'journeyEffects' | 'vault'>;

/** Who brings the caseload in: an administrator on the import page, or the command line (no user). */
export interface Importer {
  municipalityId: string;
  userId: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface ImportReport {
  /** The rows of the file that hold anything. */
  rows: number;
  problems: ImportProblem[];
  /** Whether the rows were written: never on a check, never with a problem. */
  imported: boolean;
  /** The youth registered (on a check, those that would have been, and are not). */
  youthIds: string[];
  milliseconds: number;
}

/**
 * The answers recorded for a visitation made before Ungeflow, whose questionnaire Ungeflow never
 * saw: the visitation event requires all ten. They are the least telling answers each question
 * has, so the rules' suggestion rests on the barriers; the decision carries a note that says so
 * (admin.import.visitationNote), which the youth's page shows with the visitation.
 */
const questionnaireNotRecorded: QuestionnaireAnswers = {
  highest_education: 'primary_school',
  wants_education: 'unsure',
  liked_school: 'partly',
  education_importance: 3,
  six_month_outlook: 'unsure',
  education_choice_difficult: 'partly',
  advice_sources: ['other'],
  completion_obstacles: [],
  previous_dropout: { droppedOut: false },
  primary_school_grade_average: 'unknown',
};

/**
 * Imports a unit's current caseload from a CSV file (README, "Importing the current caseload").
 *
 * First every row is checked, for the form of its values and against the municipality (known
 * caseworker, group and company; a CPR number neither twice in the file nor already registered).
 * With any problem nothing is written. Then every row is recorded through the same services as a
 * caseworker's work, in one transaction: the youth registered, the journey opened on the referral
 * date, each earlier step recorded as a journey event with its real date, so the statechart, the
 * rules, the effects and the audit log apply as if it had been typed in. A row a service refuses
 * (an age outside the target group, a full group) is reported with the service's reason, and then
 * nothing of the file is kept either. `dryRun` does all of it and undoes it at the end: the report
 * is exactly what the import would do.
 *
 * Each row's steps are recorded as its responsible caseworker, whose work they were; every audit
 * entry of one import carries the import's id as its request id, and one entry of the importer
 * (caseload.imported, or caseload.import_checked for a check) names the file's rows and youth.
 */
export async function importCaseload(
  deps: Deps,
  importer: Importer,
  file: { bytes: Uint8Array; name: string | null },
  options: { dryRun: boolean },
): Promise<ImportReport> {
  const started = performance.now();
  const importId = randomUUID();
  const requestId = importer.requestId ?? `import-${importId}`;
  const checked = await checkFile(deps, importer.municipalityId, file.bytes);
  const report = (problems: ImportProblem[], imported: boolean, youthIds: string[]): ImportReport => ({
    rows: checked.rows,
    problems,
    imported,
    youthIds,
    milliseconds: Math.round(performance.now() - started),
  });
  if (checked.problems.length > 0) {
    await auditImport(deps.db, importer, requestId, file.name, {
      rows: checked.rows,
      problems: checked.problems.length,
    });
    return report(checked.problems, false, []);
  }

  const result = await inOneTransaction(
    deps.db,
    async ({ db, attempt }) => {
      const now = deps.clock();
      // Risk rules held back while the history is recorded, then run once on each journey as it now stands.
      const replayDeps: Deps = { ...deps, db, ruleSets: withoutRiskRules(deps.ruleSets) };
      const problems: ImportProblem[] = [];
      const youthIds: string[] = [];
      const journeyIds: string[] = [];
      for (const row of checked.valid) {
        const actor = caseworkerActor(importer, row.caseworker, requestId, importId);
        try {
          const recorded = await attempt(() => recordRow(replayDeps, actor, row));
          youthIds.push(recorded.youthId);
          journeyIds.push(recorded.journeyId);
        } catch (error) {
          problems.push({ row: row.row, column: null, message: refusalOf(error) });
        }
      }
      if (problems.length === 0) {
        await refreshJourneysRisk(db, deps, importer.municipalityId, journeyIds, now);
        if (!options.dryRun) {
          await auditImport(
            db,
            importer,
            requestId,
            file.name,
            { rows: checked.rows, imported: youthIds.length },
            youthIds,
          );
        }
      }
      return { problems, youthIds };
    },
    (outcome) => !options.dryRun && outcome.problems.length === 0,
  );
  const imported = !options.dryRun && result.problems.length === 0;
  // A check is logged outside the undone transaction: it read the register (which CPR numbers are known).
  if (!imported) {
    await auditImport(deps.db, importer, requestId, file.name, {
      rows: checked.rows,
      problems: result.problems.length,
    });
  }
  return report(result.problems, imported, imported ? result.youthIds : []);
}

/** The file read and every row checked: the rows that passed, and the problems of the others. */
async function checkFile(
  deps: Deps,
  municipalityId: string,
  bytes: Uint8Array,
): Promise<{ rows: number; problems: ImportProblem[]; valid: ParsedRow[] }> {
  const lookups = await loadImportLookups(deps.db, municipalityId);
  const none = { rows: 0, valid: [] };
  const reading = readCsv(decodeText(bytes));
  if (!reading.ok) {
    return { ...none, problems: [fileProblem(texts('admin.import.problems.notReadable', { line: reading.line }))] };
  }
  const rows = reading.records.length;
  if (rows === 0) return { ...none, problems: [fileProblem(texts('admin.import.problems.empty'))] };
  if (rows > MOST_ROWS) {
    return { ...none, rows, problems: [fileProblem(texts('admin.import.problems.tooManyRows', { max: MOST_ROWS }))] };
  }
  const columns = columnsOf(reading.headings);
  if (!columns.ok) return { ...none, rows, problems: columns.problems };

  const today = danishDate(deps.clock());
  const problems: ImportProblem[] = [];
  const parsed: ParsedRow[] = [];
  for (const record of reading.records) {
    const result = parseRow(record, columns.columns, today, lookups);
    if (result.ok) parsed.push(result.row);
    else problems.push(...result.problems);
  }

  // What the database knows, for the rows whose values have the right form.
  const hashOf = (row: ParsedRow) => {
    const cpr = parseCpr(row.youth.cpr, deps.clock());
    if (!cpr.ok) throw new Error('a checked row has an invalid CPR number');
    return deps.vault.searchHash(municipalityId, cpr.cpr.digits);
  };
  const hashes = parsed.map(hashOf);
  const registered = await registeredCprHashes(deps.db, municipalityId, hashes);
  const firstRowOf = new Map<string, number>();
  const valid: ParsedRow[] = [];
  parsed.forEach((row, index) => {
    const hash = hashes[index] ?? '';
    const rowProblems: ImportProblem[] = [];
    const report = (column: ImportProblem['column'], message: Text) =>
      rowProblems.push({ row: row.row, column, message });
    const earlier = firstRowOf.get(hash);
    if (earlier !== undefined) report('cpr', texts('admin.import.problems.duplicateInFile', { other: earlier }));
    else firstRowOf.set(hash, row.row);
    if (registered.has(hash)) report('cpr', texts('admin.import.problems.alreadyRegistered'));
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else valid.push(row);
  });
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { rows, problems, valid };
}

const fileProblem = (message: Text): ImportProblem => ({ row: null, column: null, message });

/** The row's caseworker as the actor of its steps: their work, brought in by this import. */
function caseworkerActor(
  importer: Importer,
  caseworker: { id: string; name: string; email: string },
  requestId: string,
  importId: string,
): Actor {
  return {
    userId: caseworker.id,
    municipalityId: importer.municipalityId,
    role: 'caseworker',
    name: caseworker.name,
    email: caseworker.email,
    passwordMustChange: false,
    via: { kind: 'session', sessionId: `import-${importId}` },
    ip: importer.ip,
    requestId,
  };
}

/** A day of the file as the moment a step is recorded at: the start of that day in Denmark. */
const momentOf = (day: string) => startOfDanishDay(day).toISOString();

/**
 * One row through the services: the youth, the journey on the referral date, and the steps taken
 * since, each with its day. The first conversation is held on its own day, or on the visitation's.
 */
async function recordRow(deps: Deps, actor: Actor, row: ParsedRow): Promise<{ youthId: string; journeyId: string }> {
  const youth = await createYouth(deps, actor, row.youth);
  const journey = await openJourney(deps, actor, youth.id, {
    source: row.referral.source,
    firstContactAt: row.referral.date,
    reason: row.referral.reason ?? texts('admin.import.defaultReason').da,
    caseworkerId: actor.userId,
  });
  const steps: Array<Record<string, unknown>> = [];
  const firstConversation = row.firstConversationDate ?? row.visitation?.date;
  if (firstConversation) {
    steps.push({ type: 'FIRST_CONVERSATION_HELD', occurredAt: momentOf(firstConversation), mode: 'in_person' });
  }
  if (row.visitation) {
    const { date, category, barriers, profile } = row.visitation;
    steps.push({
      type: 'VISITATION_DECIDED',
      occurredAt: momentOf(date),
      category,
      barriers,
      // An activity-ready youth's barriers are considerable ("betydelige"), an education-ready
      // youth's some ("visse"): STAR: Den gode ungeindsats i jobcentrene (2017), s. 16 and 21.
      considerableBarriers: category === 'activity_ready' ? barriers : [],
      profile,
      questionnaire: questionnaireNotRecorded,
      overrideReason: texts('admin.import.visitationNote').da,
    });
  }
  if (row.group && row.visitation) {
    steps.push({
      type: 'GROUP_ASSIGNED',
      occurredAt: momentOf(row.group.date ?? row.visitation.date),
      groupId: row.group.id,
      // The youth is in the group already: the unit took them in before Ungeflow.
      canTakePart15HoursAWeek: true,
    });
  }
  if (row.placement && row.group) {
    steps.push({
      type: 'PLACEMENT_STARTED',
      occurredAt: momentOf(row.placement.start),
      companyId: row.placement.companyId,
      kind: row.placement.kind,
      hoursPerWeek: row.placement.hoursPerWeek,
    });
  }
  if (steps.length > 0) {
    // Each step passes the same schema as a request body, defaults included; they are recorded
    // together, in order, as one change of the journey (recordEvents checks each against the
    // statechart as it stands after the one before).
    const commands = steps.map((step) => {
      const { expectedVersion: _v, ...command } = journeyCommandBody.parse({
        ...step,
        expectedVersion: journey.version,
      });
      return command;
    });
    await recordEvents(deps, actor, journey.id, journey.version, commands);
  }
  return { youthId: youth.id, journeyId: journey.id };
}

/** What a service said when it refused a row, in the words it gives a caseworker. */
function refusalOf(error: unknown): Text {
  if (!(error instanceof DomainError)) throw error;
  const reasons: Text[] =
    error.fieldErrors.length > 0
      ? error.fieldErrors.map((f) => f.message)
      : [{ da: errorMessage(error.code, 'da'), en: errorMessage(error.code, 'en') }];
  return textsEach('admin.import.problems.refused', (lang) => ({ reason: reasons.map((r) => r[lang]).join(' ') }));
}

/**
 * The importer's entry: caseload.imported with the youth registered, or caseload.import_checked when
 * nothing was written (a check, or a file with problems), with how many problems it had.
 */
async function auditImport(
  db: Db,
  importer: Importer,
  requestId: string,
  fileName: string | null,
  counts: { rows: number; imported: number } | { rows: number; problems: number },
  youthIds: string[] = [],
): Promise<void> {
  await appendAudit(db, {
    municipalityId: importer.municipalityId,
    userId: importer.userId,
    action: 'imported' in counts ? 'caseload.imported' : 'caseload.import_checked',
    details: { file: fileName, ...counts, ...(youthIds.length > 0 ? { youthIds } : {}) },
    ip: importer.ip,
    requestId,
  });
}
