import { RequestContext } from '../common/request-context.js';
import { fundingStatement } from './funding-sql.js';
import { FundingDimension } from './funding.inputs.js';
import { engagementYearsJoin, MATERIAL, rowsOf, summaryStatement } from './impact-sql.js';
import { crossCounts, labelFor, vocabCounts, yearCounts } from './vocab-counts.js';

const officer = new RequestContext('r1', {
  userId: 'u1', tokenId: 't1', email: 'o@example.org', name: 'O', role: 'IMPACT_OFFICER', organisationId: 'org-1',
});

/** Every placeholder refers to a parameter, and every parameter is used. */
function expectPlaceholdersMatch(sql: string, params: unknown[]): void {
  const used = new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  expect(Math.max(0, ...used)).toBeLessThanOrEqual(params.length);
  for (let i = 1; i <= params.length; i++) expect(used.has(i)).toBe(true);
}

describe('fundingStatement', () => {
  it('numbers its parameters after those of an outcome condition, scope included', () => {
    const { sql, params } = fundingStatement(
      officer,
      {
        awardReferences: ['ES/J008435/1'], organisationId: '6f1c2a52-58b4-4d43-9d6c-3d9f3b6c5a10', awardFunder: ' ESRC ',
        fundingOrganisation: 'Youth Business International', sectors: ['PUBLIC'], countries: ['UK', 'European Union (EU)'],
        yearFrom: 2015, yearTo: 2020, outcome: { where: 'o.title = $1 AND o.type = $2', params: ['x', 'FURTHER_FUNDING'] },
      },
      [FundingDimension.AWARD, FundingDimension.SECTOR],
      'GBP',
      2,
    );
    expect(params.slice(0, 2)).toEqual(['x', 'FURTHER_FUNDING']);
    expect(params).toContain('esrc');
    expect(params).toContainEqual(['uk', 'european union (eu)']);
    expect(params).toContainEqual(['GB']);
    expect(params.filter((p) => p === 'org-1')).toHaveLength(2); // scope: attributions and leverage's awards
    expectPlaceholdersMatch(sql, params);
    expect(sql).toContain('GROUPING SETS ((award, sector, currency), (award, sector))');
  });

  it('leaves out groups and conversion when not asked for', () => {
    const { sql, params } = fundingStatement(RequestContext.system(), {}, [], null, 0);
    expect(sql).not.toContain('exchange_rate');
    expect(sql).not.toContain('grouped');
    expectPlaceholdersMatch(sql, params);
  });
});

describe('section statements', () => {
  it('put the outcome condition first and one grouping set per breakdown', () => {
    const years = engagementYearsJoin(2, 2016, 2017);
    expect(years.params).toEqual([2016, 2017]);
    expect(years.join).toContain('u.y >= $2::int AND u.y <= $3::int');
    const { sql, params } = summaryStatement({ where: 'o.deleted_at IS NULL AND o.id = $1', params: ['id'] }, { material: MATERIAL }, [2016]);
    expect(params).toEqual(['id', 2016]);
    expect(sql).toContain('WITH sel AS MATERIALIZED (SELECT o.id, o.type FROM outcome o WHERE o.deleted_at IS NULL AND o.id = $1)');
    expect(sql).toContain('GROUPING SETS ((), (x.material_type))');
    expect(sql).toContain(`WHERE o.type = 'RESEARCH_MATERIAL'`);
  });

  it('pick the rows of one grouping set by their GROUPING flags', () => {
    const rows = [{ g_type: 1, type: null, count: 3 }, { g_type: 0, type: 'DATABASE_COLLECTION_OF_DATA', count: 3 }];
    expect(rowsOf(rows, MATERIAL, [])).toEqual([rows[0]]);
    expect(rowsOf(rows, MATERIAL, ['type'])).toEqual([rows[1]]);
  });
});

describe('count lists', () => {
  it('label codes from the vocabulary and order by count, then label', () => {
    const rows = [
      { reach: 'REGIONAL', count: 2 },
      { reach: 'LOCAL', count: 4 },
      { reach: 'INTERNATIONAL', count: 4 },
      { reach: null, count: 9 },
    ];
    expect(vocabCounts('GeographicReach', rows, 'reach')).toEqual([
      { code: 'INTERNATIONAL', label: 'International', count: 4 },
      { code: 'LOCAL', label: 'Local', count: 4 },
      { code: 'REGIONAL', label: 'Regional', count: 2 },
    ]);
  });

  it('show free text and unknown codes as themselves', () => {
    expect(labelFor(null, 'European Union (EU)')).toBe('European Union (EU)');
    expect(labelFor('Sector', 'NO_SUCH_SECTOR')).toBe('NO_SUCH_SECTOR');
  });

  it('order years ascending and cross counts by count, then codes', () => {
    expect(yearCounts([{ y: 2018, count: 1 }, { y: null, count: 5 }, { y: 2013, count: 4 }], 'y')).toEqual([
      { year: 2013, count: 4 },
      { year: 2018, count: 1 },
    ]);
    expect(crossCounts([{ row: 'B', column: 'X', count: 1 }, { row: 'A', column: 'Y', count: 1 }, { row: 'C', column: 'X', count: 2 }])).toEqual([
      { row: 'C', column: 'X', count: 2 },
      { row: 'A', column: 'Y', count: 1 },
      { row: 'B', column: 'X', count: 1 },
    ]);
  });
});
