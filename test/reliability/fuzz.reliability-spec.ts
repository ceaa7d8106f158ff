// Property-based fuzzing (fast-check) of every create/update mutation and of the import formats: valid inputs
// with fields replaced by random unicode, NUL characters, huge and negative numbers, nulls, wrong types, unknown
// fields, and truncated or corrupted files. Whatever is sent, the answer is a success or a BAD_USER_INPUT-class
// refusal (never a 500 or INTERNAL_SERVER_ERROR), and the rows in the database agree with the answer.
// FC_SEED=<n> replays a failing run; FC_RUNS sets the number of runs per property (default 50).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { csvHeader } from '../../src/interchange/formats/csv-columns.js';
import { startTestApp, type GqlResponse, type TestApp } from '../support/app.js';
import { GTR_FIXTURE } from '../support/fixture.js';

const RUNS = Number(process.env.FC_RUNS ?? 50);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const params = (numRuns = RUNS) => ({ numRuns, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: true });

/** Codes a well-formed refusal may carry (an admin calls: FORBIDDEN never applies). */
const REFUSALS = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'CONFLICT', 'NOT_FOUND']);
const REF = 'FZ/A000001/1';
const REF2 = 'FZ/A000002/1';

let t: TestApp;

// ---------- arbitraries ----------

const OMIT = Symbol('omit');
const nasty = fc.constantFrom(
  '', ' ', '\u0000', 'a\u0000b', '\uD800', '\uFFFF', '🦄'.repeat(500), 'x'.repeat(60_000), "'; DROP TABLE outcome; --",
  '<script>alert(1)</script>', 'javascript:alert(1)', '1e400', '-0', 'NaN', 'Infinity', '٣٤٥', '0x1F', '2019-13-45', '9999-12',
  'null', '{}', '[]', '\n\r\t', 'ES/J008435/1', 'GBP', 'gbp', 'XXX', 'A_TALK_OR_PRESENTATION',
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), { weight: 2, arbitrary: nasty });
const numbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 1899, 1900, 2100, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 0.5),
);
const json = fc.jsonValue({ maxDepth: 2 });

/** Something of the same JSON kind as a valid value, but random. */
function junkLike(v: unknown): fc.Arbitrary<unknown> {
  if (typeof v === 'string') return text;
  if (typeof v === 'number') return numbers;
  if (typeof v === 'boolean') return fc.oneof(fc.boolean(), fc.constantFrom('true', 1, 0));
  if (Array.isArray(v)) {
    const item = v.length ? junkLike(v[0]) : json;
    return fc.oneof(fc.array(item, { maxLength: 5 }), fc.array(fc.constant(v[0] ?? 'x'), { minLength: 101, maxLength: 130 }));
  }
  if (v && typeof v === 'object') return mutated(v as Record<string, unknown>);
  return json;
}

type Model = Record<string, unknown>;

/** A valid value (an Arbitrary, or a constant) most of the time; otherwise junk, the wrong type, null or left out. */
function field(v: unknown): fc.Arbitrary<unknown> {
  const valid = v instanceof fc.Arbitrary ? (v as fc.Arbitrary<unknown>) : fc.constant(v);
  const like = v instanceof fc.Arbitrary ? text : junkLike(v);
  return fc.oneof(
    { weight: 14, arbitrary: valid },
    { weight: 2, arbitrary: like },
    { weight: 1, arbitrary: json },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(OMIT) },
  );
}

/** An input built from a valid model: each field kept or spoilt, sometimes an unknown field added. */
function mutated(model: Model): fc.Arbitrary<Model> {
  const fields = Object.fromEntries(Object.entries(model).map(([k, v]) => [k, field(v)]));
  return fc
    .tuple(
      fc.record(fields),
      fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), json, { maxKeys: 2 }) }),
    )
    .map(([r, extra]) => ({ ...(extra ?? {}), ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== OMIT)) }));
}

