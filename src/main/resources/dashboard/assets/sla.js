// Priority, SLA clocks and holds as text and badges; every state is written out, never colour alone.
import { h, formatTime, labelOf } from './dom.js';

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'];

// The next open target of a complaint: the response until staff acted, then the resolution.
export function nextDue(c) {
  if (!c.next_due_at) return null;
  return { kind: c.next_due_at === c.response_due_at ? 'response' : 'resolution', at: c.next_due_at };
}

function span(ms) {
  const minutes = Math.round(Math.abs(ms) / 60000);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}

// "Due in 3 h", "Late by 2 h", "Paused (on hold)" with a matching badge class.
export function dueBadge(c) {
  if (c.sla_paused) return h('span', { class: 'badge due-paused' }, 'SLA paused (on hold)');
  const due = nextDue(c);
  const late = c.sla_breached?.response || c.sla_breached?.resolution;
  if (!due) return late ? h('span', { class: 'badge due-late' }, 'Target missed') : null;
  const left = Date.parse(due.at) - Date.now();
  if (left < 0 || late) return h('span', { class: 'badge due-late' }, `Late: ${due.kind} ${left < 0 ? 'overdue by ' + span(left) : 'target missed'}`);
  return h('span', { class: `badge ${left < 3600000 ? 'due-soon' : 'due-ok'}` }, `${labelOf(due.kind)} due in ${span(left)}`);
}

export function priorityBadge(c) {
  return h('span', { class: `badge priority-${c.priority}` }, `${c.priority} priority`);
}

// Why a complaint is late, in words, for the overdue view and the detail page.
export function breaches(c) {
  const parts = [];
  if (c.sla_breached?.response) parts.push(`first response was due ${formatTime(c.response_due_at)}`);
  if (c.sla_breached?.resolution) parts.push(`resolution was due ${formatTime(c.resolution_due_at)}`);
  return parts.length ? `Missed: ${parts.join('; ')}.` : 'No target missed yet.';
}

// Detail rows for the complaint's <dl>.
export function slaItems(c) {
  const item = (term, value) => [h('dt', null, term), h('dd', null, value)];
  return [
    item('Priority', c.priority),
    item('Response due', c.response_due_at ? `${formatTime(c.response_due_at)}${c.sla_breached?.response ? ' (missed)' : ''}` : '—'),
    item('Resolution due', c.resolution_due_at ? `${formatTime(c.resolution_due_at)}${c.sla_breached?.resolution ? ' (missed)' : ''}` : '—'),
    c.hold_reason ? item('On hold because', c.hold_reason) : null,
  ];
}

// The priority picker of the detail page, for those who may set it.
export function priorityForm(c, save) {
  const choice = h('select', { id: 'priority', name: 'priority' },
    PRIORITIES.map((p) => h('option', { value: p, selected: p === c.priority }, p)));
  return h('form', { class: 'assign', onsubmit: (event) => {
    event.preventDefault();
    save(choice.value);
  } }, h('label', { for: 'priority' }, 'Priority'), choice,
  h('button', { type: 'submit', class: 'secondary', 'data-action': 'priority' }, 'Set priority'));
}

// Putting a complaint on hold needs a reason; the field shows where that move is offered.
export function holdReason(c) {
  if (!c.allowed_transitions.includes('on_hold')) return null;
  return h('div', { class: 'field' }, h('label', { for: 'hold-reason' }, 'Reason to put on hold (e.g. waiting for parts)'),
    h('input', { id: 'hold-reason', name: 'reason', maxlength: '500' }));
}
