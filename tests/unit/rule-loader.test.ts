import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decideEligibility } from '../../src/rules/eligibility.ts';
import {
  defaultRulesDir,
  loadRuleSet,
  loadRuleSets,
  ruleSetApplyingOn,
  RuleSetError,
  selectRuleSet,
} from '../../src/rules/rule-set.loader.ts';

const realEligibility = JSON.parse(
  await readFile(join(defaultRulesDir, 'eligibility.json'), 'utf8'),
) as EligibilityFile;

interface EligibilityFile {
  validFrom: string;
  validTo: string | null;
  parameters: Record<string, unknown>;
  rules: Array<{
    conditions: { all: Array<Record<string, unknown>> };
    event: { type: string; params: Record<string, unknown> & { message: { da: string; en: string } } };
  }>;
  [key: string]: unknown;
}

const tempRoot = await mkdtemp(join(tmpdir(), 'ungeflow-rules-'));
afterAll(() => rm(tempRoot, { recursive: true, force: true }));

let dirCount = 0;
/** A fresh folder with the given files, each an object written as JSON (or a string as is). */
async function ruleDir(files: Record<string, unknown>): Promise<string> {
  const dir = join(tempRoot, `set-${++dirCount}`);
  await mkdir(dir);
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** A copy of the real eligibility file with one change. */
function eligibilityWith(change: (file: EligibilityFile) => void): EligibilityFile {
  const copy = structuredClone(realEligibility);
  change(copy);
  return copy;
}

async function loadError(content: unknown): Promise<RuleSetError> {
  const dir = await ruleDir({ 'broken.json': content });
  const error = await loadRuleSet(join(dir, 'broken.json')).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RuleSetError)) throw new Error(`expected a RuleSetError, got ${String(error)}`);
  return error;
}

