import { describe, expect, it } from 'vitest';
import type { JourneyEventRecord, RuleDecisionRecord } from '../../src/journeys/journey.repository.ts';
import { ageVerdict, possibleTargetAges } from '../../src/rules/eligibility.ts';
import { loadRuleSets } from '../../src/rules/rule-set.loader.ts';
import { translator } from '../../src/shared/texts.ts';
import { decisionsOf, visitationRecordOf } from '../../src/web/web.youth-view.ts';
import { questionnaireAnswers } from '../support/journeys.ts';

// What a youth's page says about the rules' decisions and the recorded visitation. A youth may read
// the page (aktindsigt): citations a reader can look up and the law by its name, never the notes of
// the project ("Seed 000") or the rule file's content hash.
const ruleSets = await loadRuleSets();
const da = translator('da');
const en = translator('en');

const visitationEvent = (
  payload: Record<string, unknown>,
  occurredAt = '2026-11-04T09:00:00Z',
): JourneyEventRecord => ({
  seq: 3,
  type: 'VISITATION_DECIDED',
  payload,
  occurredAt: new Date(occurredAt),
  recordedAt: new Date('2026-11-05T10:00:00Z'),
  actorId: '00000000-0000-4000-8000-000000000001',
});

/** A decision as stored before rules cited their sources: a working note and a version no longer loaded. */
const legacyEligibility: RuleDecisionRecord = {
  eventSeq: 3,
  ruleSet: 'eligibility',
  ruleSetVersion: '2ee783c77442',
  outcome: 'eligible_activity_ready',
  facts: {},
  result: {
    eligible: true,
    code: 'eligible_activity_ready',
    explanation: { da: 'I målgruppen: aktivitetsparat.', en: 'In the target group: activity-ready.' },
    source: 'Seed 000 (target group: aktivitetsparate); seed 004 pp. 20-25',
    conditions: [],
  },
  decidedAt: new Date('2026-11-05T10:00:00Z'),
};

const legacyVisitation: RuleDecisionRecord = {
  eventSeq: 3,
  ruleSet: 'visitation',
  ruleSetVersion: '0123456789ab',
  outcome: 'activity_ready',
  facts: {},
  result: {
    category: 'activity_ready',
    reasons: [
      {
        code: 'considerable_barriers',
        category: 'activity_ready',
        da: 'Betydelige barrierer.',
        en: 'Considerable barriers.',
        source: 'Seed 004 p. 21',
      },
    ],
    conditions: [],
  },
  decidedAt: new Date('2026-11-05T10:00:00Z'),
};

describe("the rules' decisions on a youth's page", () => {
  it('cites a decision stored with a working note by the citations of its rule, and names its law', () => {
    const [eligibility, visitation] = decisionsOf(
      [legacyEligibility, legacyVisitation],
      [visitationEvent({})],
      { ruleSets, switchDates: {} },
      da,
      'da',
    );
    expect(eligibility?.citations).toEqual([
      'Rockwool Fonden: Hvad er NExTWORK?',
      'STAR: Den gode ungeindsats i jobcentrene (2017), s. 20-25',
    ]);
    expect(eligibility?.law).toBe(
      'Regler efter Lov om en aktiv beskæftigelsesindsats (LAB) med kontanthjælpsreformen fra 1. juli 2025, ' +
        'gældende fra 1. juli 2025',
    );
    expect(visitation?.reasons[0]?.citations).toEqual(['STAR: Den gode ungeindsats i jobcentrene (2017), s. 21']);
    const shown = JSON.stringify([eligibility, visitation]);
    expect(shown).not.toMatch(/seed/i);
    expect(shown).not.toMatch(/\b[0-9a-f]{12}\b/);
  });

  it('names the law in force in the municipality on the day of the visitation, after its own switch day', () => {
    const day = '2027-02-01T09:00:00Z';
    const asDecided = (switchDates: Record<string, string>) =>
      decisionsOf([legacyEligibility], [visitationEvent({}, day)], { ruleSets, switchDates }, en, 'en')[0]?.law;
    expect(asDecided({})).toMatch(
      /^Rules under New main act on an active employment effort .*, in force from 1 January 2027$/,
    );
    expect(asDecided({ lab_2027: '2027-03-01' })).toMatch(/^Rules under The Active Employment Act \(LAB\)/);
  });

  it('shows what a decision stored of its law and citations, whatever rule files are loaded now', () => {
    const stored: RuleDecisionRecord = {
      ...legacyEligibility,
      result: {
        ...legacyEligibility.result,
        citations: ['LAB § 31, stk. 3'],
        law: { id: 'lab_2019', title: { da: 'Loven', en: 'The act' }, inForceFrom: '2025-07-01' },
      },
    };
    const [view] = decisionsOf([stored], [visitationEvent({})], { ruleSets: [], switchDates: {} }, da, 'da');
    expect(view).toMatchObject({
      citations: ['LAB § 31, stk. 3'],
      law: 'Regler efter Loven, gældende fra 1. juli 2025',
    });
  });
});

describe('the visitation as recorded', () => {
  it('gives every answer of the questionnaire and the assessment in words, none as its code', () => {
    const record = visitationRecordOf(
      [
        visitationEvent({
          category: 'activity_ready',
          suggestedCategory: 'education_ready',
          overrideReason: 'Massive psykiske problemer',
          profile: 'C',
          barriers: ['mental_health', 'debt'],
          considerableBarriers: ['mental_health'],
          questionnaire: questionnaireAnswers({
            previous_dropout: { droppedOut: true, mainReason: 'no_apprenticeship' },
            primary_school_grade_average: 7.3,
            completion_obstacles: [],
          }),
          inEducationOrJob: false,
          onBenefit: true,
        }),
      ],
      da,
      'da',
    );
    expect(record?.answers.map((a) => a.answer)).toEqual([
      'Grundskole (9. eller 10. klasse)',
      'Ja',
      'Ja',
      '5 (Meget vigtigt)',
      'I gang med en uddannelse',
      'Nej',
      'Forældre, Venner',
      'Intet valgt',
      'Ja. Vigtigste grund: Jeg kunne ikke få en praktikplads',
      '7,3',
    ]);
    expect(record).toMatchObject({
      profile: 'C: I risiko for langvarig offentlig forsørgelse',
      barriers: ['Psykiske problemer (betydelig)', 'Gæld'],
      category: 'Aktivitetsparat',
      suggested: 'Uddannelsesparat',
      overrideReason: 'Massive psykiske problemer',
    });
    // Recorded before the question was asked: said so, not left blank.
    expect(record?.situation.map((s) => s.answer)).toEqual(['Nej', 'Ja', 'Ikke besvaret']);
  });

  it('is there only once the visitation is decided', () => {
    expect(visitationRecordOf([], da, 'da')).toBeNull();
  });
});

describe("the youth's age at referral", () => {
  const ages = { min: 18, max: 29 };
  it.each<[number, string]>([
    [14, 'impossible'],
    [15, 'outside'],
    [17, 'outside'],
    [18, 'within'],
    [29, 'within'],
    [32, 'outside'],
    [35, 'outside'],
    [36, 'impossible'],
  ])('at %i is %s the target group of 18 to 29', (age, kind) => {
    expect(ageVerdict(age, ages).kind).toBe(kind);
  });

  it('takes the widest ages any municipality may set as the limits of the possible', () => {
    expect(possibleTargetAges).toEqual({ min: 15, max: 35 });
  });
});
