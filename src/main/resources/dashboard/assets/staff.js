// Admins: every account, creating porters and admins, deactivating, resetting passwords.
import { h, field, select, showErrors, formatTime } from './dom.js';
import * as api from './api.js';
import { invitationsCard } from './invitations.js';

export async function staffView(ctx, main) {
  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const create = h('form', { class: 'card form-grid', novalidate: true, 'aria-labelledby': 'create-staff' },
    h('h2', { id: 'create-staff', class: 'wide' }, 'Add a staff member'),
    field('Full name', h('input', { name: 'full_name', required: true, maxlength: '120', autocomplete: 'off' })),
    field('Email', h('input', { name: 'email', type: 'email', maxlength: '254', autocomplete: 'off' }), 'An email or a phone number is needed to log in'),
    field('Phone', h('input', { name: 'phone', type: 'tel', maxlength: '20', autocomplete: 'off' })),
    field('Role', select('role', [['porter', 'Porter'], ['admin', 'Admin']], 'porter')),
    field('Initial password', h('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' }), 'At least 8 characters with upper- and lower-case letters and a digit'),
    h('div', { class: 'field wide' }, h('button', { type: 'submit', class: 'primary' }, 'Add')));

  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(create);
    const body = {};
    for (const name of ['full_name', 'email', 'phone', 'role', 'password']) {
      const value = String(data.get(name) || '').trim();
      if (value) body[name] = name === 'password' ? String(data.get(name)) : value;
    }
    try {
      const created = await api.post('/auth/register', body);
      create.reset();
      showErrors(create, null);
      say(`${created.full_name} can now log in as ${created.role}.`);
      await reload();
    } catch (error) {
      if (error.status === 401) return;
      const first = showErrors(create, error);
      say(error.message, true);
      first?.focus();
    }
  });

  function say(text, bad) {
    notice.textContent = text;
    notice.className = bad ? 'notice error' : 'notice success';
  }

  async function reload() {
    await ctx.refreshPeople();
    const people = [...ctx.people.values()];
    tbody.replaceChildren(...people.map(row));
  }

  function row(person) {
    const self = person.id === ctx.me.id;
    const toggle = h('button', { type: 'button', class: 'secondary', disabled: self, 'data-action': `toggle-${person.id}` }, person.active ? 'Deactivate' : 'Reactivate');
    toggle.addEventListener('click', async () => {
      try {
        await api.patch(`/api/v1/staff/${person.id}`, { active: !person.active });
        say(`${person.full_name} is now ${person.active ? 'deactivated' : 'active'}.`);
        await reload();
        document.querySelector(`[data-action="toggle-${person.id}"]`)?.focus();
      } catch (error) {
        say(error.message, true);
      }
    });
    const password = h('input', { type: 'password', name: 'new_password', id: `new-password-${person.id}`, autocomplete: 'new-password' });
    const reset = h('form', { class: 'inline-form' },
      h('label', { for: password.id }, 'New password'),
      h('span', { class: 'visually-hidden' }, ` for ${person.full_name}`),
      password,
      h('button', { type: 'submit', class: 'secondary' }, 'Reset password'));
    reset.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.post(`/api/v1/staff/${person.id}/reset-password`, { new_password: password.value });
        password.value = '';
        say(`The password of ${person.full_name} was reset; their sessions were signed out.`);
      } catch (error) {
        say(error.message, true);
        password.focus();
      }
    });
    return h('tr', { class: person.active ? '' : 'inactive' },
      h('td', { 'data-label': 'Name' }, person.full_name, self ? ' (you)' : ''),
      h('td', { 'data-label': 'Role' }, person.role),
      h('td', { 'data-label': 'Email' }, person.email || '—'),
      h('td', { 'data-label': 'Phone' }, person.phone || '—'),
      h('td', { 'data-label': 'Status' }, person.active ? 'Active' : 'Deactivated'),
      h('td', { 'data-label': 'Since' }, formatTime(person.created_at)),
      h('td', { 'data-label': 'Actions' }, h('div', { class: 'button-row' }, toggle, reset)));
  }

  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Staff'),
    notice,
    h('div', { class: 'table-wrap' }, h('table', { class: 'staff' },
      h('caption', { class: 'visually-hidden' }, 'Staff accounts'),
      h('thead', null, h('tr', null, ['Name', 'Role', 'Email', 'Phone', 'Status', 'Since', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
      tbody)),
    create,
    await invitationsCard());
  await reload();
  return { title: 'Staff' };
}
