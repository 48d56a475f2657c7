import type {
  Barrier,
  Category,
  ExitOutcome,
  FollowUpMonth,
  FollowUpStatus,
  PauseReason,
  PlacementKind,
} from '../../machines/events.ts';
import type { ReferralSource } from '../db/schema.ts';
import { addDays, addMonths, daysBetween } from '../shared/days.ts';
import { danishDate } from '../shared/clock.ts';
import type { Profile, QuestionnaireAnswers } from '../visitation/questionnaire.ts';
import type { Calendar } from './calendar.ts';
import { referralReasons } from './catalogue.ts';
import {
  address,
  birthDateForAge,
  cprFor,
  demoEmail,
  mobileNumber,
  type NameDrawer,
  type Person,
  type Sex,
} from './people.ts';
import type { Random } from './random.ts';

/**
 * The stories of the demo unit's youth: one plan per youth of what happened to them and when,
 * counted in days before the seeding day. Together they cover every stage of the journey
 * (docs/domain.md, "The journey") and the situations the risk rules look for (section 4): a first
 * conversation overdue, a youth waiting too long for an offer, youth gone passive, a placement
 * with too few hours, a pause past its expected return, an overdue follow-up. Pure: nothing
 * here touches the database; timeline.ts records the plans through the services.
 */

export interface VisitationPlan {
  at: Date;
  category: Category;
  barriers: Barrier[];
  profile: Profile;
  questionnaire: QuestionnaireAnswers;
  inEducationOrJob: boolean;
  overrideReason?: string;
  /** The barriers weighed as considerable (betydelige). */
  considerableBarriers?: Barrier[];
  /** The caseworker's assessment of more than about a year of support, with its reason. */
  supportOverAYearReason?: string;
  /** Outside the target group: the decision ends the journey (stage redirected). */
  redirected: boolean;
}

export interface PlacementPlan {
  start: Date;
  /** Null while it runs. */
  end: Date | null;
  kind: PlacementKind;
  hoursPerWeek: number;
  plannedEnd: string | undefined;
  /** The youth works clearly fewer hours than agreed (the low_hours rule); otherwise the agreed hours or a little more. */
  fewerHoursThanAgreed: boolean;
  /** Started by switching from the previous placement, in one step (Rockwool Fonden: the NExTWORK evaluation summary (2025): the youth may switch). */
  switched: boolean;
  endReason: string | undefined;
}

export interface PausePlan {
  at: Date;
  reason: PauseReason;
  expectedReturn: string;
  note: string;
  resumedAt: Date | null;
}

export interface ExitPlan {
  at: Date;
  outcome: ExitOutcome;
  otherSupportType?: string;
  note: string;
  stayInGroup: boolean;
}

export interface FollowUpPlan {
  at: Date;
  month: FollowUpMonth;
  status: FollowUpStatus;
}

export interface JourneyPlan {
  source: ReferralSource;
  reason: string;
  firstContact: Date;
  firstConversation: Date | null;
  visitation: VisitationPlan | null;
  groupJoin: Date | null;
  placements: PlacementPlan[];
  pauses: PausePlan[];
  exit: ExitPlan | null;
  followUps: FollowUpPlan[];
  withdrawn: { at: Date; reason: string } | null;
  /** Nothing is recorded for the youth from here on: they have gone passive. */
  passiveFrom: Date | null;
  /** The share of group meetings the youth comes to. */
  engagement: number;
  /** A mentor is attached (STAR: Den gode ungeindsats i jobcentrene (2017), s. 24: mentor support for activity-ready youth). */
  mentor: boolean;
  /** A follow-up found the youth back on benefit: the service opens this journey as returning. */
  returning: JourneyPlan | null;
}

export interface YouthPlan {
  person: Person;
  birthDate: string;
  cpr: string;
  phone: string | null;
  email: string | null;
  address: string;
  /** Index of the responsible caseworker: the two share the caseload. */
  caseworker: number;
  journey: JourneyPlan;
}

// ---------------------------------------------------------------------------------------------
// Visitation: category, barriers, profile and questionnaire that fit together
// ---------------------------------------------------------------------------------------------

/** The barriers that, weighed as considerable, point to activity-ready (rules/visitation.json, heavyBarriers). */
const severeBarriers = ['mental_health', 'social', 'health', 'substance_use'] as const;
const otherBarriers = ['academic', 'no_network', 'debt', 'criminal_record'] as const;

