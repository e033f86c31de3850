// A porter's day ("My work": my open complaints by due time, start, resolve or comment in one tap)
// and the overdue view (what is late and why). Both are built for phone width first.
import { h, labelOf } from './dom.js';
import * as api from './api.js';
import { dueBadge, priorityBadge, breaches } from './sla.js';

const OPEN = new Set(['reported', 'in_progress', 'on_hold']);
const ONE_TAP = { in_progress: 'Start', resolved: 'Resolve' };

export async function myWorkView(ctx, main) {
  const heading = h('h1', { tabindex: '-1' }, 'My work');
  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const duty = h('input', { type: 'checkbox', id: 'on-duty', name: 'on_duty' });
  const list = h('ul', { class: 'work-list', 'aria-label': 'My open complaints, next due first' });
  duty.addEventListener('change', async () => {
    try {
      await api.request('PUT', '/api/v1/profile/duty', { on_duty: duty.checked });
      notice.textContent = duty.checked ? 'You are on duty: new complaints may come to you.' : 'You are off duty: no new complaints come to you.';
    } catch (error) {
      duty.checked = !duty.checked;
      notice.textContent = error.message;
    }
  });
  main.replaceChildren(heading,
    h('p', { class: 'duty' }, duty, h('label', { for: 'on-duty' }, 'On duty (assignment rules may give me new complaints)')),
    notice, list);

  async function load() {
    const [mine, me] = await Promise.all([
      api.get(`/api/v1/complaints?assigned_porter_id=${ctx.me.id}&sort=due&page_size=100`),
      api.get('/api/v1/profile/duty'),
    ]);
    duty.checked = me.on_duty;
    const open = mine.items.filter((c) => OPEN.has(c.status));
    list.replaceChildren(...(open.length ? open.map(item) : [h('li', { class: 'hint' }, 'Nothing open is assigned to you.')]));
  }

  function item(c) {
    const comment = h('textarea', { rows: '2', maxlength: '5000', 'aria-label': `Comment on ${c.reference}` });
    const form = h('form', { class: 'work-comment', hidden: true, onsubmit: async (event) => {
      event.preventDefault();
      await act(() => api.post(`/api/v1/complaints/${c.id}/comments`, { body: comment.value, visibility: 'internal' }), 'Note saved.');
    } }, comment, h('button', { type: 'submit', class: 'secondary' }, 'Save note'));
    const moves = c.allowed_transitions.filter((s) => ONE_TAP[s]).map((s) =>
      h('button', { type: 'button', class: 'primary', 'data-action': `${s}-${c.reference}`, onclick: () =>
        act(() => api.patch(`/api/v1/complaints/${c.id}/status`, { status: s }), `${c.reference}: ${labelOf(s)}.`) }, ONE_TAP[s]));
    return h('li', { class: 'card work-item', 'data-complaint': c.id },
      h('h2', null, h('a', { href: `#/complaints/${c.id}` }, `${c.reference} · room ${c.room_number} · ${labelOf(c.category)}`)),
      h('div', { class: 'badges' },
        h('span', { class: `badge status-${c.status}` }, labelOf(c.status)), priorityBadge(c), dueBadge(c)),
      h('p', null, c.description),
      c.hold_reason ? h('p', { class: 'hint' }, `On hold: ${c.hold_reason}`) : null,
      h('div', { class: 'button-row' }, moves,
        h('button', { type: 'button', class: 'secondary', 'data-action': `comment-${c.reference}`, onclick: () => {
          form.hidden = !form.hidden;
          if (!form.hidden) comment.focus();
        } }, 'Comment')),
      form);
  }

  async function act(action, done) {
    try {
      await action();
      notice.textContent = done;
      await load();
    } catch (error) {
      if (error.status !== 401) notice.textContent = error.message;
    }
  }

  await load();
  return {
    title: 'My work',
    onEvent: (event) => {
      if (event.event_type !== 'new_complaint') load();
    },
    update: () => load(),
  };
}

export async function overdueView(ctx, main) {
  const heading = h('h1', { tabindex: '-1' }, 'Overdue');
  const summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  const list = h('ul', { class: 'work-list', 'aria-label': 'Complaints past their next SLA target, longest late first' });
  main.replaceChildren(heading, summary, list);

  async function load() {
    const now = new Date().toISOString();
    const page = await api.get(`/api/v1/complaints?due_before=${encodeURIComponent(now)}&sort=due&page_size=100`);
    const late = page.items.filter((c) => OPEN.has(c.status));
    const count = page.total_exact === false ? `${page.total}+` : String(page.total);
    summary.textContent = `${count} complaint${page.total === 1 ? '' : 's'} past their next target.`;
    list.replaceChildren(...late.map((c) => h('li', { class: 'card work-item overdue', 'data-complaint': c.id },
      h('h2', null, h('a', { href: `#/complaints/${c.id}` }, `${c.reference} · ${ctx.hostelName(c.hostel)} · room ${c.room_number}`)),
      h('div', { class: 'badges' },
        h('span', { class: `badge status-${c.status}` }, labelOf(c.status)), priorityBadge(c), dueBadge(c)),
      h('p', null, breaches(c)),
      h('p', null, `Assigned to ${ctx.personName(c.assigned_porter_id)}.`,
        c.hold_reason ? ` On hold: ${c.hold_reason}.` : ''))));
  }

  await load();
  return { title: 'Overdue', onEvent: () => load(), update: () => load() };
}