const fresh = (prefix: string) => fc.uuid().map((u) => `${prefix}${u.slice(0, 8).toUpperCase()}`);
const refs = fc.oneof(
  { weight: 10, arbitrary: fc.constant([REF]) },
  { weight: 2, arbitrary: fc.constant([REF, REF2]) },
  { weight: 1, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
  { weight: 1, arbitrary: json },
);

const SAMPLES: Record<string, Model> = {
  EngagementActivity: {
    title: 'Roundtable', description: 'Talk to the civil society strategy roundtable', form: 'A_TALK_OR_PRESENTATION',
    primaryAudience: 'POLICYMAKERS_POLITICIANS', otherAudiences: ['SCHOOLS'], geographicReach: 'NATIONAL', partOfOfficialScheme: false,
    typeOfPresentation: 'Keynote', years: [2018], audienceSize: 40, url: 'https://example.org/talk', externalIds: ['RF-1'],
  },
  FurtherFunding: {
    description: 'Follow-on funding', amount: { amount: '10000.00', currency: 'GBP' }, fundingType: 'FELLOWSHIP',
    fundingId: 'ES/M010163/1', organisation: 'Power to Change', sector: 'CHARITY_NON_PROFIT', country: 'United Kingdom',
    start: '2017-02', end: '2018-02',
  },
  PolicyInfluence: {
    description: 'Evidence to the Office for Civil Society', influenceType: 'CONTRIBUTION_TO_A_NATIONAL_CONSULTATION_REVIEW',
    geographicReach: 'NATIONAL', country: 'United Kingdom', firstYear: 2018, guidelineTitle: 'Strategy', areas: ['Social enterprise'],
    impactTypes: ['Policy'],
  },
  Partnership: {
    description: 'Collaboration with Social Enterprise UK', organisation: 'Social Enterprise UK', sector: 'CHARITY_NON_PROFIT',
    country: 'United Kingdom', startYear: 2017, endYear: 2019, active: false, formalAgreement: true, piContribution: 'Data',
  },
  ResearchMaterial: {
    title: 'Coding guide', description: 'A coding guide for spin-out interviews', materialType: 'DATABASE_COLLECTION_OF_DATA',
    providedToOthers: false, yearProduced: 2015, doi: '10.5255/UKDA-SN-851234',
  },
  ImpactNarrative: {
    description: 'A new project was funded following the research', firstYearOfImpact: 2016, sectors: ['HEALTHCARE'],
    impactTypes: ['SOCIETAL'],
  },
};
const TYPES = Object.keys(SAMPLES);
const outcomeIds: Record<string, string> = {};

// ---------- the oracle ----------

/** Answers seen, by code (or OK): printed at the end, so a run that never succeeded or never refused shows. */
const tally: Record<string, number> = {};

function refusalOnly(res: GqlResponse, allowed = REFUSALS): void {
  expect(res.status).toBeLessThan(500);
  const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
  for (const c of codes.length ? [codes[0]] : ['OK']) tally[c] = (tally[c] ?? 0) + 1;
  expect(codes.filter((c) => !allowed.has(c))).toEqual([]);
}

const succeeded = (res: GqlResponse, field: string) => !res.errors?.length && res.data?.[field] != null;

async function count(table: string, where = 'TRUE', args: unknown[] = []): Promise<number> {
  return (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, args))[0].n;
}

/** Sends a mutation and checks the answer against the rows of `table` (+1 on success, unchanged otherwise). */
async function creates(table: string, field: string, query: string, variables: Record<string, unknown>): Promise<GqlResponse> {
  const before = await count(table);
  const audits = await count('audit_event');
  const res = await t.gql(query, variables);
  refusalOnly(res);
  const ok = succeeded(res, field);
  expect(await count(table)).toBe(before + (ok ? 1 : 0));
  if (!ok) expect(await count('audit_event')).toBe(audits);
  return res;
}

const version = async (id: string) => (await t.sql<{ version: number }>('SELECT version FROM outcome WHERE id = $1', [id]))[0].version;

beforeAll(async () => {
  t = await startTestApp();
  for (const reference of [REF, REF2]) {
    await t.ok('mutation($i: AwardInput!) { createAward(input: $i) { id } }', {
      i: { reference, title: 'Fuzzing', funder: 'ESRC', leadOrganisation: 'Middlesex University' },
    });
  }
  for (const type of TYPES) {
    const d = await t.ok(`mutation($i: ${type}Input!) { c: create${type}(awardReferences: ["${REF}"], input: $i) { id } }`, { i: SAMPLES[type] });
    outcomeIds[type] = d.c.id;
  }
}, 120_000);

