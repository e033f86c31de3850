// Admins: block-wide incidents. Declaring one (a water outage in block B, say) links every new
// complaint of its category in its scope and tells those reporters its message at once; here an
// admin declares one, changes its message or ETA (each change goes once to each linked reporter),
// links the open complaints that already match, and resolves it (and with it its open complaints).
import { h, field, select, showErrors, labelOf, formatTime } from './dom.js';
import * as api from './api.js';

export async function incidentsView(ctx, main) {
  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'work-list', 'aria-label': 'Active incidents' });
  const hostels = h('fieldset', { class: 'field wide' }, h('legend', null, 'Hostels'),
    ...ctx.hostels.map((x) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'hostels', value: x.slug }), ` ${x.display_name}`)));
  const declare = h('form', { class: 'card form-grid', novalidate: true, 'aria-labelledby': 'declare-incident' },
    h('h2', { id: 'declare-incident', class: 'wide' }, 'Declare an incident'),
    field('Title', h('input', { name: 'title', id: 'incident-title', required: true, maxlength: '200', autocomplete: 'off' })),
    field('Category', select('category', ctx.categories.map((c) => [c, labelOf(c)]), '', { id: 'incident-category' })),
    hostels,
    field('Wings (optional)', h('input', { name: 'wings', id: 'incident-wings', maxlength: '100', autocomplete: 'off' }),
      'Comma-separated, e.g. A, B; empty means the whole hostel.'),
    field('Message to reporters', h('textarea', { name: 'message', id: 'incident-message', required: true, maxlength: '1000', rows: '3' })),
    field('Expected fix (optional)', h('input', { type: 'datetime-local', name: 'eta', id: 'incident-eta' })),
    h('div', { class: 'field wide' }, h('button', { type: 'submit', class: 'primary' }, 'Declare incident')));

  declare.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(declare);
    const wings = String(data.get('wings') || '').split(',').map((w) => w.trim()).filter(Boolean);
    const body = {
      title: String(data.get('title') || '').trim(),
      category: data.get('category'),
      message: String(data.get('message') || '').trim(),
      eta: isoOf(data.get('eta')),
      scope: data.getAll('hostels').map((hostel) => (wings.length ? { hostel, wings } : { hostel })),
    };
    act(async () => {
      await api.post('/api/v1/incidents', body);
      declare.reset();
    }, `Incident “${body.title}” declared.`, declare);
  });

  function say(text, bad) {
    notice.textContent = text;
    notice.className = bad ? 'notice error' : 'notice success';
  }

  // Runs a write, says what happened (field errors next to the fields of `form`), and reloads.
  async function act(action, done, form) {
    try {
      const answer = await action();
      if (form) showErrors(form, null);
      say(typeof done === 'function' ? done(answer) : done);
    } catch (error) {
      if (error.status === 401) return;
      if (form) showErrors(form, error);
      say(error.message, true);
    }
    await reload();
  }

  async function reload() {
    const active = await api.get('/api/v1/incidents?status=active');
    list.replaceChildren(...(active.items.length ? active.items.map(item) : [h('li', { class: 'hint' }, 'No active incident.')]));
  }

  function item(incident) {
    const key = incident.id.slice(0, 8);
    const message = h('textarea', { name: 'message', id: `msg-${key}`, maxlength: '1000', rows: '3' });
    message.value = incident.message;
    const eta = h('input', { type: 'datetime-local', name: 'eta', id: `eta-${key}`, value: localOf(incident.eta) });
    const change = h('form', { class: 'incident-form', 'aria-label': `Change “${incident.title}”` },
      field('Message to reporters', message),
      field('Expected fix (empty: none)', eta),
      h('button', { type: 'submit', class: 'secondary' }, 'Save message and ETA'));
    change.addEventListener('submit', (event) => {
      event.preventDefault();
      act(() => api.patch(`/api/v1/incidents/${incident.id}`, { message: message.value.trim(), eta: isoOf(eta.value) }),
        'The incident is changed; its reporters are told.');
    });
    const link = h('button', { type: 'button', class: 'secondary', 'data-action': 'link' }, 'Link matching open complaints');
    link.addEventListener('click', () => act(() => api.post(`/api/v1/incidents/${incident.id}/link`, { matching: true }),
      (answer) => `${answer.results.filter((r) => r.ok).length} open complaint(s) linked.`));
    const resolve = h('button', { type: 'button', class: 'primary', 'data-action': 'resolve' }, 'Resolve…');
    const sure = h('button', { type: 'button', class: 'primary', 'data-action': 'resolve-confirm', hidden: true },
      'Yes, resolve it and its open complaints');
    resolve.addEventListener('click', () => {
      resolve.hidden = true;
      sure.hidden = false;
      sure.focus();
    });
    sure.addEventListener('click', () => act(() => api.post(`/api/v1/incidents/${incident.id}/resolve`),
      `Incident “${incident.title}” resolved.`));
    return h('li', { class: 'card work-item incident-card', 'data-incident': incident.id },
      h('h2', null, incident.title),
      h('p', null, labelOf(incident.category), ' · ',
        incident.scope.map((s) => ctx.hostelName(s.hostel) + (s.wings.length ? ` (${s.wings.join(', ')})` : '')).join('; '),
        ' · declared ', formatTime(incident.created_at),
        incident.eta ? ` · expected fixed ${formatTime(incident.eta)}` : ''),
      change,
      h('div', { class: 'button-row' }, link, resolve, sure));
  }

  main.replaceChildren(h('h1', { tabindex: '-1' }, 'Incidents'), notice, list, declare);
  await reload();
  return { title: 'Incidents', update: () => reload() };
}

// datetime-local speaks the browser's local time without a zone; the API speaks UTC instants.
function isoOf(local) {
  if (!local) return null;
  const date = new Date(String(local));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function localOf(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
