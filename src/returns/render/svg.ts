/** Small server-side SVG charts: no script, no external assets, printable. */

export interface Bar {
  label: string;
  /** bar length; only for geometry */
  value: number;
  /** the text shown (exact figures stay exact) */
  text: string;
}

export const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const COLOURS = ['#1f5f8b', '#3c8d5a', '#c07a1a', '#8b3a62', '#5b5ea6', '#2a8c8c', '#9b4a2f'];

/** A horizontal bar chart, one bar per row. */
export function barChart(title: string, bars: Bar[]): string {
  const rowH = 26;
  const labelW = 230;
  const chartW = 360;
  const height = 34 + Math.max(bars.length, 1) * rowH;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const rows = bars.map((b, i) => {
    const y = 30 + i * rowH;
    const w = Math.max(2, (b.value / max) * chartW);
    return `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" class="label">${esc(b.label)}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${COLOURS[i % COLOURS.length]}"><title>${esc(b.label)}: ${esc(b.text)}</title></rect>` +
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 16}" class="value">${esc(b.text)}</text>`;
  });
  const empty = bars.length ? '' : `<text x="${labelW}" y="48" class="label">No data</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" class="chart" width="${labelW + chartW + 140}" height="${height}" viewBox="0 0 ${labelW + chartW + 140} ${height}">` +
    `<text x="0" y="18" class="title">${esc(title)}</text>${rows.join('')}${empty}</svg>`;
}

/** Grouped bars: one group per row label, one coloured bar per series, with a legend. */
export function groupedChart(title: string, rows: string[], series: string[], value: (row: string, s: string) => number): string {
  const bars: string[] = [];
  const barH = 12;
  const groupH = Math.max(series.length, 1) * barH + 10;
  const labelW = 230;
  const chartW = 360;
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => value(r, s))));
  rows.forEach((r, i) => {
    const y0 = 30 + i * groupH;
    bars.push(`<text x="${labelW - 8}" y="${y0 + groupH / 2}" text-anchor="end" class="label">${esc(r)}</text>`);
    series.forEach((s, j) => {
      const v = value(r, s);
      if (!v) return;
      bars.push(`<rect x="${labelW}" y="${y0 + j * barH}" width="${((v / max) * chartW).toFixed(1)}" height="${barH - 2}" fill="${COLOURS[j % COLOURS.length]}"><title>${esc(r)} / ${esc(s)}: ${v}</title></rect>` +
        `<text x="${(labelW + (v / max) * chartW + 4).toFixed(1)}" y="${y0 + j * barH + 9}" class="value small">${v}</text>`);
    });
  });
  const legendY = 30 + rows.length * groupH + 8;
  const legend = series.map((s, j) => `<rect x="${labelW + j * 120}" y="${legendY}" width="10" height="10" fill="${COLOURS[j % COLOURS.length]}"/><text x="${labelW + j * 120 + 14}" y="${legendY + 9}" class="value small">${esc(s)}</text>`);
  const height = legendY + 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" class="chart" width="${labelW + chartW + 140}" height="${height}" viewBox="0 0 ${labelW + chartW + 140} ${height}">` +
    `<text x="0" y="18" class="title">${esc(title)}</text>${bars.join('')}${legend.join('')}</svg>`;
}