afterAll(async () => {
  console.log(`fuzzing answers: ${JSON.stringify(tally)}`);
  await t?.close();
});

describe.each(TYPES)('%s', (type) => {
  const create = `mutation($refs: [String!]!, $i: ${type}Input!, $key: String) {
    created: create${type}(awardReferences: $refs, input: $i, idempotencyKey: $key) { id version }
  }`;
  const update = `mutation($id: ID!, $v: Int!, $i: Update${type}Input!) { updated: update${type}(id: $id, expectedVersion: $v, input: $i) { id version } }`;

  it(`create${type}: a success or a clear refusal, and one row per success`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 1, arbitrary: fc.constant(SAMPLES[type]) }, { weight: 4, arbitrary: mutated(SAMPLES[type]) }),
        refs,
        fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.oneof(fresh('key-'), fc.constant('k'.repeat(201)), text) }),
        async (input, awardReferences, key) => {
          await creates('outcome', 'created', create, { refs: awardReferences, i: input, key });
        },
      ),
      params(),
    );
  });

  it(`update${type}: a success bumps the version once, a refusal leaves it`, async () => {
    const id = outcomeIds[type];
    const model = Object.fromEntries(Object.entries(SAMPLES[type]).map(([k, v]) => [k, field(v)]));
    await fc.assert(
      fc.asyncProperty(
        fc.record(model, { requiredKeys: [] }).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== OMIT))),
        fc.oneof({ weight: 8, arbitrary: fc.constant('current') }, { weight: 1, arbitrary: numbers }, { weight: 1, arbitrary: json }),
        fc.oneof({ weight: 9, arbitrary: fc.constant(id) }, { weight: 1, arbitrary: text }),
        async (input, expected, target) => {
          const before = await version(id);
          const outcomes = await count('outcome');
          const res = await t.gql(update, { id: target, v: expected === 'current' ? before : expected, i: input });
          refusalOnly(res);
          expect(await version(id)).toBe(before + (succeeded(res, 'updated') ? 1 : 0));
          expect(await count('outcome')).toBe(outcomes);
        },
      ),
      params(),
    );
  });

  it(`create${type} with the input written inline: wrong literals are GRAPHQL_VALIDATION_FAILED, never a 500`, async () => {
    await fc.assert(
      fc.asyncProperty(mutated(SAMPLES[type]), async (input) => {
        const before = await count('outcome');
        const res = await t.gql(`mutation { created: create${type}(awardReferences: ["${REF}"], input: ${literal(input)}) { id } }`);
        refusalOnly(res);
        expect(await count('outcome')).toBe(before + (succeeded(res, 'created') ? 1 : 0));
      }),
      params(Math.ceil(RUNS / 2)),
    );
  });
});

