// Admins invite staff by e-mail and look after the invitations: resend, revoke.
import { h, field, select, showErrors, formatTime } from './dom.js';
import * as api from './api.js';

export async function invitationsCard() {
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const form = h('form', { class: 'card form-grid', novalidate: true, 'aria-labelledby': 'invite-heading' },
    h('h2', { id: 'invite-heading', class: 'wide' }, 'Invite by e-mail'),
    h('p', { class: 'hint wide' }, 'The person gets a link to choose their own password; it works once, for 72 hours.'),
    field('Full name', h('input', { name: 'full_name', required: true, maxlength: '120', autocomplete: 'off' })),
    field('Email', h('input', { name: 'email', type: 'email', required: true, maxlength: '254', autocomplete: 'off' })),
    field('Role', select('role', [['porter', 'Porter'], ['admin', 'Admin']], 'porter')),
    h('div', { class: 'field wide' }, h('button', { type: 'submit', class: 'primary' }, 'Send invitation')));

  function say(text, bad) {
    status.textContent = text;
    status.className = bad ? 'notice error' : 'notice success';
  }

  async function reload() {
    const rows = await api.get('/api/v1/staff/invitations');
    tbody.replaceChildren(...rows.map(row));
  }

  function row(invitation) {
    const open = invitation.status === 'pending' || invitation.status === 'expired';
    const resend = h('button', { type: 'button', class: 'secondary', 'data-action': `resend-${invitation.id}` }, 'Resend');
    const revoke = h('button', { type: 'button', class: 'secondary', 'data-action': `revoke-${invitation.id}` }, 'Revoke');
    resend.addEventListener('click', () => act(() => api.post(`/api/v1/staff/invitations/${invitation.id}/resend`), `A new link was sent to ${invitation.email}.`));
    revoke.addEventListener('click', () => act(() => api.del(`/api/v1/staff/invitations/${invitation.id}`), `The invitation to ${invitation.email} was revoked.`));
    return h('tr', null,
      h('td', { 'data-label': 'Email' }, invitation.email),
      h('td', { 'data-label': 'Name' }, invitation.full_name),
      h('td', { 'data-label': 'Role' }, invitation.role),
      h('td', { 'data-label': 'Status' }, invitation.status),
      h('td', { 'data-label': 'Until' }, formatTime(invitation.expires_at)),
      h('td', { 'data-label': 'Actions' }, open ? h('div', { class: 'button-row' }, resend, revoke) : '—'));
  }

  async function act(call, message) {
    try {
      await call();
      say(message);
      await reload();
    } catch (error) {
      if (error.status !== 401) say(error.message, true);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = { full_name: String(data.get('full_name')).trim(), email: String(data.get('email')).trim(), role: String(data.get('role')) };
    try {
      const sent = await api.post('/api/v1/staff/invitations', body);
      form.reset();
      showErrors(form, null);
      say(`An invitation was sent to ${sent.email}.`);
      await reload();
    } catch (error) {
      if (error.status === 401) return;
      const first = showErrors(form, error);
      say(error.message, true);
      first?.focus();
    }
  });
  await reload();
  return h('section', { 'aria-labelledby': 'invitations-heading' },
    h('h2', { id: 'invitations-heading' }, 'Invitations'),
    status,
    h('div', { class: 'table-wrap' }, h('table', { class: 'staff invitations' },
      h('caption', { class: 'visually-hidden' }, 'Invitations'),
      h('thead', null, h('tr', null, ['Email', 'Name', 'Role', 'Status', 'Until', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
      tbody)),
    form);
}
