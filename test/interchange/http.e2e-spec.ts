import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { startTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE, GTR_FIXTURE } from '../support/fixture.js';
import { tableCounts } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ IMPORT_BODY_LIMIT: '256kb' });
});
afterAll(() => t.close());

/** POSTs a body as a stream of chunks (chunked transfer, no length given up front). */
function postStream(path: string, chunks: string[], headers: Record<string, string> = {}, token: string | null = t.adminToken) {
  const body = Readable.toWeb(Readable.from(chunks.map((c) => Buffer.from(c)))) as ReadableStream;
  return fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

const CSV_HEADER = 'description,form,primaryAudience,geographicReach,awardReferences\n';
const csvRows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `Streamed talk ${from + i},A talk or presentation,Schools,Local,${FIXTURE_REFERENCE}\n`).join('');

describe('POST /imports and GET /exports', () => {
  it('imports a GtR page sent as the request body', async () => {
    const res = await postStream(`/imports?format=gtr_text&award=${encodeURIComponent(FIXTURE_REFERENCE)}`, [GTR_FIXTURE.slice(0, 5000), GTR_FIXTURE.slice(5000)]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 47, awardsCreated: 1, problems: [], dataQuality: [] });
  });

  it('takes a GtR JSON file sent as application/json (through the app JSON parser) or as a plain stream', async () => {
    const json = readFileSync(new URL('../fixtures/interchange/gtr-outcomes.json', import.meta.url), 'utf8');
    const parsed = await fetch(`${t.baseUrl}/imports?format=gtr_json&award=ES/T000001/1&dryRun=1`, {
      method: 'POST', headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' }, body: json,
    });
    expect(await parsed.json()).toMatchObject({ created: 7, awardsCreated: 1, problems: [] });
    const streamed = await postStream('/imports?format=gtr_json&award=ES/T000001/1&dryRun=true', [json], { 'content-type': 'application/octet-stream' });
    expect(await streamed.json()).toMatchObject({ created: 7, awardsCreated: 1, problems: [] });
  });

  it('streams a CSV body in chunks; dryRun writes nothing', async () => {
    const chunks = [CSV_HEADER, csvRows(500, 0), csvRows(700, 500)];
    const before = await tableCounts(t);
    const dry = await postStream('/imports?format=CSV&type=engagement_activity&dryRun=true', chunks, { 'content-type': 'text/csv' });
    expect(await dry.json()).toMatchObject({ created: 1200, attributed: 1200, problems: [] });
    expect(await tableCounts(t)).toEqual(before);
    const res = await postStream('/imports?format=CSV&type=engagement_activity', chunks, { 'content-type': 'text/csv' });
    expect(await res.json()).toMatchObject({ created: 1200, problems: [] });
    const again = await postStream('/imports?format=csv&type=ENGAGEMENT_ACTIVITY', chunks, { 'content-type': 'text/csv' });
    expect(await again.json()).toMatchObject({ created: 0, unchanged: 1200 });
  });

  it('refuses a body over IMPORT_BODY_LIMIT with 413 and writes nothing', async () => {
    const before = await tableCounts(t);
    const res = await postStream('/imports?format=csv&type=engagement_activity', [CSV_HEADER, ...Array.from({ length: 10 }, (_, i) => csvRows(600, 10_000 + i * 600))]);
    expect(res.status).toBe(413);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('answers bad parameters and missing tokens in the error vocabulary', async () => {
    const post = (path: string, token: string | null = t.adminToken) =>
      fetch(`${t.baseUrl}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: CSV_HEADER });
    const noToken = await post('/imports?format=csv&type=engagement_activity', null);
    expect(noToken.status).toBe(401);
    const bad = await post('/imports?format=docx');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', fields: [{ path: 'format' }] } });
    const noType = await post('/imports?format=csv');
    expect(await noType.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', fields: [{ path: 'type' }] } });
    expect((await fetch(`${t.baseUrl}/exports?format=csv`)).status).toBe(401);
  });

  it('downloads exports as files with their content type and name', async () => {
    const auth = { authorization: `Bearer ${t.adminToken}` };
    const page = await fetch(`${t.baseUrl}/exports?format=gtr_text&award=${encodeURIComponent(FIXTURE_REFERENCE)}`, { headers: auth });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(page.headers.get('content-disposition')).toBe('attachment; filename="ES-J008435-1.txt"');
    expect(await page.text()).toMatch(/^The role of mutuals in public service innovation\n/);
    const csv = await fetch(`${t.baseUrl}/exports?format=csv&type=further_funding&award=${encodeURIComponent(FIXTURE_REFERENCE)}`, { headers: auth });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\n').filter(Boolean)).toHaveLength(9);
    const xlsx = await fetch(`${t.baseUrl}/exports?format=researchfish_xlsx`, { headers: auth });
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const json = await fetch(`${t.baseUrl}/exports?format=gtr_json&award=${encodeURIComponent(FIXTURE_REFERENCE)}`, { headers: auth });
    expect(((await json.json()) as { totalSize: number }).totalSize).toBe(1247);
    const none = await fetch(`${t.baseUrl}/exports?format=gtr_text`, { headers: auth });
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', fields: [{ path: 'award' }] } });
  });
});
