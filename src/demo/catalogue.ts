import type { CompanySector } from '../companies/company.tables.ts';
import { DEMO_TOWN } from './people.ts';

/**
 * The fixed parts of the demo unit: its company network and its network groups, and the short
 * Danish texts caseworkers write. The youth and their stories are drawn in stories.ts.
 */

export interface DemoCompany {
  name: string;
  industry: string;
  /** The municipality's own workplaces (a care home, a day-care centre) are public employers. */
  sector: CompanySector;
  address: string;
  /** How many youth it can take at once. */
  placementCapacity: number;
  /** Titles of its contact persons (one or two). */
  contactTitles: readonly string[];
}

/** 25 local companies (NExTWORK: Vejen til uddannelse går gennem job! (2018): the Roskilde pilot had 22 companies in its network). */
export const demoCompanies: readonly DemoCompany[] = [
  company('Kornblomsten Bageri ApS', 'Bageri', 'Nørregade 14', 2, ['Indehaver']),
  company('Søndergaards Tømrer & Snedker ApS', 'Byggeri', 'Industrivej 8', 2, ['Værkfører', 'Indehaver']),
  company('Møllers Malerfirma ApS', 'Malerarbejde', 'Håndværkervej 3', 1, ['Malermester']),
  company('Café Åkanden', 'Restauration', 'Sct. Bendts Gade 5', 2, ['Daglig leder']),
  company('Ringsted Autoservice ApS', 'Autoværksted', 'Næstvedvej 41', 2, ['Værkstedschef']),
  company('Plejecentret Solbakken', 'Ældrepleje', 'Solbakkevej 2', 3, ['Afdelingsleder', 'Praktikansvarlig'], 'public'),
  company('Østergaard Blomster', 'Detailhandel', 'Østergade 22', 1, ['Indehaver']),
  company('Nørretorv Dagligvarer ApS', 'Dagligvarehandel', 'Nørretorv 1', 3, ['Butikschef', 'Souschef']),
  company('Vestsjællands Lager & Logistik A/S', 'Lager og logistik', 'Transportvej 12', 4, [
    'HR-konsulent',
    'Lagerchef',
  ]),
  company('Grøn Have Anlægsgartner ApS', 'Anlægsgartneri', 'Gartnervænget 6', 2, ['Indehaver']),
  company('Børnehuset Kløverbladet', 'Daginstitution', 'Kløvervej 10', 1, ['Leder'], 'public'),
  company('Bøgely Genbrug', 'Genbrugsbutik', 'Søndergade 31', 2, ['Butiksleder']),
  company('Jensen & Holm El-service ApS', 'El-installation', 'Ringstedgade 77', 1, ['Installatør']),
  company('Skovhus Kro', 'Hotel og restauration', 'Skovhusvej 1', 2, ['Køkkenchef', 'Direktør']),
  company('Lindegårdens Økologiske Gartneri', 'Gartneri', 'Lindegårdsvej 4', 2, ['Gartner']),
  company('Fitnesscentret Puls', 'Fitness og fritid', 'Stationsvej 9', 1, ['Centerleder']),
  company('Sjællandsk Metal & Smed ApS', 'Metalindustri', 'Industrivej 21', 2, ['Produktionsleder']),
  company('Bryggeriet Humlehaven', 'Fødevareproduktion', 'Bryggerstræde 2', 1, ['Brygmester']),
  company('Cykelværkstedet på Torvet', 'Cykelreparation', 'Torvet 3', 1, ['Indehaver']),
  company('Skinnende Rent Rengøring ApS', 'Rengøring', 'Ahornvej 15', 3, ['Driftsleder']),
  company('Frisør Saks & Stil', 'Frisør', 'Vestergade 8', 1, ['Frisørmester']),
  company('Tryk & Design Midtsjælland ApS', 'Grafisk produktion', 'Bøllingsvej 28', 1, ['Produktionschef']),
  company('Midtsjællands VVS ApS', 'VVS', 'Køgevej 60', 2, ['Indehaver', 'Værkfører']),
  company('Byens Pizzeria & Grill', 'Restauration', 'Jernbanegade 11', 1, ['Indehaver']),
  company('Dyreklinikken ved Åen', 'Dyrlæge', 'Åløkkevej 2', 1, ['Klinikleder']),
];

