// Bulk actions on the complaint list: a checkbox per row, one to choose every row of the page, and
// a bar that applies one action to all chosen complaints through POST /api/v1/complaints/bulk.
// Each complaint goes through the single action's rules, so the answer says, per complaint, what
// happened; the bar shows how many were done and which failed and why, then the list reloads.
import { h, select, labelOf } from './dom.js';
import * as api from './api.js';

const ACTIONS = [['', 'Choose an action'], ['assign', 'Assign to…'], ['priority', 'Set priority…'], ['status', 'Change status…'],
  ['incident', 'Link to incident…'], ['duplicate_of', 'Close as duplicate of…']];
const PRIORITIES = ['urgent', 'high', 'normal', 'low'];

export function bulkSelection(ctx, statuses, reload) {
  const chosen = new Set();
  const names = new Map();
  const boxes = new Map();

  const all = h('input', { type: 'checkbox', id: 'bulk-all' });
  all.addEventListener('change', () => {
    for (const [id, box] of boxes) {
      box.checked = all.checked;
      if (all.checked) chosen.add(id);
      else chosen.delete(id);
    }
    refresh();
  });

  const count = h('span', { class: 'bulk-count', id: 'bulk-count' });
  const action = select('action', ACTIONS, '', { id: 'bulk-action' });
  const valueField = h('div', { class: 'field' });
  const reason = h('input', { type: 'text', name: 'reason', id: 'bulk-reason', maxlength: '500' });
  const reasonField = h('div', { class: 'field', hidden: true }, h('label', { for: 'bulk-reason' }, 'Reason for the hold'), reason);
  const apply = h('button', { type: 'submit', class: 'primary', id: 'bulk-apply' }, 'Apply to chosen');
  const clear = h('button', { type: 'button', class: 'secondary', onclick: () => clearChoice() }, 'Clear choice');
  const results = h('div', { class: 'bulk-results', id: 'bulk-results', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'bulk-bar filters', id: 'bulk-bar', 'aria-label': 'Bulk actions on the chosen complaints', hidden: true },
    h('p', { class: 'bulk-head' }, count),
    h('div', { class: 'field' }, h('label', { for: 'bulk-action' }, 'Action'), action),
    valueField, reasonField,
    h('div', { class: 'field filter-buttons' }, apply, clear));
  // Results stay visible after the reload empties the choice.
  const bar = h('div', { class: 'bulk' },
    h('label', { class: 'bulk-all', for: 'bulk-all' }, all, ' Choose every complaint on this page'), form, results);

  action.addEventListener('change', async () => {
    const kind = action.value;
    let control = null;
    if (kind === 'assign') {
      const people = ctx.assignable().map((p) => [p.id, p.full_name]);
      control = select('assigned_porter_id', [['', 'Unassigned'], ...people], '', { id: 'bulk-value' });
    } else if (kind === 'priority') {
      control = select('priority', PRIORITIES.map((p) => [p, p]), 'normal', { id: 'bulk-value' });
    } else if (kind === 'status') {
      control = select('status', statuses.map((s) => [s, labelOf(s)]), '', { id: 'bulk-value' });
      control.addEventListener('change', showReason);
    } else if (kind === 'incident') {
      const active = await api.get('/api/v1/incidents?status=active').catch(() => ({ items: [] }));
      control = select('incident_id', [['', 'Choose an incident'], ...active.items.map((i) => [i.id, i.title])], '', { id: 'bulk-value' });
    } else if (kind === 'duplicate_of') {
      control = h('input', { type: 'text', name: 'into', id: 'bulk-value', placeholder: 'C-1042', autocomplete: 'off' });
    }
    if (action.value !== kind) return; // changed again while the incidents loaded
    valueField.replaceChildren(...(control ? [h('label', { for: 'bulk-value' }, ACTIONS.find(([k]) => k === kind)[1].replace('…', '')), control] : []));
    showReason();
  });

  function showReason() {
    const status = form.querySelector('#bulk-value[name="status"]');
    reasonField.hidden = !(status && status.value === 'on_hold');
    reason.required = !reasonField.hidden;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const kind = action.value;
    const control = form.querySelector('#bulk-value');
    if (!kind || !control || chosen.size === 0) {
      results.replaceChildren(h('p', { class: 'notice error' }, 'Choose complaints and an action first.'));
      return;
    }
    const ids = [...chosen];
    const body = { ids, action: kind };
    if (kind === 'assign') body.assigned_porter_id = control.value || null;
    if (kind === 'priority') body.priority = control.value;
    if (kind === 'status') {
      body.status = control.value;
      if (control.value === 'on_hold') body.reason = reason.value.trim();
    }
    if (kind === 'incident') body.incident_id = control.value || null;
    apply.disabled = true;
    try {
      if (kind === 'duplicate_of') {
        // The master by the reference people read on the page (C-1042).
        const master = await api.get(`/api/v1/complaints/by-reference/${encodeURIComponent(control.value.trim())}`);
        body.into = master.id;
      }
      const answer = await api.post('/api/v1/complaints/bulk', body);
      showResults(answer.results);
      clearChoice();
      await reload();
    } catch (error) {
      if (error.status !== 401) results.replaceChildren(h('p', { class: 'notice error' }, error.message));
    } finally {
      apply.disabled = false;
    }
  });

  function showResults(items) {
    const failed = items.filter((r) => !r.ok);
    const done = items.length - failed.length;
    results.replaceChildren(
      h('p', { class: `notice ${failed.length ? 'error' : 'success'}` }, `${done} of ${items.length} done${failed.length ? `, ${failed.length} failed:` : '.'}`),
      failed.length ? h('ul', { class: 'bulk-failures' }, ...failed.map((r) => h('li', { 'data-id': r.id },
        h('a', { href: `#/complaints/${r.id}` }, names.get(r.id) || r.id), ': ',
        r.problem?.detail || r.problem?.title || 'failed'))) : null);
  }

  function refresh() {
    form.hidden = chosen.size === 0;
    count.textContent = `${chosen.size} chosen`;
    all.checked = boxes.size > 0 && [...boxes.keys()].every((id) => chosen.has(id));
  }

  function clearChoice() {
    chosen.clear();
    for (const box of boxes.values()) box.checked = false;
    refresh();
  }

  // A new page of rows: what is still on it stays chosen, the rest is forgotten.
  function reset(items) {
    const ids = new Set(items.map((c) => c.id));
    for (const id of [...chosen]) if (!ids.has(id)) chosen.delete(id);
    for (const [id, box] of boxes) {
      if (!ids.has(id)) boxes.delete(id);
      else box.checked = chosen.has(id);
    }
    refresh();
  }

  function cell(c) {
    const label = `${c.reference ? c.reference + ' · ' : ''}${c.room_number}`;
    names.set(c.id, label);
    const box = h('input', { type: 'checkbox', class: 'bulk-choose', 'aria-label': `Choose ${label}`, checked: chosen.has(c.id) });
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(c.id);
      else chosen.delete(c.id);
      refresh();
    });
    boxes.set(c.id, box);
    return h('td', { 'data-label': 'Choose', class: 'choose-cell' }, box);
  }

  return { bar, cell, reset };
}
