import { esc } from '../returns/render/svg.js';

/** A run of plain text; renderers escape it, so records can never inject markup into either output. */
export interface Segment {
  text: string;
  strong?: boolean;
  em?: boolean;
  /** http(s) only (inputs are validated): shown as a link */
  href?: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; segments: Segment[] }
  | { kind: 'list'; ordered?: boolean; items: Segment[][] }
  | { kind: 'quote'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] };

export const seg = (text: string, opts: Omit<Segment, 'text'> = {}): Segment => ({ text, ...opts });
export const para = (...segments: (Segment | string)[]): Block => ({ kind: 'paragraph', segments: segments.map((s) => (typeof s === 'string' ? seg(s) : s)) });

// ---------- Markdown ----------

/** Backslash-escapes what Markdown would read as syntax; line breaks in a run are folded to spaces. */
export function mdEscape(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    // a run that starts a line must not start a heading, list or quote
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function mdSegment(s: Segment): string {
  // emphasis markers must touch the text ("**Funder:** ESRC"): CommonMark ignores "**Funder: **"
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text)!;
  let out = mdEscape(core);
  if (s.strong && core) out = `**${out}**`;
  if (s.em && core) out = `*${out}*`;
  // the link target is a validated http(s) URL; <> keeps spaces and parentheses in it safe
  if (s.href) out = `[${out}](<${s.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  return `${lead ? ' ' : ''}${out}${trail ? ' ' : ''}`;
}

const mdSegments = (ss: Segment[]) => ss.map(mdSegment).join('');

export function renderCaseStudyMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${mdEscape(b.text)}`);
        break;
      case 'paragraph':
        out.push(mdSegments(b.segments));
        break;
      case 'list':
        out.push(b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${mdSegments(item)}`).join('\n'));
        break;
      case 'quote':
        out.push(`> ${mdEscape(b.text)}`);
        break;
      case 'table': {
        const row = (cells: string[]) => `| ${cells.map(mdEscape).join(' | ')} |`;
        out.push([row(b.head), `| ${b.head.map(() => '---').join(' | ')} |`, ...b.rows.map(row)].join('\n'));
        break;
      }
    }
  }
  return `${out.join('\n\n')}\n`;
}

// ---------- HTML ----------

function htmlSegment(s: Segment): string {
  let out = esc(s.text);
  if (s.strong) out = `<strong>${out}</strong>`;
  if (s.em) out = `<em>${out}</em>`;
  if (s.href) out = `<a href="${esc(s.href)}" rel="noopener noreferrer">${out}</a>`;
  return out;
}

const htmlSegments = (ss: Segment[]) => ss.map(htmlSegment).join('');

const STYLE = `body{font:15px/1.5 Georgia,"Times New Roman",serif;color:#1b1b1b;margin:2rem auto;max-width:48rem;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem}
blockquote{margin:.5rem 0 .5rem 1rem;padding-left:.75rem;border-left:3px solid #bbb;color:#333}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d0d0;padding:.2rem .5rem;text-align:left}th{background:#f2f4f7}
a{color:#1f5f8b;overflow-wrap:anywhere}@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}}`;

/** A self-contained page: inline style only, no script, no external asset (the favicon is an empty data: URL). */
export function renderCaseStudyHtml(title: string, blocks: Block[]): string {
  const body = blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
      case 'paragraph':
        return `<p>${htmlSegments(b.segments)}</p>`;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        return `<${tag}>${b.items.map((item) => `<li>${htmlSegments(item)}</li>`).join('')}</${tag}>`;
      }
      case 'quote':
        return `<blockquote>${esc(b.text)}</blockquote>`;
      case 'table':
        return `<table><thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
          .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
    }
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><style>${STYLE}</style></head><body>
${body.join('\n')}
</body></html>
`;
}
