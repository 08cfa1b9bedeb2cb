// Stacked bar chart in plain SVG (no library): one bar per minute, one colour per series, and the same numbers in a
// table for screen readers.
import { el } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const svg = (tag, attributes) => {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  return node;
};

export function stackedBars({ title, labels, series }) {
  const width = 720, height = 220, left = 40, bottom = 24, top = 8;
  const totals = labels.map((_, i) => series.reduce((s, x) => s + x.values[i], 0));
  // An even top keeps the middle gridline on a whole number.
  const highest = Math.max(1, ...totals);
  const max = highest % 2 === 1 ? highest + 1 : highest;
  const step = (width - left) / Math.max(1, labels.length);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title}: ${totals.reduce((a, b) => a + b, 0)} in total` });
  chart.setAttribute('data-total', String(totals.reduce((a, b) => a + b, 0)));
  for (const fraction of [0, 0.5, 1]) {
    const y = top + (height - top - bottom) * (1 - fraction);
    chart.append(svg('line', { x1: left, x2: width, y1: y, y2: y, stroke: '#c9d1da' }));
    const tick = svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#4a5461' });
    tick.textContent = String(Math.round(max * fraction));
    chart.append(tick);
  }

  labels.forEach((label, i) => {
    let y = height - bottom;
    for (const s of series) {
      const h = ((height - top - bottom) * s.values[i]) / max;
      if (h > 0) {
        chart.append(svg('rect', { x: left + i * step + 1, y: y - h, width: Math.max(1, step - 2), height: h, fill: s.color }));
        y -= h;
      }
    }

    if (i % Math.ceil(labels.length / 6) === 0) {
      const text = svg('text', { x: left + i * step, y: height - 6, 'font-size': 11, fill: '#4a5461' });
      text.textContent = label;
      chart.append(text);
    }
  });

  const legend = el('div', { class: 'legend' }, series.map((s) => el('span', {}, el('span', { class: `swatch c-${s.key}` }), s.name)));
  // The hidden box is a div around the table: a table grows to fit its rows whatever its height says, and an hour
  // of rows would lengthen the page.
  const data = el('div', { class: 'visually-hidden' }, el('table', {},
    el('caption', {}, title),
    el('tr', {}, el('th', { scope: 'col' }, 'minute'), series.map((s) => el('th', { scope: 'col' }, s.name))),
    labels.map((label, i) => el('tr', {}, el('td', {}, label), series.map((s) => el('td', {}, s.values[i]))))));
  const figure = el('figure', { class: 'chart' }, el('figcaption', { class: 'hint' }, title));
  figure.append(chart, legend, data);
  return figure;
}

export const minuteLabel = (iso) => new Date(iso).toTimeString().slice(0, 5);
