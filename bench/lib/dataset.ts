/**
 * The deterministic funder-scale dataset: organisations of every sector, awards of UKRI councils and others, and
 * outcomes of all six types attributed to 1-3 awards. Rows come out as arrays of column values, in the column
 * order of COLUMNS, for the COPY loader. Row i of a table is always the same (its own PRNG stream), so the
 * generator can run the outcome pass twice (outcomes, then details and attributions) without keeping 2M rows.
 */
import { countryCodeOf } from '../../src/common/country.js';
import { minorUnits } from '../../src/common/money.js';
import { nameKey } from '../../src/common/text.js';
import { isCode } from '../../src/vocabulary/vocabulary.js';
import { Rng, Weighted } from './prng.js';
import {
  AUDIENCE, COUNTRY, CURRENCY, DEPARTMENTS, ENGAGEMENT_FORM, ENGAGEMENT_REACH, ENGAGEMENT_YEAR, FUNDERS, FUNDING_TYPE,
  IMPACT_SECTOR, IMPACT_TYPE, MATERIAL_TYPE, OUTCOME_TYPE_MIX, POLICY_REACH, POLICY_TYPE, SECTOR, TOWNS, WORDS,
} from './vocab.js';

export interface Scale {
  name: string;
  awards: number;
  outcomes: number;
  /** how many of the outcomes are further funding */
  funding: number;
}

export const SCALES: Record<string, Scale> = {
  small: { name: 'small', awards: 2_000, outcomes: 20_000, funding: 5_000 },
  medium: { name: 'medium', awards: 20_000, outcomes: 200_000, funding: 50_000 },
  large: { name: 'large', awards: 200_000, outcomes: 2_000_000, funding: 500_000 },
};

export type Value = string | number | boolean | null | readonly (string | number)[];
export type Row = Value[];

export const COLUMNS = {
  organisation: ['id', 'name', 'name_key', 'sector', 'country', 'country_code', 'ror_id', 'created_at'],
  award: [
    'id', 'reference', 'title', 'funder_id', 'lead_organisation_id', 'department', 'start_date', 'end_date', 'value_amount',
    'value_currency', 'status', 'abstract', 'planned_impact', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by',
  ],
  outcome: [
    'id', 'type', 'title', 'description', 'impact', 'url', 'external_ids', 'years', 'version', 'created_at', 'updated_at',
    'created_by', 'updated_by', 'deleted_at',
  ],
  outcome_award: ['outcome_id', 'award_id', 'created_at'],
  engagement_activity_detail: [
    'outcome_id', 'form', 'primary_audience', 'other_audiences', 'geographic_reach', 'part_of_official_scheme',
    'type_of_presentation', 'years', 'audience_size',
  ],
  further_funding_detail: [
    'outcome_id', 'amount', 'currency', 'funding_type', 'funding_id', 'organisation_id', 'department', 'sector', 'country',
    'country_code', 'start_month', 'end_month', 'start_year',
  ],
  policy_influence_detail: [
    'outcome_id', 'influence_type', 'geographic_reach', 'country', 'country_code', 'first_year', 'guideline_title', 'areas',
    'impact_types',
  ],
  partnership_detail: [
    'outcome_id', 'organisation_id', 'department', 'sector', 'country', 'country_code', 'pi_contribution',
    'partner_contribution', 'start_year', 'end_year', 'active', 'formal_agreement',
  ],
  research_material_detail: ['outcome_id', 'material_type', 'provided_to_others', 'year_produced', 'doi'],
  impact_narrative_detail: ['outcome_id', 'first_year_of_impact', 'sectors', 'impact_types'],
} as const;

export type Table = keyof typeof COLUMNS;
export const DETAIL_TABLE: Record<string, Table> = {
  ENGAGEMENT_ACTIVITY: 'engagement_activity_detail',
  FURTHER_FUNDING: 'further_funding_detail',
  POLICY_INFLUENCE: 'policy_influence_detail',
  PARTNERSHIP: 'partnership_detail',
  RESEARCH_MATERIAL: 'research_material_detail',
  IMPACT_NARRATIVE: 'impact_narrative_detail',
};

