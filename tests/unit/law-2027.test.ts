import { describe, expect, it } from 'vitest';
import { assessVisitation, type VisitationAnswers } from '../../src/rules/assess-visitation.ts';
import { loadRuleSets, selectRuleSet, takesOverOn } from '../../src/rules/rule-set.loader.ts';
import { DomainError } from '../../src/shared/errors.ts';
import { questionnaireAnswers } from '../support/journeys.ts';

const ruleSets = await loadRuleSets();
const AGREEMENT = 'Aftale om reform af beskæftigelsesindsatsen (9. april 2025)';

const answers: VisitationAnswers = {
  profile: 'B',
  barriers: [],
  considerableBarriers: [],
  questionnaire: questionnaireAnswers(),
  waitingForApprenticeship: false,
  inEducationOrJob: false,
  onBenefit: true,
};
const settings = { eligibility: {}, lawSwitchDates: {} };
const subject = (day: string) => ({ age: 22, returning: false, day });

describe('the switch from the 2025 rules to the 2027 rules on the decision day', () => {
  it.each([
    ['visitation', '2026-12-31', 'lab_2019'],
    ['visitation', '2027-01-01', 'lab_2027'],
    ['eligibility', '2026-12-31', 'lab_2019'],
    ['eligibility', '2027-01-01', 'lab_2027'],
    // The risk rules have no 2027 file: the 2025 ones go on.
    ['risk', '2027-06-01', 'lab_2019'],
  ])('%s on %s follows %s', (name, day, law) => {
    expect(selectRuleSet(ruleSets, name, day).law.id).toBe(law);
  });

  it('a municipality that chose 1 March 2027 keeps the 2025 rules until then', () => {
    const switchDates = { lab_2027: '2027-03-01' };
    expect(selectRuleSet(ruleSets, 'visitation', '2027-02-28', switchDates).law.id).toBe('lab_2019');
    expect(selectRuleSet(ruleSets, 'visitation', '2027-03-01', switchDates).law.id).toBe('lab_2027');
    const next = ruleSets.find((r) => r.name === 'visitation' && r.law.id === 'lab_2027');
    expect(next && takesOverOn(next, switchDates)).toBe('2027-03-01');
  });

  it('a chosen day before the law itself does not bring the rules forward', () => {
    expect(selectRuleSet(ruleSets, 'visitation', '2026-12-01', { lab_2027: '2026-11-01' }).law.id).toBe('lab_2019');
  });

  it('the 2027 rules rest on the agreement, and say so', () => {
    const next = selectRuleSet(ruleSets, 'visitation', '2027-01-01');
    expect(next.law.status).toBe('agreement');
    expect(next.law.sources.join(' ')).toContain('9. april 2025');
    expect(next.categories.map((c) => c.code)).toEqual(['job_ready', 'activity_ready']);
  });
});

describe('visitation and eligibility under each law (reform agreement, 9 April 2025)', () => {
  // [case, answers changed, day, suggested category, eligible, code, source]
  it.each<[string, Partial<VisitationAnswers> & { returning?: boolean }, string, string, boolean, string, string]>([
    [
      'profile B without barriers, 2026: education-ready, not in the target group',
      {},
      '2026-12-31',
      'education_ready',
      false,
      'education_ready_without_barriers',
      'STAR: Den gode ungeindsats i jobcentrene (2017), s. 16; Rockwool Fonden: Hvad er NExTWORK?',
    ],
    [
      'profile B without barriers, 2027: job-ready by default, not in the target group',
      {},
      '2027-01-01',
      'job_ready',
      false,
      'job_ready_without_considerable_barriers',
      `${AGREEMENT}: jobparat som udgangspunkt`,
    ],
    [
      'a considerable social barrier, 2027: activity-ready and in the target group',
      { barriers: ['social'], considerableBarriers: ['social'] },
      '2027-01-01',
      'activity_ready',
      true,
      'eligible_activity_ready',
      'STAR: Spørgsmål og svar om beskæftigelsesreformen; Rockwool Fonden: Hvad er NExTWORK?',
    ],
    [
      'returning, 2027: job-ready and in the target group as returning',
      { returning: true },
      '2027-01-01',
      'job_ready',
      true,
      'eligible_returning',
      'Rockwool Fonden: Hvad er NExTWORK? (gengangere)',
    ],
    [
      'dropped out of youth education, 2027: no presumption of education-ready any more',
      { questionnaire: questionnaireAnswers({ previous_dropout: { droppedOut: true, mainReason: 'wrong_choice' } }) },
      '2027-01-01',
      'job_ready',
      false,
      'job_ready_without_considerable_barriers',
      `${AGREEMENT}: unge under 30 følger de samme regler som andre kontanthjælpsmodtagere`,
    ],
  ])('%s', async (_name, change, day, suggested, eligible, code) => {
    const { returning = false, ...rest } = change;
    const assessment = await assessVisitation(
      ruleSets,
      settings,
      { ...subject(day), returning },
      { ...answers, ...rest },
    );
    expect(assessment.suggestion.category).toBe(suggested);
    expect([assessment.eligibility.eligible, assessment.eligibility.code]).toEqual([eligible, code]);
  });

  it('education-ready cannot be chosen under the 2027 rules: a field error naming the law', async () => {
    const refusal = await assessVisitation(ruleSets, settings, subject('2027-01-02'), {
      ...answers,
      category: 'education_ready',
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    const fieldErrors = (refusal as DomainError).fieldErrors ?? [];
    expect(fieldErrors.map((e) => e.field)).toEqual(['category']);
    expect(fieldErrors[0]?.message.da).toContain('Ny hovedlov om en aktiv beskæftigelsesindsats');
  });

  it('under-18s need not be on benefit (the youth effort from 15): point 9', async () => {
    const under18 = await assessVisitation(
      ruleSets,
      { eligibility: { minAge: 15 }, lawSwitchDates: {} },
      { age: 16, returning: false, day: '2026-06-01' },
      { ...answers, onBenefit: false, barriers: ['social'], considerableBarriers: ['social'] },
    );
    expect([under18.eligibility.eligible, under18.eligibility.code]).toEqual([true, 'eligible_activity_ready']);
    const adult = await assessVisitation(
      ruleSets,
      { eligibility: { minAge: 15 }, lawSwitchDates: {} },
      { age: 18, returning: false, day: '2026-06-01' },
      { ...answers, onBenefit: false, barriers: ['social'], considerableBarriers: ['social'] },
    );
    expect([adult.eligibility.eligible, adult.eligibility.code]).toEqual([false, 'not_on_benefit']);
  });
});
