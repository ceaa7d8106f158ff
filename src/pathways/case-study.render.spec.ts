import { isPartialDate } from './pathways.inputs.js';
import { mdEscape, para, renderCaseStudyHtml, renderCaseStudyMarkdown, seg, type Block } from './case-study.render.js';

describe('case study rendering', () => {
  it('escapes Markdown syntax in record text, so it stays text', () => {
    expect(mdEscape('# not a heading')).toBe('\\# not a heading');
    expect(mdEscape('- not a list')).toBe('\\- not a list');
    expect(mdEscape('1. not a list')).toBe('1\\. not a list');
    expect(mdEscape('[x](javascript:alert(1)) <b>*a*_b_`c`|')).toBe('\\[x\\](javascript:alert(1)) \\<b\\>\\*a\\*\\_b\\_\\`c\\`\\|');
    expect(mdEscape('two\n  lines')).toBe('two lines');
  });

  it('keeps emphasis markers against the text, as CommonMark needs', () => {
    const md = renderCaseStudyMarkdown([para(seg('Funder: ', { strong: true }), 'ESRC', seg(' (confidential)', { strong: true }))]);
    expect(md).toBe('**Funder:** ESRC **(confidential)**\n');
  });

  it('renders the same blocks as a self-contained, escaped HTML page', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, text: 'Sources <to> corroborate' },
      { kind: 'list', ordered: true, items: [[seg('a & b', { em: true }), seg('https://example.org/?a=1&b=2', { href: 'https://example.org/?a=1&b=2' })]] },
      { kind: 'table', head: ['<th>'], rows: [['"quoted"']] },
      { kind: 'quote', text: "it's <script>" },
    ];
    const html = renderCaseStudyHtml('T <1>', blocks);
    expect(html).toContain('<title>T &lt;1&gt;</title>');
    expect(html).toContain('<h2>Sources &lt;to&gt; corroborate</h2>');
    expect(html).toContain('<ol><li><em>a &amp; b</em><a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer">');
    expect(html).toContain('<td>&quot;quoted&quot;</td>');
    expect(html).toContain('<blockquote>it&#39;s &lt;script&gt;</blockquote>');
    expect(html).not.toMatch(/<script|\ssrc=|<link rel="stylesheet"/);
  });
});

describe('evidence dates', () => {
  it('takes a year, a month or a day that exists', () => {
    for (const ok of ['2013', '2013-11', '2013-11-30', '2012-02-29']) expect(isPartialDate(ok)).toBe(true);
    for (const bad of ['13', '2013-13', '2013-02-30', '2013-11-1', '1899', '3000', 'Nov 2013', 2013]) expect(isPartialDate(bad)).toBe(false);
  });
});
