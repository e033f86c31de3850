import { h, field } from './dom.js';
import * as api from './api.js';
import { secondStepView } from './mfa.js';

export function loginView(main, message, tone, onLoggedIn) {
  const username = h('input', { name: 'username', type: 'text', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const status = h('p', { class: 'form-status', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  // Single sign-on, when the service has a provider: a plain link, the browser goes there and back.
  const sso = h('p', { class: 'sso' });
  api.get('/auth/sso', { allowAnonymous: true })
    .then((offer) => {
      if (offer.enabled) sso.replaceChildren(h('a', { class: 'button secondary', href: offer.url, id: 'sso-link' }, `Sign in with ${offer.name}`));
    })
    .catch(() => {});
  const form = h('form', { class: 'login card', novalidate: true },
    h('h1', { tabindex: '-1' }, 'Staff dashboard'),
    message ? h('p', { class: `notice ${tone || ''}`, role: 'status' }, message) : null,
    field('Email or phone', username),
    field('Password', password),
    status,
    submit,
    h('p', null, h('a', { href: '#/forgot-password', id: 'forgot-link' }, 'Forgot your password?')),
    sso);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    if (!username.value.trim() || !password.value) {
      status.textContent = 'Enter your email or phone and your password.';
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    try {
      const session = await api.post('/auth/session', { username: username.value.trim(), password: password.value }, { allowAnonymous: true });
      password.value = '';
      if (session.mfa_required) {
        secondStepView(main, session, onLoggedIn);
        return;
      }
      await onLoggedIn(session);
    } catch (error) {
      status.textContent = error.status === 401 ? 'Unknown user name or wrong password.' : error.message;
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(form);
  username.focus();
}
