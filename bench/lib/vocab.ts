/**
 * The distributions of the generated dataset. Shapes follow the real GtR page of ES/J008435/1 (test/fixtures/gtr):
 * engagement years 2013-2019 with 2014 and 2018 the busiest, National reach first, policymakers and practitioners
 * as the audiences; further funding mostly in GBP. Codes come from the vocabulary module (never typed here).
 */
import { matchVocabulary, type VocabularyName } from '../../src/vocabulary/vocabulary.js';
import { Weighted } from './prng.js';

function codes(name: VocabularyName, entries: [string, number][]): Weighted<string> {
  return new Weighted(
    entries.map(([label, w]) => {
      const code = matchVocabulary(name, label);
      if (!code) throw new Error(`bench vocabulary: "${label}" is not in ${name}`);
      return [code, w] as const;
    }),
  );
}

export const ENGAGEMENT_FORM = codes('EngagementForm', [
  ['Participation in an activity, workshop or similar', 45],
  ['A talk or presentation', 35],
  ['A formal working group, expert panel or dialogue', 12],
  ['Engagement focused website, blog or social media channel', 3],
  ['Participation in an open day or visit at my research institution', 1],
  ['A press release, press conference or response to a media enquiry/interview', 1],
  ['A broadcast e.g. TV/radio/film/podcast (other than news/press)', 1],
  ['A magazine, newsletter or online publication', 1],
  ['Scientific meeting (conference/symposium etc.)', 1],
]);

export const AUDIENCE = codes('Audience', [
  ['Policymakers/politicians', 45],
  ['Professional Practitioners', 35],
  ['Public/other audiences', 7],
  ['Undergraduate students', 3],
  ['Postgraduate students', 2],
  ['Schools', 2],
  ['Industry/Business', 2],
  ['Media (as a channel to the public)', 1],
  ['Third sector organisations', 1],
  ['Patients, carers and/or patient groups', 1],
  ['Study participants or study members', 0.5],
  ['Supporters', 0.5],
]);

export const ENGAGEMENT_REACH = codes('GeographicReach', [
  ['National', 55],
  ['International', 17],
  ['Local', 14],
  ['Regional', 8],
  ['Multiple continents/international', 3],
  ['Europe', 3],
]);

export const POLICY_REACH = codes('GeographicReach', [
  ['National', 50],
  ['International', 12],
  ['Local', 10],
  ['Regional', 8],
  ['Europe', 8],
  ['Multiple continents/international', 5],
  ['Africa', 2],
  ['Asia', 2],
  ['North America', 1],
  ['South America', 1],
  ['Australia', 1],
]);

/** Engagement years: 2013-2019 as in the fixture (2018 and 2014 the busiest). */
export const ENGAGEMENT_YEAR = new Weighted<number>([
  [2013, 4], [2014, 7], [2015, 5], [2016, 5], [2017, 4], [2018, 9], [2019, 3],
]);

export const POLICY_TYPE = codes('PolicyInfluenceType', [
  ['Contribution to a national consultation/review', 30],
  ['Citation in other policy documents', 20],
  ['Influenced training of practitioners or researchers', 12],
  ['Gave evidence to a government review', 10],
  ['Participation in a guidance/advisory committee', 10],
  ['Membership of a guideline committee', 5],
  ['Contribution to new or improved professional practice', 6],
  ['Citation in systematic reviews', 3],
  ['Citation in clinical guidelines', 2],
  ['Citation in clinical reviews', 1],
  ['Implementation circular/rapid advice/letter to e.g. Ministry of Health', 1],
]);

export const SECTOR = codes('Sector', [
  ['Charity/Non Profit', 30],
  ['Public', 28],
  ['Private', 18],
  ['Academic/University', 14],
  ['Hospitals', 3],
  ['Learned Society', 3],
  ['Multiple', 2],
  ['Other', 2],
]);

export const FUNDING_TYPE = codes('FundingType', [
  ['Research grant (including intramural programme)', 60],
  ['Fellowship', 14],
  ['Studentship', 12],
  ['Capital/infrastructure (including equipment)', 8],
  ['Travel/small personal', 6],
]);

export const IMPACT_TYPE = codes('ImpactType', [['Societal', 40], ['Economic', 25], ['Policy & public services', 30], ['Cultural', 5]]);

export const IMPACT_SECTOR = codes('ImpactSector', [
  ['Communities and Social Services/Policy', 25],
  ['Government, Democracy and Justice', 18],
  ['Healthcare', 15],
  ['Education', 12],
  ['Environment', 6],
  ['Creative Economy', 5],
  ['Financial Services, and Management Consultancy', 4],
  ['Digital/Communication/Information Technologies (including Software)', 4],
  ['Energy', 3],
  ['Transport', 2],
  ['Culture, Heritage, Museums and Collections', 2],
  ['Other', 4],
]);

export const MATERIAL_TYPE = codes('MaterialType', [
  ['Database/Collection of data', 60],
  ['Data analysis technique', 25],
  ['Computer model/algorithm', 15],
]);

/** Currencies of further funding: GBP mostly, then EUR and USD, a tail of others (JPY has no minor unit). */
export const CURRENCY = new Weighted<string>([
  ['GBP', 80], ['EUR', 9], ['USD', 6], ['JPY', 1], ['CAD', 1], ['AUD', 1], ['CHF', 0.5], ['SEK', 0.5], ['NOK', 0.5], ['DKK', 0.5],
]);