type VisitationKind =
  | 'activity_ready'
  | 'education_ready'
  | 'obviously_education_ready'
  | 'without_barriers'
  /** Mental health problems point to activity-ready; the caseworker decides education-ready. */
  | 'override';

function strugglingAnswers(rng: Random, barriers: readonly Barrier[]): QuestionnaireAnswers {
  return {
    highest_education: rng.pick(['none', 'primary_school', 'primary_school'] as const),
    wants_education: rng.pick(['unsure', 'no', 'yes'] as const),
    liked_school: rng.pick(['no', 'partly'] as const),
    education_importance: rng.int(2, 4),
    six_month_outlook: rng.pick(['on_benefit', 'unsure', 'in_work'] as const),
    education_choice_difficult: rng.pick(['yes', 'partly'] as const),
    advice_sources: rng.chance(0.25)
      ? ['nobody']
      : rng.sample(['parents', 'other_family', 'friends', 'jobcentre'] as const, rng.int(1, 2)),
    completion_obstacles: barriers.filter(() => rng.chance(0.7)),
    previous_dropout: rng.chance(0.6)
      ? { droppedOut: true, mainReason: rng.pick(['social', 'health', 'academic', 'wrong_choice'] as const) }
      : { droppedOut: false },
    primary_school_grade_average: rng.chance(0.3) ? 'unknown' : rng.int(20, 60) / 10,
  };
}

function hopefulAnswers(rng: Random): QuestionnaireAnswers {
  return {
    highest_education: rng.pick(['primary_school', 'upper_secondary', 'upper_secondary'] as const),
    wants_education: rng.pick(['yes', 'yes', 'unsure'] as const),
    liked_school: rng.pick(['yes', 'partly'] as const),
    education_importance: rng.int(3, 5),
    six_month_outlook: rng.pick(['in_education', 'in_work'] as const),
    education_choice_difficult: rng.pick(['no', 'partly'] as const),
    advice_sources: rng.sample(['parents', 'friends', 'teacher_or_counsellor'] as const, rng.int(1, 2)),
    completion_obstacles: [],
    previous_dropout: rng.chance(0.4)
      ? { droppedOut: true, mainReason: rng.pick(['wrong_choice', 'no_apprenticeship'] as const) }
      : { droppedOut: false },
    primary_school_grade_average: rng.int(40, 85) / 10,
  };
}

/** Nothing in these answers points to a need for support (STAR: Den gode ungeindsats i jobcentrene (2017), s. 13). */
const readyAnswers: QuestionnaireAnswers = {
  highest_education: 'upper_secondary',
  wants_education: 'yes',
  liked_school: 'yes',
  education_importance: 5,
  six_month_outlook: 'in_education',
  education_choice_difficult: 'no',
  advice_sources: ['parents', 'teacher_or_counsellor'],
  completion_obstacles: [],
  previous_dropout: { droppedOut: false },
  primary_school_grade_average: 8.4,
};

