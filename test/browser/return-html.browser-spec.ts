import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE, loadGtrFixture } from '../support/fixture.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';

let t: TestApp;
let browser: Browser;
let returnId: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  t = await startTestApp();
  await loadGtrFixture(t);
  await t.ok('mutation { setExchangeRate(currency: "EUR", year: 2017, rate: "0.8767", base: "GBP") { rate } }');
  const period = await t.ok('mutation($i: ReportingPeriodInput!) { createReportingPeriod(input: $i) { id } }', {
    i: { name: 'Researchfish 2026', opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000), coversFrom: '2012-01-01T00:00:00Z', coversTo: '2020-03-31T00:00:00Z' },
  });
  const s = await t.ok('mutation($p: ID!) { submitAnnualReturn(awardReference: "ES/J008435/1", periodId: $p) { id } }', { p: period.createReportingPeriod.id });
  returnId = s.submitAnnualReturn.id;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // The machine's network is closed: background networking only produces refused connections.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('renders the printable return with its charts and no console errors', async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  // Any request leaving the page would be an external asset: the page must be self-contained.
  page.on('request', (r) => !r.url().startsWith(t.baseUrl) && !r.url().startsWith('data:') && problems.push(`external request ${r.url()}`));
  await page.setExtraHTTPHeaders({ authorization: `Bearer ${t.adminToken}` });
  const res = await page.goto(`${t.baseUrl}/returns/${returnId}?format=html`);
  expect(res?.status()).toBe(200);
  await expect(page.title()).resolves.toBe(`Annual return ${FIXTURE_REFERENCE}`);
  const charts = await page.$$eval('svg.chart', (svgs) =>
    svgs.map((s) => ({ label: s.getAttribute('aria-label'), bars: s.querySelectorAll('rect').length, width: s.getBoundingClientRect().width })),
  );
  expect(charts.map((c) => c.label)).toEqual(
    expect.arrayContaining(['Engagement activities by year', 'Further funding by sector (GBP)', 'Further funding by sector (EUR)', 'Primary audience by geographic reach']),
  );
  for (const c of charts) {
    expect(c.bars).toBeGreaterThan(0);
    expect(c.width).toBeGreaterThan(100);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/annual-return.png`, fullPage: true });
  await page.locator('.charts').screenshot({ path: `${ARTIFACTS}/annual-return-charts.png` });
  expect(problems).toEqual([]);
});
