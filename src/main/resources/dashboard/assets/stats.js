// Statistics: the figures as text first, with simple SVG bar charts for people who would rather
// look than read. Each chart repeats its numbers in a table for screen readers.
import { h, labelOf, duration, select } from './dom.js';
import * as api from './api.js';

const SVG = 'http://www.w3.org/2000/svg';

export async function statsView(ctx, main, params) {
  const body = h('div', { class: 'stats' });
  const range = select('days', [['7', 'Last 7 days'], ['30', 'Last 30 days'], ['90', 'Last 90 days'], ['365', 'Last year']], params.days || '30', { id: 'stats-days' });
  range.addEventListener('change', () => ctx.navigate('#/stats' + api.query({ days: range.value }), { replace: true }));
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Statistics'),
    h('div', { class: 'field inline' }, h('label', { for: 'stats-days' }, 'Period'), range),
    body);

  async function update(next) {
    range.value = next.days || '30';
    const stats = await api.get('/api/v1/complaints/stats' + api.query({ days: range.value }));
    body.replaceChildren(
      h('ul', { class: 'figures' },
        figure('Open complaints', stats.open),
        figure('All complaints', stats.total),
        figure(`Resolved in the period`, stats.resolved_in_period),
        figure('Median time to resolve', duration(stats.median_resolution_seconds))),
      chart('Complaints by status', Object.entries(stats.by_status).map(([k, v]) => [labelOf(k), v])),
      chart('Open complaints by hostel', stats.open_by_hostel.map((x) => [ctx.hostelName(x.hostel), x.count])),
      chart('Open complaints by category', stats.open_by_category.map((x) => [labelOf(x.category), x.count])),
      daily(`Complaints created per day (UTC), ${stats.days} days`, stats.created_per_day),
      chart('Reporters’ average rating (of 5) by hostel', (stats.rating_by_hostel || []).map((x) => [`${ctx.hostelName(x.hostel)} (${x.count})`, x.average])),
      chart('Reporters’ average rating (of 5) by porter', (stats.rating_by_porter || []).map((x) => [`${x.porter_id ? ctx.personName(x.porter_id) : 'Unassigned'} (${x.count})`, x.average])),
    );
  }

  await update(params);
  return { title: 'Statistics', update, onEvent: debounce(() => update({ days: range.value }), 1000) };
}

function figure(label, value) {
  return h('li', null, h('span', { class: 'figure' }, String(value)), h('span', { class: 'figure-label' }, label));
}

// Charts are drawn for the width they get, so their 12 px labels stay 12 px on a phone instead of
// being scaled down with the picture.
function drawingWidth(widest) {
  const main = document.getElementById('main');
  // Narrower than the room it gets (main's and the card's padding), so it is only ever scaled up.
  const available = main ? main.clientWidth - 96 : widest;
  return Math.max(260, Math.min(widest, available));
}

function chart(title, rows) {
  const max = Math.max(1, ...rows.map(([, v]) => v));
  const barHeight = 26;
  const labelWidth = 130;
  const width = drawingWidth(520);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${Math.max(1, rows.length) * barHeight}`, role: 'img', 'aria-label': `${title}: ${rows.map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`, class: 'chart' });
  rows.forEach(([label, value], i) => {
    const y = i * barHeight;
    const w = Math.round(((width - labelWidth - 50) * value) / max);
    svg.append(
      text(label, 0, y + 17, 'chart-label'),
      svgEl('rect', { x: labelWidth, y: y + 4, width: Math.max(w, value ? 2 : 0), height: barHeight - 8, class: 'bar' }),
      text(String(value), labelWidth + w + 6, y + 17, 'chart-value'));
  });
  return section(title, rows.length ? svg : h('p', { class: 'hint' }, 'Nothing to show.'), rows);
}

function daily(title, days) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const width = drawingWidth(640);
  const height = 180;
  const bottom = 24;
  const step = width / Math.max(1, days.length);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-label': `${title}: ${total} in total, at most ${max} on one day` });
  days.forEach((d, i) => {
    const h2 = Math.round(((height - bottom - 14) * d.count) / max);
    const rect = svgEl('rect', { x: i * step + 1, y: height - bottom - h2, width: Math.max(1, step - 2), height: h2, class: 'bar' });
    rect.append(svgEl('title', {}, `${d.date}: ${d.count}`));
    svg.append(rect);
  });
  svg.append(text(days[0]?.date || '', 0, height - 6, 'chart-label'));
  const last = text(days[days.length - 1]?.date || '', width, height - 6, 'chart-label');
  last.setAttribute('text-anchor', 'end');
  svg.append(last, text(`max ${max}`, 0, 12, 'chart-value'));
  return section(title, svg, days.map((d) => [d.date, d.count]));
}

function section(title, visual, rows) {
  return h('section', { class: 'chart-card' },
    h('h2', null, title),
    visual,
    h('details', null, h('summary', null, 'Show the numbers'),
      h('table', null, h('tbody', null, rows.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, String(v))))))));
}

function svgEl(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

function text(content, x, y, cls) {
  return svgEl('text', { x, y, class: cls }, content);
}

function debounce(fn, wait) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, wait);
  };
}
