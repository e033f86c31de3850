// Pages reached without a session: accepting an invitation, asking for and using a reset link.
// The links from mails carry their token in the URL fragment (#/invitation?token=...), so it never
// reaches a server log.
import { h, field, showErrors } from './dom.js';
import * as api from './api.js';

export const ANONYMOUS_ROUTES = ['invitation', 'reset-password', 'forgot-password'];

export function anonymousView(main, path, params, done) {
  if (path === 'forgot-password') return forgot(main, done);
  const invitation = path === 'invitation';
  const password = h('input', { name: invitation ? 'password' : 'new_password', type: 'password', autocomplete: 'new-password', required: true, maxlength: '128' });
  const again = h('input', { name: 'again', type: 'password', autocomplete: 'new-password', required: true, maxlength: '128' });
  const status = h('p', { class: 'form-status', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, invitation ? 'Create my account' : 'Set the new password');
  const form = h('form', { class: 'login card', novalidate: true },
    h('h1', { tabindex: '-1' }, invitation ? 'Welcome: choose your password' : 'Choose a new password'),
    field('New password', password, 'At least 8 characters with upper- and lower-case letters and a digit'),
    field('The same again', again),
    status,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    if (password.value !== again.value) {
      status.textContent = 'The two passwords differ.';
      again.focus();
      return;
    }
    submit.disabled = true;
    try {
      const body = invitation ? { token: params.token || '', password: password.value } : { token: params.token || '', new_password: password.value };
      await api.post(invitation ? '/auth/invitations/accept' : '/auth/password-reset/confirm', body, { allowAnonymous: true });
      done(invitation ? 'Your account is ready. Log in with your e-mail address and the new password.' : 'Your password was changed and every session signed out. Log in with the new password.');
    } catch (error) {
      const first = showErrors(form, error);
      status.textContent = error.message;
      (first || password).focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(form);
  password.focus();
  return { title: invitation ? 'Accept invitation' : 'Reset password' };
}

function forgot(main, done) {
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: '254' });
  const status = h('p', { class: 'form-status', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Send me a link');
  const form = h('form', { class: 'login card', novalidate: true },
    h('h1', { tabindex: '-1' }, 'Forgot your password?'),
    h('p', null, 'Enter the e-mail address of your account. If it has one, a link to choose a new password is sent there; it works once, for 30 minutes.'),
    field('Email', email),
    status,
    submit,
    h('p', null, h('a', { href: '#/' }, 'Back to the login')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    submit.disabled = true;
    try {
      const answer = await api.post('/auth/password-reset', { email: email.value.trim() }, { allowAnonymous: true });
      done(`${answer.message}.`);
    } catch (error) {
      showErrors(form, error);
      status.textContent = error.message;
      email.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(form);
  email.focus();
  return { title: 'Forgot password' };
}
