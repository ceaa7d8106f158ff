import { readFileSync } from 'node:fs';
import {
  allowedLabels,
  codesOf,
  enumOf,
  isCode,
  labelOf,
  matchVocabulary,
  splitVocabularyList,
  toCode,
  VOCABULARIES,
  VOCABULARY_NAMES,
  type VocabularyName,
} from './vocabulary.js';

// In-repo copies of ../shared (the contract and the GtR fixture), so a plain clone's tests pass.
const SHARED = new URL('../../test/fixtures/', import.meta.url);

describe('toCode', () => {
  it.each([
    ['Policymakers/politicians', 'POLICYMAKERS_POLITICIANS'],
    ['Charity/Non Profit', 'CHARITY_NON_PROFIT'],
    ['Policy & public services', 'POLICY_PUBLIC_SERVICES'],
    ['  Research grant (including intramural programme) ', 'RESEARCH_GRANT_INCLUDING_INTRAMURAL_PROGRAMME'],
    ['Scientific meeting (conference/symposium etc.)', 'SCIENTIFIC_MEETING_CONFERENCE_SYMPOSIUM_ETC'],
  ])('%s → %s', (label, code) => expect(toCode(label)).toBe(code));
});

describe('VOCABULARIES', () => {
  it('holds the nine GraphQL enum names', () => {
    expect([...VOCABULARY_NAMES].sort()).toEqual(
      [
        'Audience',
        'EngagementForm',
        'FundingType',
        'GeographicReach',
        'ImpactSector',
        'ImpactType',
        'MaterialType',
        'PolicyInfluenceType',
        'Sector',
      ].sort(),
    );
    for (const name of VOCABULARY_NAMES) {
      expect(VOCABULARIES[name].name).toBe(name);
      expect(VOCABULARIES[name].description).toBeTruthy();
    }
  });

  it.each(VOCABULARY_NAMES)('%s: codes are unique and follow the code rule', (name) => {
    const entries = VOCABULARIES[name].entries;
    expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
    for (const e of entries) expect(e.code).toBe(toCode(e.label));
  });

  it('keeps labels verbatim, sic included', () => {
    expect(allowedLabels('ImpactSector')).toContain('Manufacturing, including Industrial Biotechology');
    expect(labelOf('Sector', 'CHARITY_NON_PROFIT')).toBe('Charity/Non Profit');
    expect(codesOf('GeographicReach')).toEqual(
      expect.arrayContaining(['EUROPE', 'AFRICA', 'ASIA', 'NORTH_AMERICA', 'SOUTH_AMERICA', 'AUSTRALIA']),
    );
    expect(codesOf('GeographicReach')).toContain('MULTIPLE_CONTINENTS_INTERNATIONAL');
    expect(codesOf('Sector')).toContain('OTHER');
    expect(codesOf('ImpactSector')).toContain('OTHER');
  });

  it('gives aliases no code of their own', () => {
    expect(codesOf('GeographicReach')).not.toContain('LOCAL_MUNICIPAL_REGIONAL');
    expect(codesOf('Audience')).not.toContain('GENERAL_PUBLIC');
  });

  const listed: Record<VocabularyName, string[]> = {
    EngagementForm: ['A_TALK_OR_PRESENTATION', 'PARTICIPATION_IN_AN_ACTIVITY_WORKSHOP_OR_SIMILAR'],
    Audience: [
      'POLICYMAKERS_POLITICIANS',
      'PROFESSIONAL_PRACTITIONERS',
      'PUBLIC_OTHER_AUDIENCES',
      'UNDERGRADUATE_STUDENTS',
      'SCHOOLS',
    ],
    GeographicReach: ['LOCAL', 'REGIONAL', 'NATIONAL', 'INTERNATIONAL'],
    PolicyInfluenceType: ['CONTRIBUTION_TO_A_NATIONAL_CONSULTATION_REVIEW', 'CITATION_IN_OTHER_POLICY_DOCUMENTS'],
    Sector: ['PUBLIC', 'CHARITY_NON_PROFIT', 'PRIVATE', 'ACADEMIC_UNIVERSITY'],
    FundingType: ['RESEARCH_GRANT_INCLUDING_INTRAMURAL_PROGRAMME', 'FELLOWSHIP'],
    ImpactType: ['SOCIETAL', 'ECONOMIC', 'POLICY_PUBLIC_SERVICES'],
    ImpactSector: ['HEALTHCARE'],
    MaterialType: ['DATABASE_COLLECTION_OF_DATA', 'COMPUTER_MODEL_ALGORITHM', 'DATA_ANALYSIS_TECHNIQUE'],
  };

  it.each(VOCABULARY_NAMES)('%s holds every value CONTRACT.graphql lists', (name) => {
    const contract = readFileSync(new URL('CONTRACT.graphql', SHARED), 'utf8');
    const declared = new RegExp(`^enum ${name} \\{([^}]*)\\}`, 'm').exec(contract);
    expect(declared).not.toBeNull();
    const values = declared![1].trim().split(/\s+/);
    expect(values).toEqual(expect.arrayContaining(listed[name]));
    for (const value of values) expect(isCode(name, value)).toBe(true);
  });
});