function company(
  name: string,
  industry: string,
  street: string,
  placementCapacity: number,
  contactTitles: readonly string[],
  sector: CompanySector = 'private',
): DemoCompany {
  return { name, industry, sector, address: `${street}, ${DEMO_TOWN}`, placementCapacity, contactTitles };
}

export interface DemoGroup {
  name: string;
  /** Index into the caseworkers. */
  facilitator: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  startTime: string;
  durationMinutes: number;
  place: string;
  /** How many weeks ago its first meeting was. */
  startedWeeksAgo: number;
}

/** Six weekly network groups (Rockwool Fonden: Hvad er NExTWORK?: 6-8 youth meeting weekly); two started later. */
export const demoGroups: readonly DemoGroup[] = [
  group('Gruppe Ahorn', 0, 1, '10:00', 'Jobcentret, Søgade 12, mødelokale 2', 22),
  group('Gruppe Birk', 1, 2, '09:30', 'Ungehuset, Nørregade 5', 22),
  group('Gruppe Eg', 0, 3, '13:00', 'Jobcentret, Søgade 12, mødelokale 2', 21),
  group('Gruppe Lind', 1, 4, '10:00', 'Biblioteket, Østergade 9, lokale 1', 20),
  group('Gruppe Pil', 0, 2, '13:00', 'Ungehuset, Nørregade 5', 12),
  group('Gruppe Røn', 1, 5, '09:30', 'Jobcentret, Søgade 12, mødelokale 4', 6),
];

function group(
  name: string,
  facilitator: number,
  weekday: number,
  startTime: string,
  place: string,
  startedWeeksAgo: number,
): DemoGroup {
  return { name, facilitator, weekday, startTime, durationMinutes: 120, place, startedWeeksAgo };
}

/** Weeks the groups do not meet: summer holiday and the autumn holiday (ISO week numbers). */
export const holidayWeeks: ReadonlyMap<number, string> = new Map([
  [28, 'Sommerferie'],
  [29, 'Sommerferie'],
  [30, 'Sommerferie'],
  [42, 'Efterårsferie'],
]);

export const referralReasons = {
  jobcenter: [
    'Ansøgt om kontanthjælp; ingen uddannelse ud over grundskolen.',
    'Ledig efter afbrudt erhvervsuddannelse.',
    'Ledig i flere måneder; ønsker hjælp til at komme i gang.',
    'Ny ansøgning om uddannelseshjælp efter sygemelding.',
  ],
  uu: ['Henvist fra UU: droppet ud af gymnasiet og uden plan.', 'Henvist fra UU efter afbrudt grundforløb på EUD.'],
  self: ['Henvendte sig selv i Ungehuset og vil gerne i gang med noget.'],
  other_unit: [
    'Henvist fra socialforvaltningen; har brug for en fast hverdag.',
    'Henvist fra misbrugsbehandlingen efter endt behandling.',
  ],
} as const;

export const notes = {
  entryOverride:
    'Kan til at begynde med ikke deltage 15 timer om ugen på grund af angst; starter med få timer og øger efter aftale med mentor.',
  jobConversation: [
    'Jobsamtale: status på gruppen og mål for de næste uger.',
    'Jobsamtale: talt om ønsker til praktikplads.',
    'Jobsamtale: opfølgning på praktikken med den unge.',
    'Jobsamtale: gennemgået CV og ansøgning.',
    'Jobsamtale: talt om uddannelsesønsker; interesseret i en erhvervsuddannelse.',
  ],
  phone: [
    'Telefonsamtale: aftalt tid til næste samtale.',
    'Telefonsamtale: den unge meldte afbud til gruppen og fortalte hvorfor.',
    'Telefonsamtale med praktikstedet sammen med den unge.',
  ],
  group: ['Fælles samtale i gruppen om arbejdspladskultur.', 'Gruppesamtale om mødestabilitet.'],
  mentor: [
    'Mentor fulgte med første dag i praktik.',
    'Mentor: gåtur og snak om trivsel.',
    'Mentor hjalp med at ringe til lægen.',
    'Mentor: hjælp til at komme op om morgenen i denne uge.',
    'Mentor: øvede busturen til praktikstedet.',
  ],
  other: ['Sms med mødeplan for næste uge.', 'Mail med praktikaftalen til den unge.'],
} as const;