/** Named rows the measurements use, found by the generator (recorded with the dataset). */
export interface Landmarks {
  scale: string;
  seed: number;
  /** the award with exactly 500 outcomes (annualReturn) */
  award500: string;
  /** an award with a handful of outcomes (statement counts at a small result) */
  smallAward: string;
  /** the organisation leading the most awards (portfolioReturn, impactSummary of one organisation) */
  bigOrganisationId: string;
  bigOrganisationName: string;
  /** a typical university (fundingTotals by AWARD for one organisation) */
  midOrganisationId: string;
  midOrganisationName: string;
  /** a small university (statement counts at a small result) */
  smallOrganisationId: string;
  funder: string;
}

// Streams: one per table, so adding a column to one table does not change another's rows.
const S = { org: 1, award: 2, outcome: 3, attribution: 4, detail: 5 } as const;
const ACTOR = 'bench-loader@localhost';
const sentence = (rng: Rng, min: number, max: number): string => {
  const n = rng.int(min, max);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rng.next() * WORDS.length)]);
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1);
};
const iso = (ms: number): string => new Date(ms).toISOString();
const DAY = 86_400_000;
const T2012 = Date.UTC(2012, 0, 1);
const T2025 = Date.UTC(2025, 11, 31);

function gcd(a: number, b: number): number {
  return b ? gcd(b, a % b) : a;
}

export class Dataset {
  readonly universities: number;
  readonly partners: number;
  /** organisation ids by index: funders, then universities, then partners */
  readonly orgIds: string[] = [];
  readonly orgNames: string[] = [];
  readonly orgSectors: (string | null)[] = [];
  readonly awardIds: string[] = [];
  readonly awardRefs: string[] = [];
  private readonly universityOf: Weighted<number>;
  private readonly funderOf: Weighted<number>;
  private readonly bigAwards: number;
  /** a multiplier coprime with awards-1: scatters popular awards over the id space (and the organisations) */
  private readonly scatter: number;
  readonly landmarks: Landmarks;

  constructor(
    readonly scale: Scale,
    readonly seed: number,
  ) {
    for (const f of FUNDERS) if (!isCode('Sector', f.sector)) throw new Error(`bench: sector ${f.sector} is not a code`);
    this.universities = Math.max(40, Math.min(160, Math.round(scale.awards / 1000)));
    this.partners = Math.max(300, Math.round(scale.outcomes / 40));
    // University sizes follow Zipf (rank^-0.9); the largest leads 4% of awards, so ~100,000 outcomes at large scale.
    this.universityOf = new Weighted(Array.from({ length: this.universities - 1 }, (_, i) => [i + 1, 1 / Math.pow(i + 2, 0.9)] as const));
    this.funderOf = new Weighted(FUNDERS.map((f, i) => [i, f.share] as const));
    this.bigAwards = Math.round(scale.awards * 0.04);
    let m = 7919;
    while (gcd(m, scale.awards - 1) !== 1) m += 2;
    this.scatter = m;
    this.buildOrganisations();
    this.buildAwardIds();
    const uni = (rank: number) => FUNDERS.length + rank;
    this.landmarks = {
      scale: scale.name,
      seed,
      award500: this.awardRefs[0],
      smallAward: '',
      bigOrganisationId: this.orgIds[uni(0)],
      bigOrganisationName: this.orgNames[uni(0)],
      midOrganisationId: this.orgIds[uni(9)],
      midOrganisationName: this.orgNames[uni(9)],
      smallOrganisationId: this.orgIds[uni(this.universities - 1)],
      funder: 'ESRC',
    };
  }

  get organisationCount(): number {
    return this.orgIds.length;
  }