/** Country text as sources write it (free text; the code is derived by the app's own countryCodeOf). */
export const COUNTRY = new Weighted<string>([
  ['United Kingdom', 72], ['European Union (EU)', 5], ['United States', 6], ['France', 2], ['Germany', 2], ['Spain', 2],
  ['Netherlands', 1.5], ['Ireland', 1.5], ['Canada', 1.5], ['Australia', 1.5], ['Japan', 1], ['India', 1], ['Ghana', 1],
  ['Bangladesh', 0.5], ['Brazil', 0.5], ['Chile', 0.5],
]);

export const OUTCOME_TYPE_MIX = new Weighted<string>([
  // further funding is placed by row number (an exact share); these are the other types' weights
  ['ENGAGEMENT_ACTIVITY', 64],
  ['POLICY_INFLUENCE', 10],
  ['PARTNERSHIP', 14],
  ['RESEARCH_MATERIAL', 7],
  ['IMPACT_NARRATIVE', 5],
]);

/** UKRI councils and other funders of awards, with their reference prefixes and shares of awards. */
export const FUNDERS: { name: string; prefix: string; sector: string; share: number }[] = [
  { name: 'ESRC', prefix: 'ES', sector: 'PUBLIC', share: 18 },
  { name: 'EPSRC', prefix: 'EP', sector: 'PUBLIC', share: 20 },
  { name: 'MRC', prefix: 'MR', sector: 'PUBLIC', share: 12 },
  { name: 'AHRC', prefix: 'AH', sector: 'PUBLIC', share: 8 },
  { name: 'BBSRC', prefix: 'BB', sector: 'PUBLIC', share: 8 },
  { name: 'NERC', prefix: 'NE', sector: 'PUBLIC', share: 6 },
  { name: 'STFC', prefix: 'ST', sector: 'PUBLIC', share: 3 },
  { name: 'Innovate UK', prefix: 'IUK', sector: 'PUBLIC', share: 6 },
  { name: 'Wellcome Trust', prefix: 'WT', sector: 'CHARITY_NON_PROFIT', share: 5 },
  { name: 'National Institute for Health and Care Research', prefix: 'NIHR', sector: 'PUBLIC', share: 5 },
  { name: 'Leverhulme Trust', prefix: 'LT', sector: 'CHARITY_NON_PROFIT', share: 2 },
  { name: 'Nuffield Foundation', prefix: 'NF', sector: 'CHARITY_NON_PROFIT', share: 1 },
  { name: 'British Academy', prefix: 'BA', sector: 'LEARNED_SOCIETY', share: 2 },
  { name: 'Royal Society', prefix: 'RS', sector: 'LEARNED_SOCIETY', share: 2 },
  { name: 'Cancer Research UK', prefix: 'CRUK', sector: 'CHARITY_NON_PROFIT', share: 1 },
  { name: 'Department for Education', prefix: 'DFE', sector: 'PUBLIC', share: 0.5 },
  { name: 'Home Office', prefix: 'HO', sector: 'PUBLIC', share: 0.5 },
];

/** Words of generated titles and descriptions (the vocabulary of UK social science impact reports). */
export const WORDS = (
  'research social enterprise mutuals public services policy civil society strategy roundtable workshop evidence ' +
  'community business health care inclusive growth city governance cooperative ownership creative industry spin ' +
  'innovation investment commissioners capabilities findings interim report longitudinal qualitative study data ' +
  'analysis survey households employment wellbeing education schools teachers pupils local authorities councils ' +
  'housing poverty inequality migration refugees justice courts policing prisons youth families children ageing ' +
  'pensions labour market productivity regions devolution climate energy transport infrastructure cities rural ' +
  'farmers food security water environment biodiversity health services hospitals patients carers nurses clinical ' +
  'trial pathways outcomes evaluation impact engagement practitioners policymakers ministers parliament committee ' +
  'inquiry consultation guidance framework toolkit training network partnership collaboration consortium ' +
  'international development ghana bangladesh bhutan india europe finance banking accountability governance ' +
  'digital technology platform open access dataset archive methods model simulation measurement index indicators'
).split(' ');

export const TOWNS = (
  'Aberdeen Bath Belfast Birmingham Bradford Brighton Bristol Cambridge Cardiff Chester Coventry Derby Dundee ' +
  'Durham Edinburgh Essex Exeter Glasgow Greenwich Hertfordshire Huddersfield Hull Keele Kent Lancaster Leeds ' +
  'Leicester Lincoln Liverpool London Loughborough Manchester Middlesex Newcastle Northampton Northumbria Norwich ' +
  'Nottingham Oxford Plymouth Portsmouth Reading Salford Sheffield Southampton Stirling Strathclyde Sunderland ' +
  'Surrey Sussex Swansea Teesside Ulster Warwick Westminster Winchester Wolverhampton Worcester York'
).split(' ');

export const DEPARTMENTS = [
  'Business School', 'Department of Sociology', 'School of Law', 'Department of Economics', 'School of Health Sciences',
  'Department of Politics', 'School of Education', 'Department of Geography', 'Centre for Enterprise', 'School of Social Policy',
];