/** A value as a GraphQL literal: upper-case words as enum values, the rest as JSON would write it. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return /^[A-Z][A-Z0-9_]*$/.test(v) && v !== 'GBP' ? v : JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '0';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  const entries = Object.entries(v as Model).filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k));
  return `{ ${entries.map(([k, x]) => `${k}: ${literal(x)}`).join(', ')} }`;
}

describe('awards, organisations, periods, rates, plans and evidence', () => {
  const award = { reference: fresh('FZ/N'), title: 'A fuzzed award', funder: 'ESRC', leadOrganisation: 'Middlesex University',
    department: 'Business School', startDate: '2015-01-01', endDate: '2018-12-31', value: { amount: '250000.00', currency: 'GBP' },
    status: 'ACTIVE', abstract: 'Abstract', plannedImpact: 'Impact', people: [{ name: 'Ann Example', orcid: '0000-0002-1825-0097', role: 'PI' }] };

  it('createAward', async () => {
    await fc.assert(fc.asyncProperty(mutated(award), async (i) => {
      await creates('award', 'createAward', 'mutation($i: AwardInput!) { createAward(input: $i) { id } }', { i });
    }), params());
  });

  it('updateAward', async () => {
    const { reference, ...rest } = award;
    void reference;
    await fc.assert(fc.asyncProperty(mutated(rest), fc.oneof({ weight: 8, arbitrary: fc.constant('current') }, { weight: 1, arbitrary: numbers }), async (i, v) => {
      const [before] = await t.sql<{ version: number }>('SELECT version FROM award WHERE reference = $1', [REF2]);
      const res = await t.gql('mutation($r: String!, $v: Int!, $i: UpdateAwardInput!) { updateAward(reference: $r, expectedVersion: $v, input: $i) { version } }', {
        r: REF2, v: v === 'current' ? before.version : v, i,
      });
      refusalOnly(res);
      const [after] = await t.sql<{ version: number }>('SELECT version FROM award WHERE reference = $1', [REF2]);
      expect(after.version).toBe(before.version + (succeeded(res, 'updateAward') ? 1 : 0));
    }), params());
  });

  it('createOrganisation', async () => {
    const org = { name: fresh('Fuzz Org '), sector: 'PRIVATE', country: 'France', rorId: '03yrm5c26' };
    await fc.assert(fc.asyncProperty(mutated(org), async (i) => {
      await creates('organisation', 'createOrganisation', 'mutation($i: OrganisationInput!) { createOrganisation(input: $i) { id } }', { i });
    }), params());
  });

  it('createReportingPeriod', async () => {
    const period = { name: 'Researchfish 2026', opensAt: '2026-02-01T00:00:00Z', closesAt: '2026-03-15T00:00:00Z',
      coversFrom: '2025-01-01T00:00:00Z', coversTo: '2025-12-31T23:59:59Z' };
    await fc.assert(fc.asyncProperty(mutated(period), async (i) => {
      await creates('reporting_period', 'createReportingPeriod', 'mutation($i: ReportingPeriodInput!) { createReportingPeriod(input: $i) { id } }', { i });
    }), params());
  });

  it('setExchangeRate', async () => {
    const rate = { currency: 'EUR', year: 2018, rate: '0.8812', base: 'GBP' };
    await fc.assert(fc.asyncProperty(mutated(rate), async (args) => {
      const res = await t.gql('mutation($currency: String!, $year: Int!, $rate: Decimal!, $base: String!) { setExchangeRate(currency: $currency, year: $year, rate: $rate, base: $base) { rate } }', args);
      refusalOnly(res);
      if (succeeded(res, 'setExchangeRate')) {
        const rows = await t.sql('SELECT 1 FROM exchange_rate WHERE currency = $1 AND year = $2 AND base = $3', [args.currency, args.year, args.base]);
        expect(rows).toHaveLength(1);
      }
    }), params());
  });

  it('addImpactPlanItem', async () => {
    const item = { beneficiaryGroup: 'Policymakers', description: 'Brief the Office for Civil Society', plannedActivity: 'Roundtable', targetYear: 2019 };
    await fc.assert(fc.asyncProperty(mutated(item), refs.map((r) => (Array.isArray(r) ? r[0] : r)), async (i, ref) => {
      await creates('impact_plan_item', 'addImpactPlanItem', 'mutation($r: String!, $i: ImpactPlanItemInput!) { addImpactPlanItem(awardReference: $r, input: $i) { id } }', { r: ref ?? REF, i });
    }), params());
  });

  it('addEvidence', async () => {
    const evidence = { awardReference: REF, outcomeIds: fc.constant([]), kind: 'QUOTE', summary: 'Written evidence to the inquiry',
      quote: 'The research informed our strategy', sourceRole: 'Director', sourceOrganisation: 'Social Enterprise UK',
      date: '2018-05-01', url: 'https://example.org/evidence', confidential: false };
    await fc.assert(fc.asyncProperty(mutated(evidence), async (i) => {
      await creates('evidence', 'addEvidence', 'mutation($i: EvidenceInput!) { addEvidence(input: $i) { id } }', { i });
    }), params());
  });

  it('attributeOutcome, unattributeOutcome and deleteOutcome', async () => {
    const target = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TYPES).map((ty) => outcomeIds[ty]) }, { weight: 1, arbitrary: text });
    await fc.assert(fc.asyncProperty(fc.constantFrom('attributeOutcome', 'unattributeOutcome', 'deleteOutcome'), target, refs,
      fc.oneof({ weight: 4, arbitrary: fc.constant('stale') }, { weight: 1, arbitrary: numbers }), async (op, id, awardReferences, v) => {
        const outcomes = await count('outcome');
        const res = op === 'deleteOutcome'
          ? await t.gql('mutation($id: ID!, $v: Int!) { deleteOutcome(id: $id, expectedVersion: $v) { id } }', { id, v: v === 'stale' ? 0 : v })
          : await t.gql(`mutation($id: ID!, $r: [String!]!) { ${op}(id: $id, awardReferences: $r) { id } }`, { id, r: awardReferences });
        refusalOnly(res);
        expect(await count('outcome')).toBe(outcomes);
        // an outcome always keeps at least one award
        expect(await count('outcome o', 'NOT EXISTS (SELECT 1 FROM outcome_award oa WHERE oa.outcome_id = o.id)')).toBe(0);
      }), params());
  });
});

// ---------- import formats: valid files, truncated, corrupted, or replaced ----------

function csvFile(): string {
  const header = csvHeader('ENGAGEMENT_ACTIVITY');
  const row = (i: number): string =>
    header.map((h) => ({
      description: `Fuzz import ${i}`, form: 'A talk or presentation', primaryAudience: 'Schools', geographicReach: 'Local',
      years: '2018; 2019', audienceSize: '30', awardReferences: REF, externalIds: `FZ-CSV-${i}`,
    } as Record<string, string>)[h] ?? '').join(',');
  return [header.join(','), row(1), row(2), row(3)].join('\n');
}

/** A file spoilt: cut short, a byte range overwritten, random text inserted, or kept whole. */
function spoilt(content: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(content) },
    { weight: 3, arbitrary: fc.nat({ max: content.length }).map((n) => content.slice(0, n)) },
    { weight: 2, arbitrary: fc.tuple(fc.nat({ max: content.length }), text).map(([n, s]) => content.slice(0, n) + s + content.slice(n + s.length)) },
    { weight: 1, arbitrary: fc.tuple(fc.nat({ max: content.length }), fc.string({ unit: 'binary', maxLength: 200 })).map(([n, s]) => content.slice(0, n) + s + content.slice(n)) },
    { weight: 1, arbitrary: text },
  );
}