describe('labelOf / isCode', () => {
  it('resolves codes and rejects unknown ones', () => {
    expect(labelOf('Audience', 'PUBLIC_OTHER_AUDIENCES')).toBe('Public/other audiences');
    expect(() => labelOf('Audience', 'NOPE')).toThrow(/Audience.*NOPE/);
    expect(isCode('ImpactType', 'SOCIETAL')).toBe(true);
    expect(isCode('ImpactType', 'societal')).toBe(false);
    expect(isCode('ImpactType', 'Societal')).toBe(false);
  });
});

describe('matchVocabulary', () => {
  it('matches labels, codes and aliases', () => {
    expect(matchVocabulary('Audience', 'Policymakers/politicians')).toBe('POLICYMAKERS_POLITICIANS');
    expect(matchVocabulary('Audience', 'POLICYMAKERS_POLITICIANS')).toBe('POLICYMAKERS_POLITICIANS');
    expect(matchVocabulary('ImpactType', 'POLICY_PUBLIC_SERVICES')).toBe('POLICY_PUBLIC_SERVICES');
  });

  it.each<[VocabularyName, string, string]>([
    ['Audience', 'Policymakers', 'POLICYMAKERS_POLITICIANS'],
    ['Audience', 'General Public', 'PUBLIC_OTHER_AUDIENCES'],
    ['Audience', 'Undergraduates', 'UNDERGRADUATE_STUDENTS'],
    ['Audience', 'Postgraduates', 'POSTGRADUATE_STUDENTS'],
    ['Audience', 'Supporters/Donors', 'SUPPORTERS'],
    ['Audience', 'Third Sector', 'THIRD_SECTOR_ORGANISATIONS'],
    ['Audience', 'Study Participants', 'STUDY_PARTICIPANTS_OR_STUDY_MEMBERS'],
    ['Audience', 'Patients', 'PATIENTS_CARERS_AND_OR_PATIENT_GROUPS'],
    ['Audience', 'Cares', 'PATIENTS_CARERS_AND_OR_PATIENT_GROUPS'],
    ['Audience', 'Patient Groups', 'PATIENTS_CARERS_AND_OR_PATIENT_GROUPS'],
    ['GeographicReach', 'Local/Municipal/Regional', 'LOCAL'],
    ['GeographicReach', 'North America', 'NORTH_AMERICA'],
    ['PolicyInfluenceType', 'Participation in a advisory committee', 'PARTICIPATION_IN_A_GUIDANCE_ADVISORY_COMMITTEE'],
    ['PolicyInfluenceType', 'Participation in advisory committee', 'PARTICIPATION_IN_A_GUIDANCE_ADVISORY_COMMITTEE'],
    ['PolicyInfluenceType', 'Participation in a national consultation', 'CONTRIBUTION_TO_A_NATIONAL_CONSULTATION_REVIEW'],
    ['PolicyInfluenceType', 'Participation in national consultation', 'CONTRIBUTION_TO_A_NATIONAL_CONSULTATION_REVIEW'],
    ['PolicyInfluenceType', 'Membership of a guidance committee', 'MEMBERSHIP_OF_A_GUIDELINE_COMMITTEE'],
    [
      'PolicyInfluenceType',
      'Contribution to new or Improved professional practice',
      'CONTRIBUTION_TO_NEW_OR_IMPROVED_PROFESSIONAL_PRACTICE',
    ],
    ['Sector', 'Charity/Non-profit', 'CHARITY_NON_PROFIT'],
    ['Sector', 'charity / non profit', 'CHARITY_NON_PROFIT'],
  ])('%s: alias or variant "%s" → %s', (name, text, code) => {
    expect(matchVocabulary(name, text)).toBe(code);
  });

  it('ignores case, repeated, leading and trailing whitespace (incl. U+00A0) and & vs and', () => {
    expect(matchVocabulary('EngagementForm', '  a   TALK or\u00a0presentation\u00a0 ')).toBe('A_TALK_OR_PRESENTATION');
    expect(matchVocabulary('ImpactType', 'policy and public services')).toBe('POLICY_PUBLIC_SERVICES');
    expect(matchVocabulary('ImpactType', 'Policy&Public Services')).toBe('POLICY_PUBLIC_SERVICES');
    expect(matchVocabulary('ImpactSector', 'Government, Democracy & Justice')).toBe(
      'GOVERNMENT_DEMOCRACY_AND_JUSTICE',
    );
    expect(matchVocabulary('GeographicReach', 'national ')).toBe('NATIONAL');
  });

  it('returns null for unknown or blank text, and for labels of another vocabulary', () => {
    expect(matchVocabulary('Audience', 'Aliens')).toBeNull();
    expect(matchVocabulary('Audience', '')).toBeNull();
    expect(matchVocabulary('Audience', ' \u00a0 ')).toBeNull();
    expect(matchVocabulary('Sector', 'Healthcare')).toBeNull();
    expect(matchVocabulary('Sector', 'Other sector')).toBeNull();
  });

  it.each(VOCABULARY_NAMES)('%s: every label, alias and code matches its own code', (name) => {
    for (const e of VOCABULARIES[name].entries) {
      for (const text of [e.label, e.code, e.label.toUpperCase(), ...e.aliases]) {
        expect(matchVocabulary(name, text)).toBe(e.code);
      }
    }
  });
});