  private buildOrganisations(): void {
    const add = (id: string, name: string, sector: string | null) => {
      this.orgIds.push(id);
      this.orgNames.push(name);
      this.orgSectors.push(sector);
    };
    FUNDERS.forEach((f, i) => add(new Rng(this.seed, S.org, i).uuid(), f.name, f.sector));
    for (let u = 0; u < this.universities; u++) {
      const town = TOWNS[u % TOWNS.length];
      const round = Math.floor(u / TOWNS.length);
      const name = round === 0 ? `University of ${town}` : round === 1 ? `${town} Metropolitan University` : `${town} Institute ${round}`;
      add(new Rng(this.seed, S.org, 1000 + u).uuid(), name, 'ACADEMIC_UNIVERSITY');
    }
    const kinds: Record<string, string[]> = {
      PUBLIC: ['Council', 'Department', 'Agency', 'NHS Trust', 'Authority'],
      CHARITY_NON_PROFIT: ['Trust', 'Foundation', 'Society', 'Network', 'Alliance'],
      PRIVATE: ['Ltd', 'plc', 'Consulting', 'Partners', 'Labs'],
      ACADEMIC_UNIVERSITY: ['University', 'College', 'Institute'],
      HOSPITALS: ['Hospital', 'Infirmary'],
      LEARNED_SOCIETY: ['Academy', 'Royal Society'],
      MULTIPLE: ['Consortium', 'Partnership'],
      OTHER: ['Group', 'Collective'],
    };
    for (let p = 0; p < this.partners; p++) {
      const rng = new Rng(this.seed, S.org, 100_000 + p);
      const sector = SECTOR.draw(rng);
      const name = `${rng.pick(TOWNS)} ${WORDS[rng.int(0, WORDS.length - 1)]} ${rng.pick(kinds[sector])} ${p + 1}`;
      add(rng.uuid(), name.replace(/^\w/, (c) => c.toUpperCase()), sector);
    }
  }

  organisationRow(i: number): Row {
    const rng = new Rng(this.seed, S.org, 500_000 + i);
    const country = i < FUNDERS.length + this.universities ? 'United Kingdom' : COUNTRY.draw(rng);
    const ror = rng.chance(0.3) ? `https://ror.org/0${rng.u32().toString(36).padStart(7, '0').slice(0, 6)}${i % 100}` : null;
    return [this.orgIds[i], this.orgNames[i], nameKey(this.orgNames[i]), this.orgSectors[i], country, countryCodeOf(country), ror,
      iso(T2012 + rng.int(0, 365) * DAY)];
  }

  private buildAwardIds(): void {
    for (let a = 0; a < this.scale.awards; a++) {
      const rng = new Rng(this.seed, S.award, a);
      this.awardIds.push(rng.uuid());
      const f = a === 0 ? 0 : this.funderOf.draw(rng);
      const letter = String.fromCharCode(65 + (a % 26));
      this.awardRefs.push(`${FUNDERS[f].prefix}/${letter}${String(a).padStart(6, '0')}/1`);
    }
  }

  /** lead organisation (index into orgIds) of award a: the big university leads awards 1..bigAwards */
  private leadOf(a: number, rng: Rng): number {
    const base = FUNDERS.length;
    if (a === 0) return base + 9; // award500 belongs to the typical university, not the big one
    if (a <= this.bigAwards) return base;
    return base + this.universityOf.draw(rng);
  }

  awardRow(a: number): Row {
    const rng = new Rng(this.seed, S.award, a);
    rng.uuid();
    const funder = a === 0 ? 0 : this.funderOf.draw(rng);
    const lead = this.leadOf(a, rng);
    const start = T2012 - 4 * 365 * DAY + rng.int(0, 10 * 365) * DAY;
    const end = start + rng.int(365, 5 * 365) * DAY;
    const value = Math.round(Math.exp(Math.log(300_000) + 0.8 * rng.normal()) * 100) / 100;
    const currency = rng.chance(0.96) ? 'GBP' : rng.pick(['EUR', 'USD']);
    const created = iso(T2012 + rng.int(0, 10 * 365) * DAY);
    return [
      this.awardIds[a], this.awardRefs[a], sentence(rng, 4, 12), this.orgIds[funder], this.orgIds[lead], rng.pick(DEPARTMENTS),
      iso(start).slice(0, 10), iso(end).slice(0, 10), value.toFixed(2), currency, end < T2025 - 365 * DAY ? 'CLOSED' : 'ACTIVE',
      sentence(rng, 40, 90), rng.chance(0.5) ? sentence(rng, 20, 50) : null, 1, created, created, ACTOR, ACTOR,
    ];
  }