describe('importOutcomes', () => {
  const formats: [string, () => Promise<Model>][] = [
    ['CSV', async () => ({ content: csvFile(), outcomeType: 'ENGAGEMENT_ACTIVITY' })],
    ['GTR_TEXT', async () => ({ content: GTR_FIXTURE, awardReference: REF })],
    ['GTR_JSON', async () => ({ content: readFileSync(new URL('../fixtures/interchange/gtr-outcomes.json', import.meta.url), 'utf8') })],
    ['GTR_XML', async () => ({ content: readFileSync(new URL('../fixtures/interchange/gtr-outcomes.xml', import.meta.url), 'utf8') })],
    ['RESEARCHFISH_XLSX', async () => {
      const d = await t.ok('query($f: OutcomeFilter) { exportOutcomes(format: RESEARCHFISH_XLSX, filter: $f) }', { f: { awardReferences: [REF] } });
      return { content: d.exportOutcomes };
    }],
  ];

  it.each(formats)('%s: a report or a refusal, and the rows it reports', async (format, base) => {
    const { content, ...rest } = await base();
    const extra = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, field(v)]));
    await fc.assert(
      fc.asyncProperty(
        spoilt(content as string),
        fc.record(extra).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== OMIT))),
        fc.record({ dryRun: fc.option(fc.boolean()), lenient: fc.option(fc.boolean()) }),
        async (file, args, flags) => {
          const before = await count('outcome');
          const res = await t.gql('mutation($i: ImportInput!) { importOutcomes(input: $i) { created problems { message } } }', {
            i: { format, content: file, ...args, ...flags },
          });
          refusalOnly(res);
          const created = succeeded(res, 'importOutcomes') && !flags.dryRun ? res.data.importOutcomes.created : 0;
          expect(await count('outcome')).toBe(before + created);
        },
      ),
      params(),
    );
  });
});

it('is still serving after all of it', async () => {
  expect((await t.gql('{ me { email } }')).data?.me.email).toBeTruthy();
});