describe('splitVocabularyList', () => {
  it('splits against known labels, not on every comma', () => {
    expect(
      splitVocabularyList(
        'ImpactSector',
        'Communities and Social Services/Policy,Healthcare,Government, Democracy and Justice',
      ),
    ).toEqual({
      codes: ['COMMUNITIES_AND_SOCIAL_SERVICES_POLICY', 'HEALTHCARE', 'GOVERNMENT_DEMOCRACY_AND_JUSTICE'],
      unknown: [],
    });
  });

  it('takes the longest label at each position', () => {
    expect(
      splitVocabularyList('ImpactSector', 'Leisure Activities, including Sports, Recreation and Tourism, Retail'),
    ).toEqual({ codes: ['LEISURE_ACTIVITIES_INCLUDING_SPORTS_RECREATION_AND_TOURISM', 'RETAIL'], unknown: [] });
  });

  it('accepts ; lists, aliases and codes, drops blanks and repeats', () => {
    expect(splitVocabularyList('Audience', 'Policymakers; SCHOOLS;;General Public , policymakers/politicians,')).toEqual({
      codes: ['POLICYMAKERS_POLITICIANS', 'SCHOOLS', 'PUBLIC_OTHER_AUDIENCES'],
      unknown: [],
    });
  });

  it('reports pieces that match nothing', () => {
    expect(splitVocabularyList('ImpactType', 'Societal, Spiritual,Economic;  Cosmic  rays ')).toEqual({
      codes: ['SOCIETAL', 'ECONOMIC'],
      unknown: ['Spiritual', 'Cosmic rays'],
    });
    expect(splitVocabularyList('ImpactSector', 'Government')).toEqual({ codes: [], unknown: ['Government'] });
    expect(splitVocabularyList('ImpactSector', '')).toEqual({ codes: [], unknown: [] });
  });
});

