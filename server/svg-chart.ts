/** A stacked bar chart as an SVG string, drawn on the server: no script, no inline style (CSP). */

export interface ChartSeries {
  name: string;
  /** A CSS class (letters, digits, dashes) that colours the bars; the stylesheet defines it. */
  className: string;
  values: number[];
}

export interface BarChartInput {
  title: string;
  description: string;
  categories: string[];
  series: ChartSeries[];
  formatValue: (value: number) => string;
  width?: number;
  height?: number;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** 1, 2 or 5 times a power of ten, so axis ticks read naturally. */
export function niceStep(max: number, ticks: number): number {
  if (!(max > 0)) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 5, 10].find((f) => f * power >= raw) ?? 10;
  return factor * power;
}

export function renderBarChart(input: BarChartInput): string {
  const width = input.width ?? 760;
  const height = input.height ?? 280;
  const margin = { top: 16, right: 12, bottom: 48, left: 72 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const totals = input.categories.map((_, i) => input.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0));
  const step = niceStep(Math.max(0, ...totals), 4);
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const band = input.categories.length ? plotWidth / input.categories.length : plotWidth;
  const barWidth = Math.max(2, Math.min(48, band * 0.7));
  const labelEvery = Math.max(1, Math.ceil(input.categories.length / 12));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">`,
    `<title id="chart-title">${escapeXml(input.title)}</title><desc id="chart-desc">${escapeXml(input.description)}</desc>`,
  );
  for (let value = 0; value <= top + step / 2; value += step) {
    const at = y(value).toFixed(1);
    parts.push(`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${at}" y2="${at}"/>`);
    parts.push(`<text class="axis" x="${margin.left - 6}" y="${at}" text-anchor="end" dominant-baseline="middle">${escapeXml(input.formatValue(value))}</text>`);
  }
  input.categories.forEach((category, i) => {
    const x = margin.left + band * i + (band - barWidth) / 2;
    let base = 0;
    const tooltip: string[] = [category];
    for (const series of input.series) {
      const value = Math.max(0, series.values[i] ?? 0);
      if (value > 0) {
        const y1 = y(base + value);
        const h = y(base) - y1;
        parts.push(`<rect class="bar ${escapeXml(series.className)}" x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${Math.max(0.5, h).toFixed(1)}"><title>${escapeXml(`${category} · ${series.name}: ${input.formatValue(value)}`)}</title></rect>`);
        tooltip.push(`${series.name} ${input.formatValue(value)}`);
      }
      base += value;
    }
    if (i % labelEvery === 0) {
      parts.push(`<text class="axis" x="${(x + barWidth / 2).toFixed(1)}" y="${height - margin.bottom + 16}" text-anchor="middle">${escapeXml(category)}</text>`);
    }
  });
  let legendX = margin.left;
  for (const series of input.series) {
    parts.push(`<rect class="bar ${escapeXml(series.className)}" x="${legendX}" y="${height - 18}" width="12" height="12"/>`);
    parts.push(`<text class="legend" x="${legendX + 16}" y="${height - 8}">${escapeXml(series.name)}</text>`);
    legendX += 24 + series.name.length * 7.5;
  }
  parts.push('</svg>');
  return parts.join('');
}
