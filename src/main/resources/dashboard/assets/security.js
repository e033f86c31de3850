// The security part of one's own profile: name and phone, password, sessions, two-factor.
import { h, field, showErrors, formatTime } from './dom.js';
import * as api from './api.js';
import { enrolmentBox, recoveryList } from './mfa.js';

export function detailsCard(ctx, me, onChanged) {
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'card form-grid', novalidate: true, 'aria-labelledby': 'details-heading' },
    h('h2', { id: 'details-heading', class: 'wide' }, 'Name and phone'),
    field('Full name', h('input', { name: 'full_name', maxlength: '120', required: true, value: me.full_name, autocomplete: 'name' })),
    field('Phone', h('input', { name: 'phone', type: 'tel', maxlength: '20', value: me.phone || '', autocomplete: 'tel' })),
    h('div', { class: 'field wide' }, h('button', { type: 'submit', class: 'primary' }, 'Save')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await api.patch('/api/v1/profile/me', { full_name: String(data.get('full_name')).trim(), phone: String(data.get('phone')).trim() });
      showErrors(form, null);
      status.textContent = 'Saved.';
      onChanged();
    } catch (error) {
      if (error.status === 401) return;
      (showErrors(form, error) || form.querySelector('input')).focus();
      status.textContent = error.message;
    }
  });
  return form;
}

export function passwordCard() {
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'card form-grid', novalidate: true, 'aria-labelledby': 'password-heading' },
    h('h2', { id: 'password-heading', class: 'wide' }, 'Password'),
    field('Current password', h('input', { name: 'current_password', type: 'password', autocomplete: 'current-password', maxlength: '128' })),
    field('New password', h('input', { name: 'new_password', type: 'password', autocomplete: 'new-password', maxlength: '128' }), 'Signs out your other sessions'),
    h('div', { class: 'field wide' }, h('button', { type: 'submit', class: 'primary' }, 'Change password')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await api.post('/api/v1/profile/change-password', { current_password: String(data.get('current_password')), new_password: String(data.get('new_password')) });
      form.reset();
      status.textContent = 'Password changed. Log in again with the new one.';
      setTimeout(() => location.reload(), 1500);
    } catch (error) {
      if (error.status === 401) return;
      showErrors(form, error);
      status.textContent = error.message;
    }
  });
  return form;
}

export async function sessionsCard() {
  const card = h('section', { class: 'card', 'aria-labelledby': 'sessions-heading' });
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  async function render() {
    const sessions = await api.get('/api/v1/profile/sessions');
    const others = h('button', { type: 'button', class: 'secondary', disabled: sessions.length < 2 }, 'Sign out all other sessions');
    others.addEventListener('click', async () => {
      const answer = await api.post('/api/v1/profile/sessions/sign-out-others');
      await render();
      status.textContent = `${answer.signed_out} sessions signed out.`;
    });
    card.replaceChildren(
      h('h2', { id: 'sessions-heading' }, 'Sessions'),
      h('ul', { class: 'sessions' }, sessions.map((s) => {
        const end = h('button', { type: 'button', class: 'secondary', 'data-session': s.id }, 'Sign out');
        end.addEventListener('click', async () => {
          await api.del(`/api/v1/profile/sessions/${encodeURIComponent(s.id)}`);
          await render();
          status.textContent = 'Session signed out.';
        });
        return h('li', null,
          h('strong', null, s.current ? 'This session' : (s.user_agent || 'Unknown device')),
          h('span', { class: 'hint' }, ` · ${s.address || 'unknown address'} · last used ${formatTime(s.last_used_at)} · until ${formatTime(s.expires_at)}`),
          s.current ? null : [' ', end]);
      })),
      h('div', { class: 'button-row' }, others),
      status);
  }
  await render();
  return card;
}

export async function twoFactorCard() {
  const card = h('section', { class: 'card', 'aria-labelledby': 'mfa-heading' });
  async function render(message) {
    const state = await api.get('/api/v1/profile/2fa');
    const heading = h('h2', { id: 'mfa-heading' }, 'Two-factor authentication');
    const note = message || null;
    if (state.enabled) {
      const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '8' });
      const form = h('form', { class: 'inline-form', novalidate: true }, h('label', { for: code.id || (code.id = 'mfa-off-code') }, 'Code'), code,
        h('button', { type: 'submit', class: 'secondary', disabled: state.required }, 'Turn off'));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          await api.post('/api/v1/profile/2fa/disable', { code: code.value.trim() });
          await render();
        } catch (error) {
          if (error.status !== 401) card.append(h('p', { class: 'notice error', role: 'alert' }, error.message));
        }
      });
      card.replaceChildren(heading, note, h('p', null, 'On: logging in asks for a code from your authenticator app.'),
        state.required ? h('p', { class: 'hint' }, 'Your role requires it, so it cannot be turned off.') : form);
      return;
    }
    const start = h('button', { type: 'button', class: 'primary' }, 'Set up two-factor');
    start.addEventListener('click', async () => {
      const enrolment = await api.post('/api/v1/profile/2fa/enroll');
      const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '8', required: true });
      const form = h('form', { class: 'form-grid', novalidate: true }, field('Code from the app', code),
        h('div', { class: 'field wide' }, h('button', { type: 'submit', class: 'primary' }, 'Turn on')));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          const answer = await api.post('/api/v1/profile/2fa/confirm', { code: code.value.trim() });
          await render(recoveryList(answer.recovery_codes));
        } catch (error) {
          if (error.status === 401) return;
          showErrors(form, error);
          code.focus();
        }
      });
      card.replaceChildren(heading, enrolmentBox(enrolment), form);
      code.focus();
    });
    card.replaceChildren(heading, note, h('p', null, 'Off. With it on, logging in also asks for a code from an authenticator app on your phone.'), start);
  }
  await render();
  return card;
}