describe('enumOf', () => {
  it('is a frozen code → code object, the same each call', () => {
    const e = enumOf('MaterialType');
    expect(e).toEqual({
      DATABASE_COLLECTION_OF_DATA: 'DATABASE_COLLECTION_OF_DATA',
      COMPUTER_MODEL_ALGORITHM: 'COMPUTER_MODEL_ALGORITHM',
      DATA_ANALYSIS_TECHNIQUE: 'DATA_ANALYSIS_TECHNIQUE',
    });
    expect(Object.isFrozen(e)).toBe(true);
    expect(enumOf('MaterialType')).toBe(e);
  });
});

describe('seed fixture ES-J008435-1.txt', () => {
  const FIELDS: Record<string, VocabularyName> = {
    'Form Of Engagement Activity': 'EngagementForm',
    'Geographic Reach': 'GeographicReach',
    'Primary Audience': 'Audience',
    'Policy Influence Type': 'PolicyInfluenceType',
    Sector: 'Sector',
    'Type Of Material': 'MaterialType',
    'Impact Types': 'ImpactType',
  };
  const MULTI = new Set<VocabularyName>(['ImpactType', 'ImpactSector']);

  /** Outcome blocks are separated by a line of U+00A0 and a space; "Sector" in a narrative block is ImpactSector. */
  function fixtureValues(): { field: string; name: VocabularyName; value: string }[] {
    const text = readFileSync(new URL('gtr/ES-J008435-1.txt', SHARED), 'utf8');
    const found: { field: string; name: VocabularyName; value: string }[] = [];
    for (const block of text.split(/\r?\n[ \t\u00a0]+\r?\n/)) {
      const lines = block.split(/\r?\n/);
      const narrative = lines.some((line) => line.startsWith('Impact Types '));
      for (const line of lines) {
        const field = Object.keys(FIELDS).find((f) => line.startsWith(`${f} `));
        if (!field) continue;
        const name = field === 'Sector' && narrative ? 'ImpactSector' : FIELDS[field];
        found.push({ field, name, value: line.slice(field.length + 1) });
      }
    }
    return found;
  }

  it('has every value of the vocabulary fields in a vocabulary', () => {
    const values = fixtureValues();
    // Guards the extraction itself: the seed has dozens of such lines, across every field.
    expect(values.length).toBeGreaterThan(80);
    expect(new Set(values.map((v) => v.name)).size).toBe(8);
    for (const { field, name, value } of values) {
      if (MULTI.has(name)) {
        const split = splitVocabularyList(name, value);
        expect({ field, value, unknown: split.unknown }).toEqual({ field, value, unknown: [] });
        expect(split.codes.length).toBeGreaterThan(0);
      } else {
        expect({ field, value, code: matchVocabulary(name, value) }).toEqual({
          field,
          value,
          code: expect.any(String),
        });
      }
    }
  });

  it('reads the narrative block as impact sectors and types', () => {
    const narrative = fixtureValues().filter((v) => MULTI.has(v.name));
    expect(narrative.map((v) => splitVocabularyList(v.name, v.value).codes)).toEqual([
      ['COMMUNITIES_AND_SOCIAL_SERVICES_POLICY', 'HEALTHCARE', 'GOVERNMENT_DEMOCRACY_AND_JUSTICE'],
      ['SOCIETAL', 'ECONOMIC', 'POLICY_PUBLIC_SERVICES'],
    ]);
  });
});