describe('the rule files in rules/', () => {
  it('load, validate and carry a 12-character content version', async () => {
    const ruleSets = await loadRuleSets();
    expect(ruleSets.map((r) => r.name).sort()).toEqual(expect.arrayContaining(['eligibility', 'visitation']));
    for (const ruleSet of ruleSets) expect(ruleSet.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('cite every eligibility and visitation rule as a reader finds it, never by a project file', async () => {
    for (const ruleSet of await loadRuleSets()) {
      if (ruleSet.name !== 'eligibility' && ruleSet.name !== 'visitation') continue;
      for (const rule of ruleSet.rules) {
        const citations = rule.event.params.citations ?? [];
        expect(citations.length, rule.event.params.code).toBeGreaterThan(0);
        for (const citation of citations) {
          expect(citation).toMatch(/^(STAR: |Rockwool Fonden: |Bekendtgørelse om |Lov nr\. |Aftale om |LAB § )/);
        }
      }
    }
  });

  it('give every rule a source and a message in both languages', async () => {
    for (const ruleSet of await loadRuleSets()) {
      for (const rule of ruleSet.rules) {
        expect(rule.event.params.source.length).toBeGreaterThan(0);
        expect(rule.event.params.message.da).not.toBe(rule.event.params.message.en);
      }
    }
  });
});

describe('a malformed rule file stops loading with the file and the problem named', () => {
  it.each<[string, unknown, string]>([
    [
      'an unknown operator',
      eligibilityWith((f) => {
        f.rules[1]!.conditions.all[0]!.operator = 'greaterThen';
      }),
      'rules.1.conditions.all.0.operator: unknown operator',
    ],
    [
      'a fact that is neither declared nor a parameter',
      eligibilityWith((f) => {
        f.rules[0]!.conditions.all[0]!.fact = 'alder';
      }),
      'rules.0.conditions.all.0.fact: unknown fact "alder"',
    ],
    [
      'a parameter reference to a missing parameter',
      eligibilityWith((f) => {
        f.rules[0]!.conditions.all[0]!.value = { fact: 'minimumAge' };
      }),
      'rules.0.conditions.all.0.value.fact: unknown fact "minimumAge"',
    ],
    [
      'a condition without a value',
      eligibilityWith((f) => {
        delete f.rules[2]!.conditions.all[0]!.value;
      }),
      'rules.2.conditions.all.0.value: a condition needs "value"',
    ],
    [
      'a message without English',
      eligibilityWith((f) => {
        f.rules[3]!.event.params.message = { da: 'Kun dansk.' } as { da: string; en: string };
      }),
      'rules.3.event.params.message.en',
    ],
    [
      'an eligibility rule without citations, which the youth reads beside the decision',
      eligibilityWith((f) => {
        delete f.rules[2]!.event.params.citations;
      }),
      'rules.2.event.params.citations: a decision a youth reads must cite what it rests on',
    ],
    [
      'a citation that names a file of the project rather than a publication',
      eligibilityWith((f) => {
        f.rules[4]!.event.params.citations = ['Seed 004 pp. 6, 12-14'];
      }),
      'rules.4.event.params.citations.0: must cite a publication or a law as a reader finds it',
    ],
    [
      'a placeholder that names nothing',
      eligibilityWith((f) => {
        f.rules[0]!.event.params.message.da = 'Alderen {alder} er for lav.';
      }),
      'rules.0.event.params.message.da: placeholder {alder}',
    ],
    [
      'an event type that differs from its code',
      eligibilityWith((f) => {
        f.rules[0]!.event.type = 'too_young';
      }),
      'rules.0.event.params.code: must equal event.type',
    ],
    [
      'two rules with the same code',
      eligibilityWith((f) => {
        f.rules[1]!.event = structuredClone(f.rules[0]!.event);
      }),
      'rules.1.event.params.code: "age_below_minimum" is already used by rules.0',
    ],
    [
      'an eligibility rule that does not say whether it makes the youth eligible',
      eligibilityWith((f) => {
        delete f.rules[4]!.event.params.eligible;
      }),
      'rules.4.event.params.eligible',
    ],
    [
      'a fact comparison at the top of the conditions',
      eligibilityWith((f) => {
        (f.rules[0] as unknown as { conditions: unknown }).conditions = {
          fact: 'age',
          operator: 'lessThan',
          value: 18,
        };
      }),
      'rules.0.conditions: the top of "conditions" must be "all", "any" or "not"',
    ],
    [
      'a validity period that ends before it starts',
      eligibilityWith((f) => {
        f.validTo = '2025-01-01';
      }),
      'validTo: must not be before validFrom',
    ],
    [
      'a date in the wrong format',
      eligibilityWith((f) => {
        f.validFrom = '1/7/2025';
      }),
      'validFrom: must be a date YYYY-MM-DD',
    ],
    [
      'a misspelt field',
      eligibilityWith((f) => {
        f.paramters = f.parameters;
      }),
      '(file): unknown field(s) paramters',
    ],
    ['text that is not JSON', '{ "ruleSet": "eligibility", ', 'is not valid JSON'],
  ])('%s', async (_name, content, problem) => {
    const error = await loadError(content);
    expect(error.message).toContain('broken.json');
    expect(error.message).toContain(problem);
  });

  it('loading a folder fails on the broken file among good ones', async () => {
    const dir = await ruleDir({
      'eligibility.json': realEligibility,
      'zz-broken.json': eligibilityWith((f) => {
        f.ruleSet = 'Eligibility Rules';
      }),
    });
    await expect(loadRuleSets(dir)).rejects.toThrow(/zz-broken\.json[\s\S]*ruleSet: must be a snake_case code/);
  });
});

describe('rule sets by validity period', () => {
  // The shipped file is open-ended until the next act's rules exist; here it ends when they begin.
  const current = eligibilityWith((f) => {
    f.validTo = '2026-12-31';
  });
  const next = eligibilityWith((f) => {
    f.validFrom = '2027-01-01';
    f.validTo = null;
    f.source = 'New LAB main act from 1 January 2027';
    f.parameters.maxAge = 30;
  });

  it.each<[string | Date, string]>([
    ['2025-07-01', 'eligibility.json'],
    ['2026-12-31', 'eligibility.json'],
    ['2027-01-01', 'eligibility-2027.json'],
    ['2031-05-05', 'eligibility-2027.json'],
    // 23:30 UTC on 31 December is already 1 January in Denmark.
    [new Date('2026-12-31T23:30:00Z'), 'eligibility-2027.json'],
  ])('on %s the rules of %s apply', async (on, fileName) => {
    const ruleSets = await loadRuleSets(await ruleDir({ 'eligibility.json': current, 'eligibility-2027.json': next }));
    expect(selectRuleSet(ruleSets, 'eligibility', on).file.endsWith(`/${fileName}`)).toBe(true);
  });

  it('a decision uses the limits of the rule set valid on the day', async () => {
    const ruleSets = await loadRuleSets(await ruleDir({ 'eligibility.json': current, 'eligibility-2027.json': next }));
    const facts = {
      age: 30,
      category: 'activity_ready',
      barriers: [],
      returning: false,
      inEducationOrJob: false,
      onBenefit: true,
    } as const;
    const before = await decideEligibility(selectRuleSet(ruleSets, 'eligibility', '2026-06-01'), {
      ...facts,
      barriers: [],
    });
    const after = await decideEligibility(selectRuleSet(ruleSets, 'eligibility', '2027-06-01'), {
      ...facts,
      barriers: [],
    });
    expect([before.eligible, after.eligible]).toEqual([false, true]);
    expect(before.ruleSetVersion).not.toBe(after.ruleSetVersion);
  });

  it('judges what was recorded about a day before the first file by the first file, never a decision', async () => {
    const ruleSets = await loadRuleSets(await ruleDir({ 'eligibility.json': current, 'eligibility-2027.json': next }));
    expect(ruleSetApplyingOn(ruleSets, 'eligibility', '2025-01-10').file.endsWith('/eligibility.json')).toBe(true);
    expect(ruleSetApplyingOn(ruleSets, 'eligibility', '2027-02-01').file.endsWith('/eligibility-2027.json')).toBe(true);
  });

  it('no rule set for the day is an error that names the loaded periods', async () => {
    const ruleSets = await loadRuleSets(await ruleDir({ 'eligibility.json': current }));
    expect(() => selectRuleSet(ruleSets, 'eligibility', '2025-06-30')).toThrow(
      /No "eligibility" rule set applies on 2025-06-30; loaded periods: 2025-07-01\.\.2026-12-31/,
    );
    expect(() => selectRuleSet(ruleSets, 'risk', '2026-01-01')).toThrow(
      /No "risk" rule set applies on 2026-01-01; none loaded/,
    );
  });

  it('overlapping periods for one rule set are refused, naming both files', async () => {
    const overlapping = eligibilityWith((f) => {
      f.validFrom = '2026-06-01';
      f.validTo = null;
    });
    const dir = await ruleDir({ 'eligibility.json': current, 'eligibility-2026b.json': overlapping });
    const error = await loadRuleSets(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RuleSetError);
    const message = (error as RuleSetError).message;
    expect(message).toContain('/eligibility-2026b.json');
    expect(message).toContain('/eligibility.json');
    expect(message).toContain('overlaps');
  });
});

describe('the rule set version', () => {
  async function versionOf(content: unknown): Promise<string> {
    const dir = await ruleDir({ 'eligibility.json': content });
    return (await loadRuleSet(join(dir, 'eligibility.json'))).version;
  }

  it('stays the same when only the layout of the file changes', async () => {
    const original = await versionOf(realEligibility);
    const reordered = Object.fromEntries(Object.entries(realEligibility).reverse());
    expect(await versionOf(JSON.stringify(reordered))).toBe(original);
    expect(await versionOf(JSON.stringify(realEligibility, null, 8))).toBe(original);
  });

  it.each<[string, (f: EligibilityFile) => void]>([
    ['a threshold', (f) => (f.parameters.maxAge = 30)],
    ['a message', (f) => (f.rules[0]!.event.params.message.da = 'Ikke i målgruppen: for ung ({age}).')],
    ['a priority', (f) => ((f.rules[0] as unknown as { priority: number }).priority = 99)],
  ])('changes when %s changes', async (_name, change) => {
    expect(await versionOf(eligibilityWith(change))).not.toBe(await versionOf(realEligibility));
  });
});