function visitation(rng: Random, at: Date, kind: VisitationKind): VisitationPlan {
  switch (kind) {
    case 'activity_ready': {
      const considerableBarriers: Barrier[] = rng.sample(severeBarriers, rng.int(1, 2));
      const barriers: Barrier[] = [...considerableBarriers, ...(rng.chance(0.6) ? rng.sample(otherBarriers, 1) : [])];
      return {
        at,
        category: 'activity_ready',
        barriers,
        considerableBarriers,
        // A youth who dropped out is education-ready unless this is assessed (STAR 2017, s. 10).
        supportOverAYearReason: 'Den unge har brug for behandling og stabilitet, før en uddannelse kan begynde.',
        profile: rng.chance(0.8) ? 'C' : 'B',
        questionnaire: strugglingAnswers(rng, barriers),
        inEducationOrJob: false,
        redirected: false,
      };
    }
    case 'education_ready':
      return {
        at,
        category: 'education_ready',
        barriers: rng.sample(otherBarriers, rng.int(1, 2)),
        profile: rng.chance(0.8) ? 'B' : 'A',
        questionnaire: hopefulAnswers(rng),
        inEducationOrJob: false,
        redirected: false,
      };
    case 'obviously_education_ready':
      return {
        at,
        category: 'obviously_education_ready',
        barriers: [],
        profile: 'A',
        questionnaire: readyAnswers,
        inEducationOrJob: false,
        redirected: false,
      };
    case 'override':
      return {
        at,
        category: 'education_ready',
        barriers: ['mental_health'],
        considerableBarriers: ['mental_health'],
        profile: 'B',
        questionnaire: hopefulAnswers(rng),
        inEducationOrJob: false,
        redirected: false,
        overrideReason:
          'Den unge er i stabil behandling og vurderes at kunne starte på en uddannelse inden for et år med støtte.',
      };
    case 'without_barriers':
      return {
        at,
        category: 'education_ready',
        barriers: [],
        profile: 'B',
        questionnaire: hopefulAnswers(rng),
        inEducationOrJob: false,
        redirected: false,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Building blocks of a story, in days before today
// ---------------------------------------------------------------------------------------------

interface Story {
  age: number;
  sex?: Sex;
  journey: JourneyPlan;
}

function referral(rng: Random): { source: ReferralSource; reason: string } {
  const source = rng.pick(['jobcenter', 'jobcenter', 'jobcenter', 'uu', 'self', 'other_unit'] as const);
  return { source, reason: rng.pick(referralReasons[source]) };
}

function emptyJourney(rng: Random, firstContact: Date): JourneyPlan {
  return {
    ...referral(rng),
    firstContact,
    firstConversation: null,
    visitation: null,
    groupJoin: null,
    placements: [],
    pauses: [],
    exit: null,
    followUps: [],
    withdrawn: null,
    passiveFrom: null,
    engagement: 0.75 + rng.next() * 0.2,
    mentor: false,
    returning: null,
  };
}

class StoryWriter {
  readonly #cal: Calendar;
  readonly #rng: Random;

  constructor(cal: Calendar, rng: Random) {
    this.#cal = cal;
    this.#rng = rng;
  }

  get rng(): Random {
    return this.#rng;
  }

  /** Referred `firstContact` days ago; nothing more yet. */
  referred(firstContact: number): JourneyPlan {
    return emptyJourney(this.#rng, this.#cal.at(firstContact));
  }

  /** The first conversation held a few days after first contact. */
  conversationHeld(firstConversation: number): JourneyPlan {
    const journey = this.referred(firstConversation + this.#rng.int(3, 5));
    journey.firstConversation = this.#cal.at(firstConversation);
    return journey;
  }

  /** Visitation decided `decided` days ago, after first contact and the first conversation. */
  decided(decided: number, kind: VisitationKind): JourneyPlan {
    const journey = this.conversationHeld(decided + this.#rng.int(4, 7));
    journey.visitation = visitation(this.#rng, this.#cal.at(decided), kind);
    journey.mentor = kind === 'activity_ready' && this.#rng.chance(0.6);
    return journey;
  }

  /** Visitation decided `decided` days ago, finding the youth outside the target group. */
  redirected(decided: number, kind: VisitationKind): JourneyPlan {
    const journey = this.decided(decided, kind);
    if (journey.visitation) journey.visitation.redirected = true;
    journey.mentor = false;
    return journey;
  }

  /** In a network group since `joined` days ago. */
  joined(joined: number, kind: VisitationKind = this.#rng.chance(0.6) ? 'activity_ready' : 'education_ready') {
    const journey = this.decided(joined + this.#rng.int(4, 9), kind);
    journey.groupJoin = this.#cal.at(joined);
    return journey;
  }

  placement(
    start: number,
    end: number | null,
    options: {
      hoursPerWeek?: number;
      kind?: PlacementKind;
      switched?: boolean;
      endReason?: string;
      fewerHoursThanAgreed?: boolean;
    } = {},
  ): PlacementPlan {
    const kind =
      options.kind ?? this.#rng.pick(['internship', 'internship', 'internship', 'paid_hours', 'wage_subsidy'] as const);
    const startDay = this.#cal.day(start);
    return {
      start: this.#cal.at(start),
      end: end === null ? null : this.#cal.at(end),
      kind,
      // The youth choose their hours and often start with few (Rockwool Fonden: the NExTWORK evaluation summary (2025)).
      hoursPerWeek: options.hoursPerWeek ?? this.#rng.pick([8, 12, 15, 20, 20, 25, 30, 37]),
      fewerHoursThanAgreed: options.fewerHoursThanAgreed ?? false,
      // An internship is agreed for some weeks at a time (virksomhedspraktik); paid hours run on.
      plannedEnd: kind === 'internship' ? addMonths(startDay, this.#rng.pick([2, 3])) : undefined,
      switched: options.switched ?? false,
      endReason:
        end === null
          ? undefined
          : (options.endReason ??
            this.#rng.pick([
              'Praktikken sluttede som aftalt.',
              'Virksomheden havde ikke flere opgaver i perioden.',
              'Den unge ville prøve en anden branche.',
            ])),
    };
  }

  pause(at: number, expectedReturnInDays: number, resumed: number | null, reason: PauseReason): PausePlan {
    const notes: Record<PauseReason, string> = {
      illness: 'Sygemeldt; lægeerklæring modtaget.',
      hospital: 'Indlagt; forventes udskrevet inden for et par uger.',
      treatment: 'Starter i dagbehandling.',
      other: 'Pause efter aftale med den unge.',
    };
    return {
      at: this.#cal.at(at),
      reason,
      expectedReturn: addDays(this.#cal.today, expectedReturnInDays),
      note: notes[reason],
      resumedAt: resumed === null ? null : this.#cal.at(resumed),
    };
  }

  exit(at: number, outcome: ExitOutcome, stayInGroup: boolean): ExitPlan {
    const notes: Record<ExitOutcome, string> = {
      job: this.#rng.pick(['Ordinært job efter praktikken.', 'Fastansat på 30 timer om ugen.']),
      education: this.#rng.pick(['Starter på grundforløb på erhvervsskolen.', 'Optaget på HF.']),
      other_support: 'Overgår til behandling; forløbet genoptages, når den unge er klar.',
      dropped_out: 'Ønsker ikke at fortsætte i forløbet.',
      moved: 'Flyttet til en anden kommune.',
      other: 'Afsluttet efter aftale.',
    };
    return {
      at: this.#cal.at(at),
      outcome,
      ...(outcome === 'other_support' ? { otherSupportType: 'Psykiatrisk behandling' } : {}),
      note: notes[outcome],
      stayInGroup,
    };
  }

  /** The 3-month follow-up, recorded `daysAfterDue` days after it fell due; and how many days ago that was. */
  followUp3(exit: ExitPlan, daysAfterDue: number, status: FollowUpStatus): FollowUpPlan & { daysAgo: number } {
    const due = addMonths(danishDate(exit.at), 3);
    const daysAgo = daysBetween(due, this.#cal.today) - daysAfterDue;
    return { at: this.#cal.at(daysAgo), month: 3, status, daysAgo };
  }

  /** Two placements: the youth switches company from the first to the second `switchAt` days ago. */
  switchedPlacements(start: number, switchAt: number): PlacementPlan[] {
    const first = this.placement(start, switchAt, {
      endReason: 'Den unge ønskede at skifte til en anden virksomhed.',
    });
    const second = this.placement(switchAt, null, { switched: true });
    return [first, { ...second, start: first.end ?? second.start }];
  }

  passive(daysAgo: number): Date {
    return this.#cal.at(daysAgo, '08:00');
  }

  /**
   * The journey a follow-up opens when the youth is back on benefit: it starts at the follow-up
   * (the service opens it), then goes through conversation and visitation again, and for an
   * `active` one into a group.
   */
  returning(followUp: FollowUpPlan & { daysAgo: number }, stage: 'active' | 'intake'): JourneyPlan {
    const journey = emptyJourney(this.#rng, followUp.at);
    const held = followUp.daysAgo - 3;
    journey.source = 'jobcenter';
    journey.reason = 'Tilbage på ydelse efter afslutning.';
    journey.firstConversation = this.#cal.at(held);
    journey.visitation = visitation(this.#rng, this.#cal.at(held - 4), 'education_ready');
    if (stage === 'active') journey.groupJoin = this.#cal.at(held - 8);
    return journey;
  }
}

// ---------------------------------------------------------------------------------------------
// The unit: 60 youth over every stage
// ---------------------------------------------------------------------------------------------

function stories(w: StoryWriter): Story[] {
  const rng = w.rng;
  const list: Story[] = [];
  const add = (age: number, journey: JourneyPlan, sex?: Sex) => list.push({ age, journey, ...(sex ? { sex } : {}) });
  const age = () => rng.int(19, 29);
  const someCategory = (): VisitationKind => (rng.chance(0.55) ? 'activity_ready' : 'education_ready');

  // Referred: waiting for the first conversation; the last is past the 7 days (LAB § 31 stk. 5).
  for (const firstContact of [1, 3, 5, 10]) add(age(), w.referred(firstContact));

  // Visitation: the first conversation is held, the decision not yet made.
  for (const held of [4, 9, 15]) add(age(), w.conversationHeld(held));
  add(29, w.conversationHeld(21));

  // Redirected: outside the target group, with what the rules recommend instead.
  add(17, w.redirected(28, 'activity_ready'));
  add(16, w.redirected(50, 'education_ready'), 'female');
  add(22, w.redirected(80, 'obviously_education_ready'));
  add(20, w.redirected(115, 'without_barriers'));

  // Intake: eligible, waiting for a group; the last has waited more than 28 days. One decision
  // differs from the suggested category, with the caseworker's reason.
  add(age(), w.decided(3, someCategory()));
  add(age(), w.decided(8, 'override'));
  add(age(), w.decided(15, someCategory()));
  add(age(), w.decided(33, someCategory()));

  // Active, exploring: in a group, no placement yet. Two have been in their group more than 42
  // days; two have stopped coming.
  for (const joined of [4, 9, 13, 18, 24, 27, 30, 36, 48, 55]) {
    const journey = w.joined(joined, someCategory());
    if (joined === 30) journey.passiveFrom = w.passive(16);
    if (joined === 48) journey.passiveFrom = w.passive(20);
    add(age(), journey);
  }

  // Active, placed: internships and paid hours with their hours logged; two switched company,
  // one works fewer hours than agreed, three have gone passive (the
  // number is the day they stopped).
  const placed: Array<[joined: number, start: number, extra?: 'switch' | 'pause' | 'low' | number]> = [
    [130, 112, 'switch'],
    [125, 100],
    [118, 95, 'pause'],
    [110, 90, 33],
    [104, 84, 'switch'],
    [98, 70, 'low'],
    [92, 66, 30],
    [85, 60],
    [78, 52, 23],
    [70, 45],
    [64, 38],
    [57, 30],
    [50, 25],
    [44, 17],
  ];
  for (const [joined, start, extra] of placed) {
    const journey = w.joined(joined, someCategory());
    if (extra === 'switch') journey.placements.push(...w.switchedPlacements(start, Math.round(start / 2) + 10));
    else
      journey.placements.push(
        w.placement(start, null, extra === 'low' ? { hoursPerWeek: 20, fewerHoursThanAgreed: true } : {}),
      );
    if (extra === 'pause') journey.pauses.push(w.pause(60, -46, 47, 'illness'));
    if (typeof extra === 'number') journey.passiveFrom = w.passive(extra);
    add(age(), journey);
  }

  // Active, between placements: one ended recently; two more than 14 days ago, one of them passive.
  const between: Array<[joined: number, start: number, ended: number]> = [
    [95, 75, 6],
    [88, 62, 11],
    [80, 55, 19],
    [100, 80, 26],
  ];
  for (const [joined, start, ended] of between) {
    const journey = w.joined(joined, someCategory());
    journey.placements.push(w.placement(start, ended));
    if (ended === 26) journey.passiveFrom = w.passive(26);
    add(age(), journey);
  }

  // Paused: the placement waits for the youth; one is more than a week past the expected return.
  const hospital = w.joined(70, 'activity_ready');
  hospital.placements.push(w.placement(50, null));
  hospital.pauses.push(w.pause(12, 20, null, 'hospital'));
  add(age(), hospital);
  const treatment = w.joined(60, 'activity_ready');
  treatment.pauses.push(w.pause(25, 3, null, 'treatment'));
  add(age(), treatment);
  const illness = w.joined(90, 'activity_ready');
  illness.placements.push(w.placement(65, null));
  illness.pauses.push(w.pause(40, -10, null, 'illness'));
  add(age(), illness);

  // Follow-up: exited with an outcome (some stay on in their group as alumni); 3-month
  // follow-ups recorded, and one more than 14 days overdue.
  const exits: Array<[joined: number, start: number | null, exited: number, ExitOutcome, stay: boolean]> = [
    [60, 40, 15, 'job', true],
    [75, 50, 30, 'education', false],
    [90, 70, 45, 'job', true],
    [100, null, 62, 'other_support', false],
    [110, 85, 80, 'moved', false],
    [135, 110, 100, 'education', false],
    [145, 120, 115, 'job', false],
    [150, null, 135, 'dropped_out', false],
  ];
  for (const [joined, start, exited, outcome, stay] of exits) {
    const journey = w.joined(joined, someCategory());
    if (start !== null) {
      journey.placements.push(w.placement(start, null, { kind: outcome === 'job' ? 'paid_hours' : 'internship' }));
    }
    journey.exit = w.exit(exited, outcome, stay);
    if (exited === 100) journey.followUps.push(w.followUp3(journey.exit, 2, 'in_education'));
    if (exited === 135) journey.followUps.push(w.followUp3(journey.exit, 5, 'unknown'));
    add(age(), journey);
  }

  // Closed: three withdrawn, and two back on benefit at the 3-month follow-up, who now have a
  // new journey as returning youth (docs/domain.md, glossary, "tilbagefald").
  const neverCame = w.referred(50);
  neverCame.withdrawn = { at: w.passive(36), reason: 'Flyttet til en anden kommune før første samtale.' };
  add(age(), neverCame);
  const lostContact = w.conversationHeld(66);
  lostContact.withdrawn = { at: w.passive(41), reason: 'Har ikke kunnet kontaktes siden første samtale.' };
  add(age(), lostContact);
  const leftProgramme = w.joined(120, someCategory());
  leftProgramme.withdrawn = { at: w.passive(64), reason: 'Ønsker ikke længere at deltage i forløbet.' };
  add(age(), leftProgramme);
  for (const [joined, start, exited, returnStage] of [
    [150, 135, 118, 'active'],
    [142, 128, 104, 'intake'],
  ] as const) {
    const journey = w.joined(joined, someCategory());
    journey.placements.push(w.placement(start, null, { kind: 'paid_hours' }));
    journey.exit = w.exit(exited, 'job', false);
    const followUp = w.followUp3(journey.exit, 1, 'back_on_benefit');
    journey.followUps.push(followUp);
    journey.returning = w.returning(followUp, returnStage);
    add(age(), journey);
  }
  return list;
}

/**
 * The 60 youth of the demo unit, with their people and stories. Deterministic for a given day
 * and generator.
 */
export function planYouth(cal: Calendar, rng: Random, names: NameDrawer): YouthPlan[] {
  const writer = new StoryWriter(cal, rng);
  return stories(writer).map((story, index) => {
    const person = names.draw(story.sex);
    const birthDate = birthDateForAge(story.age, cal.today, rng);
    const plan: YouthPlan = {
      person,
      birthDate,
      cpr: cprFor(birthDate, person.sex, rng),
      phone: rng.chance(0.9) ? mobileNumber(rng) : null,
      email: rng.chance(0.7) ? demoEmail(person) : null,
      address: address(rng),
      caseworker: index % 2,
      journey: story.journey,
    };
    checkOrder(plan.person.name, plan.journey);
    return plan;
  });
}

/** A plan whose moments are out of order is a mistake in this file: say so at once. */
function checkOrder(name: string, journey: JourneyPlan): void {
  const moments: Array<[string, Date | null | undefined]> = [
    ['first contact', journey.firstContact],
    ['first conversation', journey.firstConversation],
    ['visitation', journey.visitation?.at],
    ['group', journey.groupJoin],
    ...journey.placements.flatMap((p, i): Array<[string, Date | null]> => [
      [`placement ${i + 1} start`, p.start],
      [`placement ${i + 1} end`, p.end],
    ]),
    ['exit', journey.exit?.at],
    ...journey.followUps.map((f): [string, Date] => [`follow-up ${f.month}`, f.at]),
  ];
  let previous: [string, Date] | undefined;
  for (const [label, at] of moments) {
    if (!at) continue;
    if (previous && at < previous[1]) {
      throw new Error(`Demo story of ${name}: ${label} (${at.toISOString()}) lies before ${previous[0]}`);
    }
    previous = [label, at];
  }
  if (journey.returning) checkOrder(name, journey.returning);
}