  /** The type of outcome i: an exact share of further funding (every k-th row), the rest weighted. */
  typeOf(i: number, rng: Rng): string {
    const every = this.scale.outcomes / this.scale.funding;
    if (Math.floor((i + 1) / every) !== Math.floor(i / every)) return 'FURTHER_FUNDING';
    return OUTCOME_TYPE_MIX.draw(rng);
  }

  /** The awards outcome i counts for: the first 500 outcomes are award500's; popularity is skewed (u^1.6). */
  awardsOf(i: number): number[] {
    const rng = new Rng(this.seed, S.attribution, i);
    const n = this.scale.awards - 1;
    const primary = i < 500 ? 0 : 1 + ((Math.floor(n * Math.pow(rng.next(), 1.6)) * this.scatter) % n);
    const count = rng.chance(0.8) ? 1 : rng.chance(0.75) ? 2 : 3;
    const all = [primary];
    while (all.length < count) {
      const other = 1 + rng.int(0, n - 1);
      if (!all.includes(other)) all.push(other);
    }
    return all;
  }

  /** Outcome i: its base row, its detail row (table and values) and its attributions. */
  outcome(i: number): { row: Row; type: string; detail: Row; awards: number[] } {
    const rng = new Rng(this.seed, S.outcome, i);
    const id = rng.uuid();
    const type = this.typeOf(i, rng);
    const created = T2012 + Math.floor(rng.next() * (T2025 - T2012));
    const d = new Rng(this.seed, S.detail, i);
    const { detail, years } = this.detail(type, id, d);
    const extIds = rng.chance(0.7) ? [`RF-${(rng.u32() % 90_000_000) + 10_000_000}`] : [];
    const title = type === 'FURTHER_FUNDING' || type === 'ENGAGEMENT_ACTIVITY' || rng.chance(0.6) ? sentence(rng, 3, 10) : null;
    const row: Row = [
      id, type, title, sentence(rng, 12, 45), rng.chance(0.6) ? sentence(rng, 10, 40) : null,
      rng.chance(0.3) ? `https://example.org/${type.toLowerCase()}/${i}` : null, extIds, years, 1, iso(created), iso(created),
      ACTOR, ACTOR, rng.chance(0.01) ? iso(created + 30 * DAY) : null,
    ];
    return { row, type, detail, awards: this.awardsOf(i) };
  }

  private partner(rng: Rng): number {
    // funding and partners: a third from funders and universities, the rest from other organisations
    if (rng.chance(0.2)) return rng.int(0, FUNDERS.length - 1);
    if (rng.chance(0.15)) return FUNDERS.length + rng.int(0, this.universities - 1);
    return FUNDERS.length + this.universities + rng.int(0, this.partners - 1);
  }

