/**
 * One SVG chart per report table, drawn on the server with Observable Plot (linkedom stands in
 * for the DOM Plot writes to), so the page needs no chart script and prints as it shows. Each
 * chart is an image with a label; the table beside it carries the numbers for screen readers.
 * A suppressed count ("x") is drawn as no bar with "x" written where the bar would start:
 * a bar's length would give the count back.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { LocalePath } from '../i18n/locales.ts';
import { formatNumber } from '../i18n/ui.ts';
import { suppressed, type Cell } from './cells.ts';
import type { ReportTable } from './tables.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

interface Datum {
  label: string;
  series: string;
  value: number;
  text: string;
}

/** Percent with the language's digits and separators, e.g. "53,2 %" in Vietnamese. */
export function formatShare(lang: LocalePath, value: number): string {
  return `${formatNumber(lang, Math.round(value * 1000) / 10)} %`;
}

/** A cell as text: a number in the language's format, a percentage, "x", or "–" for nothing. */
export function formatCell(lang: LocalePath, cell: Cell, kind: 'count' | 'share'): string {
  if (cell === null) return '–';
  if (cell === suppressed) return suppressed;
  return kind === 'share' ? formatShare(lang, cell) : formatNumber(lang, cell);
}

/** Which column a table's chart draws, and how. */
const chartOf: Partial<Record<ReportTable['id'], { columns: string[]; orientation: 'vertical' | 'horizontal' }>> = {
  byMonth: { columns: ['participants'], orientation: 'vertical' },
  byArea: { columns: ['participants'], orientation: 'horizontal' },
  bySetting: { columns: ['participants'], orientation: 'horizontal' },
  byEthnicity: { columns: ['participants'], orientation: 'horizontal' },
  byAge: { columns: ['participants'], orientation: 'horizontal' },
  bySex: { columns: ['participants'], orientation: 'horizontal' },
  materials: { columns: ['sessions'], orientation: 'horizontal' },
  knowledge: { columns: ['rightBefore', 'rightAfter'], orientation: 'horizontal' },
};

/** Chart colours: one series, or before (light) and after (dark) of a two-column chart. */
const single = '#1d4e89';
const pair = ['#8fb0d6', '#1d4e89'];

/**
 * The width charts are drawn at. Small on purpose: a phone shows them at about this size, so their
 * 13 px text stays 13 px; a wider screen scales them up to the CSS max-width.
 */
const width = 360;
const fontSize = 13;
/** The height of one bar's row, with its label above the bar. */
const rowHeight = 40;

/** Escapes text for an HTML attribute or element. */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Marks the chart as one labelled image and returns its markup. */
function labelled(svg: SVGSVGElement | HTMLElement, title: string): string {
  const element = svg as unknown as Element;
  // Plot names its groups ("bar", "x-axis tick"): inside one image those names are noise, and on
  // a <g> without a role ARIA forbids them.
  for (const part of element.querySelectorAll('[aria-label], [aria-description]')) {
    part.removeAttribute('aria-label');
    part.removeAttribute('aria-description');
  }
  // Plot asks for tabular digits with font-variant="tabular-nums", a value SVG's attribute does not
  // allow (invalid HTML); reports.css asks for them in CSS instead.
  for (const part of element.querySelectorAll('[font-variant]')) part.removeAttribute('font-variant');
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', title);
  return element.outerHTML;
}

/**
 * The chart of `table` as HTML (an SVG, with a legend when it has two series), or undefined for
 * a table without a chart or without rows. Horizontal bars carry their label above the bar, not
 * beside it, so long pack titles fit a 360 px phone.
 */
export function chartSvg(table: ReportTable, lang: LocalePath): string | undefined {
  const chart = chartOf[table.id];
  if (!chart || table.rows.length === 0) return undefined;
  const columns = table.columns.filter((column) => chart.columns.includes(column.id));
  const share = columns.every((column) => column.kind === 'share');
  const data: Datum[] = table.rows.flatMap((row) =>
    columns.map((column) => {
      const cell = row.cells[table.columns.indexOf(column)] ?? null;
      return {
        label: row.label,
        series: column.label,
        value: typeof cell === 'number' ? cell : 0,
        text: formatCell(lang, cell, column.kind),
      };
    }),
  );
  const tickFormat = (value: number) => (share ? formatShare(lang, value) : formatNumber(lang, value));
  const style = { fontSize: `${fontSize}px`, overflow: 'visible' };

  if (chart.orientation === 'vertical') {
    const labels = table.rows.map((row) => row.label);
    return labelled(
      Plot.plot({
        document,
        width,
        height: 220,
        marginBottom: 56,
        marginLeft: 48,
        style,
        x: { domain: labels, label: null, tickRotate: -45 },
        y: { grid: true, label: null, tickFormat, ticks: 4 },
        marks: [Plot.barY(data, { x: 'label', y: 'value', fill: single }), Plot.ruleY([0])],
      }),
      table.title,
    );
  }

  const key = (datum: Datum) => `${datum.label}\u0000${datum.series}`;
  const firstOfRow = data.filter((_, index) => index % columns.length === 0);
  const colours = columns.length > 1 ? pair : [single];
  const svg = labelled(
    Plot.plot({
      document,
      width,
      height: data.length * rowHeight + 40,
      marginLeft: 16,
      marginRight: 56,
      marginTop: 24,
      style,
      x: { grid: true, label: null, tickFormat, ticks: 3, ...(share && { domain: [0, 1] }) },
      y: { domain: data.map(key), axis: null, paddingInner: 0.5, paddingOuter: 0.2 },
      color: { domain: columns.map((column) => column.label), range: colours },
      marks: [
        Plot.barX(data, { x: 'value', y: key, fill: 'series' }),
        Plot.text(data, { x: 'value', y: key, text: 'text', dx: 4, textAnchor: 'start', fill: 'currentColor' }),
        // The label sits in the gap above its row's first bar.
        Plot.text(firstOfRow, {
          x: 0,
          y: key,
          text: 'label',
          dy: -rowHeight * 0.42,
          textAnchor: 'start',
          fill: 'currentColor',
          lineWidth: 40,
        }),
        Plot.ruleX([0]),
      ],
    }),
    table.title,
  );
  if (columns.length === 1) return svg;
  const legend = columns
    .map(
      (column, index) =>
        `<li><span class="chart-swatch" style="background:${colours[index] ?? single}"></span>${html(column.label)}</li>`,
    )
    .join('');
  return `<ul class="chart-legend" aria-hidden="true">${legend}</ul>${svg}`;
}
