// Admins read the audit log: filters, pages, and the same rows as a CSV download.
import { h, field, showErrors, formatTime } from './dom.js';
import * as api from './api.js';

const PAGE_SIZE = 50;

export async function auditView(ctx, main, params) {
  const tbody = h('tbody');
  const summary = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const pager = h('div', { class: 'button-row' });
  const download = h('a', { class: 'button secondary', href: '/api/v1/audit/export.csv', download: 'audit.csv' }, 'Download as CSV');
  const form = h('form', { class: 'card form-grid', novalidate: true, role: 'search', 'aria-label': 'Filter the audit log' },
    field('Action', h('input', { name: 'action', maxlength: '64', value: params.action || '', autocomplete: 'off' }), 'Exact, or a prefix ending in a dot, e.g. login.'),
    field('Actor', h('input', { name: 'actor', maxlength: '320', value: params.actor || '', autocomplete: 'off' }), 'A staff id or part of a name'),
    field('From', h('input', { name: 'from', type: 'datetime-local', value: '' })),
    field('To', h('input', { name: 'to', type: 'datetime-local', value: '' })),
    h('div', { class: 'field wide button-row' }, h('button', { type: 'submit', class: 'primary' }, 'Show'), download));
  let page = 1;

  function filters() {
    const data = new FormData(form);
    const out = {};
    for (const name of ['action', 'actor']) {
      const value = String(data.get(name) || '').trim();
      if (value) out[name] = value;
    }
    for (const name of ['from', 'to']) {
      const value = String(data.get(name) || '');
      if (value) out[name] = new Date(value).toISOString();
    }
    return out;
  }

  async function load() {
    const query = filters();
    try {
      const answer = await api.get(`/api/v1/audit${api.query({ ...query, page, page_size: PAGE_SIZE })}`);
      showErrors(form, null);
      download.setAttribute('href', `/api/v1/audit/export.csv${api.query(query)}`);
      tbody.replaceChildren(...answer.items.map(row));
      summary.textContent = answer.total === 0 ? 'No rows match.' : `${answer.total} rows, page ${answer.page} of ${answer.total_pages}.`;
      const previous = h('button', { type: 'button', class: 'secondary', disabled: page <= 1 }, 'Newer');
      const next = h('button', { type: 'button', class: 'secondary', disabled: page >= answer.total_pages }, 'Older');
      previous.addEventListener('click', () => { page -= 1; load(); });
      next.addEventListener('click', () => { page += 1; load(); });
      pager.replaceChildren(previous, next);
    } catch (error) {
      if (error.status === 401) return;
      showErrors(form, error);
      summary.textContent = error.message;
    }
  }

  function row(entry) {
    return h('tr', null,
      h('td', { 'data-label': 'When' }, formatTime(entry.at)),
      h('td', { 'data-label': 'Action' }, h('code', null, entry.action)),
      h('td', { 'data-label': 'Actor' }, entry.actor || (entry.actor_id ? ctx.personName(entry.actor_id) : '—')),
      h('td', { 'data-label': 'Target' }, entry.target || '—'),
      h('td', { 'data-label': 'Detail' }, entry.detail || ''),
      h('td', { 'data-label': 'Address' }, entry.address || ''));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 1;
    load();
  });
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Audit log'),
    form,
    summary,
    h('div', { class: 'table-wrap' }, h('table', { class: 'staff audit' },
      h('caption', { class: 'visually-hidden' }, 'Audit log, newest first'),
      h('thead', null, h('tr', null, ['When', 'Action', 'Actor', 'Target', 'Detail', 'Address'].map((t) => h('th', { scope: 'col' }, t)))),
      tbody)),
    pager);
  await load();
  return { title: 'Audit log' };
}