  private detail(type: string, id: string, rng: Rng): { detail: Row; years: number[] } {
    switch (type) {
      case 'ENGAGEMENT_ACTIVITY': {
        // 3% give no year (the return warns about them), as real records do
        const years = rng.chance(0.03) ? [] : [...new Set(Array.from({ length: rng.chance(0.8) ? 1 : 2 }, () => ENGAGEMENT_YEAR.draw(rng)))].sort((a, b) => a - b);
        const primary = AUDIENCE.draw(rng);
        const others = rng.chance(0.6) ? [] : [...new Set([AUDIENCE.draw(rng), AUDIENCE.draw(rng)])].filter((a) => a !== primary).slice(0, rng.int(1, 2));
        const form = ENGAGEMENT_FORM.draw(rng);
        const presentation = form === 'A_TALK_OR_PRESENTATION' ? rng.pick(['Keynote/Invited Speaker', 'Workshop Facilitator', 'Poster Presentation', null]) : null;
        const size = rng.chance(0.5) ? null : Math.round(Math.exp(Math.log(40) + rng.normal()));
        return {
          detail: [id, form, primary, others, ENGAGEMENT_REACH.draw(rng), rng.chance(0.1), presentation, years, size],
          years,
        };
      }
      case 'FURTHER_FUNDING': {
        const currency = CURRENCY.draw(rng);
        const mu = minorUnits(currency);
        const gbp = Math.exp(Math.log(50_000) + 1.2 * rng.normal());
        const amount = (currency === 'JPY' ? gbp * 180 : gbp).toFixed(mu);
        const start = rng.int(2012, 2022);
        const startMonth = rng.int(1, 12);
        const endIndex = start * 12 + startMonth - 1 + rng.int(6, 48);
        const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
        const org = this.partner(rng);
        const country = rng.chance(0.1) ? null : COUNTRY.draw(rng);
        return {
          detail: [
            id, amount, currency, rng.chance(0.4) ? null : FUNDING_TYPE.draw(rng), rng.chance(0.5) ? `ES/M${rng.int(100000, 999999)}/1` : null,
            this.orgIds[org], rng.chance(0.3) ? rng.pick(DEPARTMENTS) : null, this.orgSectors[org], country, countryCodeOf(country),
            ym(start, startMonth), rng.chance(0.15) ? null : ym(Math.floor(endIndex / 12), (endIndex % 12) + 1), start,
          ],
          years: [start],
        };
      }
      case 'POLICY_INFLUENCE': {
        const first = rng.chance(0.9) ? rng.int(2013, 2022) : null;
        const country = rng.chance(0.3) ? null : COUNTRY.draw(rng);
        const areas = rng.chance(0.5) ? [] : [rng.pick(['Social enterprise', 'Public services', 'Health', 'Education', 'Housing'])];
        return {
          detail: [
            id, POLICY_TYPE.draw(rng), rng.chance(0.1) ? null : POLICY_REACH.draw(rng), country, countryCodeOf(country), first,
            rng.chance(0.3) ? sentence(rng, 3, 9) : null, areas, rng.chance(0.5) ? [] : [IMPACT_TYPE.draw(rng)],
          ],
          years: first == null ? [] : [first],
        };
      }
      case 'PARTNERSHIP': {
        const org = this.partner(rng);
        const start = rng.chance(0.9) ? rng.int(2012, 2022) : null;
        const end = start != null && rng.chance(0.6) ? start + rng.int(0, 5) : null;
        const country = rng.chance(0.1) ? null : COUNTRY.draw(rng);
        return {
          detail: [
            id, this.orgIds[org], rng.chance(0.5) ? rng.pick(DEPARTMENTS) : null, this.orgSectors[org], country, countryCodeOf(country),
            sentence(rng, 8, 30), sentence(rng, 8, 30), start, end, end == null ? rng.chance(0.7) : false, rng.chance(0.3),
          ],
          years: start == null ? [] : [start],
        };
      }
      case 'RESEARCH_MATERIAL': {
        const year = rng.chance(0.9) ? rng.int(2012, 2022) : null;
        const provided = rng.chance(0.2) ? null : rng.chance(0.5);
        return {
          detail: [id, MATERIAL_TYPE.draw(rng), provided, year, rng.chance(0.3) ? `10.5255/UKDA-SN-${rng.int(100000, 999999)}` : null],
          years: year == null ? [] : [year],
        };
      }
      default: {
        const first = rng.chance(0.9) ? rng.int(2013, 2022) : null;
        const pickSome = (w: Weighted<string>, max: number) => [...new Set(Array.from({ length: rng.int(1, max) }, () => w.draw(rng)))];
        return { detail: [id, first, pickSome(IMPACT_SECTOR, 3), pickSome(IMPACT_TYPE, 3)], years: first == null ? [] : [first] };
      }
    }
  }
}
