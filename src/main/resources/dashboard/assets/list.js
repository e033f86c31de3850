// The complaint list: filters, search, sort and paging kept in the URL, counts per status, and rows
// that change in place when the live feed reports a change.
import { h, select, formatTime, labelOf } from './dom.js';
import * as api from './api.js';
import { bulkSelection } from './bulk.js';

export const STATUSES = ['reported', 'in_progress', 'on_hold', 'resolved', 'closed'];
export const SEVERITIES = ['low', 'medium', 'high'];
const PAGE_SIZE = 20;
const FILTERS = ['status', 'hostel', 'category', 'severity', 'channel', 'priority', 'assigned_porter_id', 'q', 'sort'];
const CHANNELS = [['', 'Any channel'], ['bot', 'Telegram bot'], ['portal', 'Web page'], ['poster', 'Room poster'], ['staff', 'Staff']];
const SORTS = [
  ['-created_at', 'Newest first'],
  ['created_at', 'Oldest first'],
  ['-updated_at', 'Recently changed'],
  ['-severity', 'Most severe first'],
  ['-priority', 'Highest priority first'],
  ['due', 'Next due first'],
];

export async function listView(ctx, main, initial) {
  let params = {};
  let page = null;
  let countsTimer = null;
  let searchTimer = null;
  let destroyed = false;

  const heading = h('h1', { tabindex: '-1' }, 'Complaints');
  const strip = h('ul', { class: 'status-strip', 'aria-label': 'Complaints per status' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter complaints' });
  const summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const bulk = bulkSelection(ctx, STATUSES, () => update(params, { quiet: true }));
  const table = h('table', { class: 'complaints' },
    h('caption', { class: 'visually-hidden' }, 'Complaints matching the filters'),
    h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'choose-cell' }, h('span', { class: 'visually-hidden' }, 'Choose')), ['Room', 'Category', 'Severity', 'Status', 'Assigned to', 'Description', 'Created'].map((t) => h('th', { scope: 'col' }, t)), h('th', { scope: 'col' }, 'Channel'))),
    tbody);
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  // Block-wide incidents come first: forty reports of one outage are one problem.
  const incidents = h('section', { class: 'incident-banner', 'aria-label': 'Active incidents', hidden: true });
  // The export takes the same filters as the list, so the file holds what the list shows.
  const download = h('a', { class: 'button-link', id: 'download-csv', download: '' }, 'Download CSV');
  // On a phone the list matters more than the filters, so they start folded there.
  const filters = h('details', { class: 'filter-box', open: matchMedia('(min-width: 721px)').matches },
    h('summary', null, 'Filters, search and sort'), form);
  main.replaceChildren(heading, incidents, strip, filters,
    h('div', { class: 'list-head' }, summary, download), bulk.bar, h('div', { class: 'table-wrap' }, table), pager);

  function buildForm() {
    const people = ctx.me.role === 'admin'
      ? [['', 'Anyone'], ...ctx.assignable().map((p) => [p.id, p.full_name])]
      : [['', 'All I may see'], [ctx.me.id, 'Assigned to me']];
    const q = h('input', { type: 'search', name: 'q', value: params.q || '', maxlength: '200', placeholder: 'e.g. C-12 or A312', id: 'filter-q' });
    const controls = [
      ['Status', select('status', [['', 'Any status'], ...STATUSES.map((s) => [s, labelOf(s)])], params.status, { id: 'filter-status' })],
      ['Hostel', select('hostel', [['', 'Any hostel'], ...ctx.hostels.map((x) => [x.slug, x.display_name])], params.hostel, { id: 'filter-hostel' })],
      ['Category', select('category', [['', 'Any category'], ...ctx.categories.map((c) => [c, labelOf(c)])], params.category, { id: 'filter-category' })],
      ['Severity', select('severity', [['', 'Any severity'], ...SEVERITIES.map((s) => [s, s])], params.severity, { id: 'filter-severity' })],
      ['Channel', select('channel', CHANNELS, params.channel, { id: 'filter-channel' })],
      ['Priority', select('priority', [['', 'Any priority'], ...['urgent', 'high', 'normal', 'low'].map((p) => [p, p])], params.priority, { id: 'filter-priority' })],
      ['Assigned to', select('assigned_porter_id', people, params.assigned_porter_id, { id: 'filter-assignee' })],
      ['Search', q],
      ['Sort', select('sort', SORTS, params.sort || '-created_at', { id: 'filter-sort' })],
    ];
    form.replaceChildren(
      ...controls.map(([label, control]) => h('div', { class: 'field' }, h('label', { for: control.id }, label), control)),
      h('div', { class: 'field filter-buttons' },
        h('button', { type: 'submit', class: 'primary' }, 'Search'),
        h('button', { type: 'button', class: 'secondary', onclick: () => apply({}) }, 'Clear')),
    );
  }

  function formParams() {
    const data = new FormData(form);
    const next = {};
    for (const name of FILTERS) {
      const value = String(data.get(name) || '').trim();
      if (value && !(name === 'sort' && value === '-created_at')) next[name] = value;
    }
    return next;
  }

  function apply(next, pageNumber) {
    if (destroyed) return;
    const all = { ...next };
    if (pageNumber && pageNumber > 1) all.page = pageNumber;
    const hash = '#/complaints' + api.query(all);
    ctx.navigate(hash, { replace: !pageNumber });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(searchTimer);
    apply(formParams());
  });
  form.addEventListener('change', (event) => {
    if (event.target.name !== 'q') apply(formParams());
  });
  form.addEventListener('input', (event) => {
    if (event.target.name !== 'q') return;
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => apply(formParams()), 400);
  });

  async function update(next, { quiet } = {}) {
    const focused = document.activeElement?.id;
    params = { ...next };
    // Rebuilt only when the URL changed from elsewhere (a link, back button), not while typing.
    if (!form.elements.length || JSON.stringify(formParams()) !== JSON.stringify(pick(params))) {
      buildForm();
      const again = focused && document.getElementById(focused);
      if (again) again.focus();
    }
    if (!quiet && !page) summary.textContent = 'Loading…';
    download.href = '/api/v1/complaints/export.csv' + api.query({ ...pick(params), bom: 'true' });
    loadIncidents().catch(() => {});
    const pageNumber = Math.max(1, parseInt(params.page || '1', 10) || 1);
    try {
      const [result] = await Promise.all([
        api.get('/api/v1/complaints' + api.query({ ...pick(params), page: pageNumber, page_size: PAGE_SIZE })),
        loadCounts(),
      ]);
      page = result;
      renderRows();
    } catch (error) {
      if (error.status === 401) return;
      tbody.replaceChildren();
      summary.textContent = error.message;
      pager.replaceChildren();
    }
  }

  async function loadCounts() {
    const counts = await api.get('/api/v1/complaints/counts');
    strip.replaceChildren(
      h('li', null, h('a', { href: '#/complaints', class: params.status ? '' : 'active', 'aria-current': params.status ? null : 'true' },
        h('span', { class: 'count' }, String(counts.total)), ' all')),
      ...STATUSES.map((s) => h('li', null,
        h('a', { href: '#/complaints' + api.query({ ...pick(params), status: s }), class: `status-${s} ${params.status === s ? 'active' : ''}`, 'aria-current': params.status === s ? 'true' : null },
          h('span', { class: 'count' }, String(counts.by_status[s] ?? 0)), ' ', labelOf(s)))),
    );
  }

  async function loadIncidents() {
    const active = await api.get('/api/v1/incidents?status=active');
    incidents.hidden = active.items.length === 0;
    incidents.replaceChildren(
      h('h2', null, active.items.length === 1 ? 'Active incident' : `Active incidents (${active.items.length})`),
      h('ul', null, ...active.items.map((i) => h('li', { 'data-incident': i.id },
        h('strong', null, i.title), ' · ', i.scope.map((s) => ctx.hostelName(s.hostel) + (s.wings.length ? ` (${s.wings.join(', ')})` : '')).join('; '),
        h('br'), i.notice))));
  }

  function refreshCountsSoon() {
    clearTimeout(countsTimer);
    countsTimer = setTimeout(() => loadCounts().catch(() => {}), 300);
  }

  function renderRows() {
    tbody.replaceChildren(...page.items.map(row));
    bulk.reset(page.items);
    const from = page.total === 0 ? 0 : (page.page - 1) * page.page_size + 1;
    const to = from + page.items.length - 1;
    summary.replaceChildren(...(page.total > 0
      ? [`Showing ${from}–${to} of ${ofTotal(page.total)}`]
      : Object.keys(pick(params)).length
        ? ['No complaints match these filters. ', h('a', { href: '#/complaints' }, 'Show all complaints'), ' or ', h('a', { href: '#/new' }, 'log a new one'), '.']
        : ['No complaints yet. They arrive from the reporter bot; to log one that came in by phone or at the desk, use ', h('a', { href: '#/new' }, 'New complaint'), '.']));
    renderPager();
  }

  // Beyond the server's count cap the total is a lower bound; whether a next page exists is
  // next_cursor's to say.
  function ofTotal(n) {
    return page.total_exact === false ? `${n}+` : String(n);
  }

  function renderPager() {
    const filters = pick(params);
    const pages = Math.max(1, page.total_pages);
    pager.replaceChildren(
      h('button', { type: 'button', class: 'secondary', disabled: page.page <= 1, onclick: () => apply(filters, page.page - 1) }, '← Previous'),
      h('span', { class: 'page-of' }, `Page ${page.page} of ${ofTotal(Math.max(pages, page.page))}`),
      h('button', { type: 'button', class: 'secondary', disabled: !page.next_cursor && !page.more, onclick: () => apply(filters, page.page + 1) }, 'Next →'),
    );
  }

  function row(c) {
    const description = c.description.length > 90 ? c.description.slice(0, 89) + '…' : c.description;
    return h('tr', { 'data-id': c.id },
      bulk.cell(c),
      h('td', { 'data-label': 'Room' }, h('a', { href: `#/complaints/${c.id}` }, `${c.reference ? c.reference + ' · ' : ''}${c.room_number} · ${ctx.hostelName(c.hostel)}`)),
      h('td', { 'data-label': 'Category' }, labelOf(c.category)),
      h('td', { 'data-label': 'Severity' }, h('span', { class: `badge severity-${c.severity}` }, c.severity)),
      h('td', { 'data-label': 'Status' }, h('span', { class: `badge status-${c.status}` }, labelOf(c.status))),
      h('td', { 'data-label': 'Assigned to' }, ctx.personName(c.assigned_porter_id)),
      h('td', { 'data-label': 'Description', class: 'description-cell', title: c.description }, description),
      h('td', { 'data-label': 'Created' }, h('time', { datetime: c.created_at }, formatTime(c.created_at))),
      h('td', { 'data-label': 'Channel', class: 'channel-cell' }, CHANNELS.find(([v]) => v === c.channel)?.[1] || c.channel || '—'),
    );
  }

  function matches(c) {
    const p = pick(params);
    for (const key of ['status', 'hostel', 'category', 'severity', 'channel']) if (p[key] && c[key] !== p[key]) return false;
    if (p.assigned_porter_id && c.assigned_porter_id !== p.assigned_porter_id) return false;
    if (p.q) {
      const q = p.q.toLowerCase();
      const byReference = /^c?-?\s*\d+$/.test(q) && String(c.reference || '').toLowerCase().replace('-', '') === `c${q.replace(/^c?-?\s*/, '')}`;
      // As the server's full-text search: every word typed starts a word of the complaint.
      const words = [c.description, c.room_number, c.category].join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u);
      const typed = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (!byReference && !typed.every((t) => words.some((w) => w.startsWith(t)))) return false;
    }
    return true;
  }

  function flash(tr) {
    tr.classList.add('changed');
    setTimeout(() => tr.classList.remove('changed'), 4000);
  }

  async function onEvent(event) {
    if (!page) return;
    refreshCountsSoon();
    const id = event.data?.id || event.data?.complaint_id;
    if (!id) return;
    const existing = tbody.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
    if (event.event_type === 'new_complaint') {
      const newestFirst = !params.sort || params.sort === '-created_at';
      if (existing || page.page !== 1 || !newestFirst) return;
      let complaint;
      try {
        complaint = await api.get(`/api/v1/complaints/${id}`);
      } catch {
        return;
      }
      if (!matches(complaint) || tbody.querySelector(`tr[data-id="${CSS.escape(id)}"]`)) return;
      page.items.unshift(complaint);
      if (page.total_exact !== false) page.total += 1;
      if (page.items.length > page.page_size) {
        page.items.pop();
        page.more = true; // the row pushed off the end is now on the next page
      }
      const tr = row(complaint);
      tbody.prepend(tr);
      while (tbody.children.length > page.page_size) tbody.lastElementChild.remove();
      page.total_pages = Math.ceil(page.total / page.page_size);
      summary.textContent = `Showing 1–${page.items.length} of ${ofTotal(page.total)}`;
      renderPager();
      flash(tr);
      return;
    }
    if (!existing) return;
    try {
      const complaint = await api.get(`/api/v1/complaints/${id}`);
      const index = page.items.findIndex((c) => c.id === id);
      if (index >= 0) page.items[index] = complaint;
      const tr = row(complaint);
      if (!matches(complaint)) tr.classList.add('stale');
      existing.replaceWith(tr);
      flash(tr);
    } catch (error) {
      if (error.status === 404) existing.remove();
    }
  }

  await update({ ...initial });
  return {
    title: 'Complaints',
    update,
    onEvent,
    destroy() {
      // A search still waiting for its debounce must not pull the user back to the list.
      destroyed = true;
      clearTimeout(countsTimer);
      clearTimeout(searchTimer);
    },
  };
}

function pick(params) {
  const out = {};
  for (const name of FILTERS) if (params[name]) out[name] = params[name];
  return out;
}
