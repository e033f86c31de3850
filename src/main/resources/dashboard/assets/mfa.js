// Two-factor pieces shared by the login and the profile: the second login step (with enrolment when
// the role requires it), the QR code image and the recovery codes shown once.
import { h, field } from './dom.js';
import * as api from './api.js';

// The QR code is an SVG drawn by the service; shown as an image (from a blob URL), never as markup.
export function qrImage(svg) {
  const img = h('img', { class: 'qr', alt: 'QR code to scan with the authenticator app', width: '200', height: '200' });
  img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  return img;
}

export function enrolmentBox(enrolment) {
  return h('div', { class: 'enrolment' },
    h('p', null, 'Scan this code with an authenticator app (or type the key), then enter the 6-digit code it shows.'),
    qrImage(enrolment.qr_svg),
    h('p', null, 'Key: ', h('code', { class: 'totp-secret' }, enrolment.secret)));
}

export function recoveryList(codes) {
  return h('div', { class: 'notice success recovery', role: 'status' },
    h('p', null, 'Your recovery codes. Keep them somewhere safe: each one logs you in once without the app. They are shown only now.'),
    h('ul', { class: 'recovery-codes' }, codes.map((c) => h('li', null, h('code', null, c)))));
}

export function secondStepView(main, pending, onLoggedIn) {
  const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '8', required: true });
  const recovery = h('input', { name: 'recovery_code', autocomplete: 'off', maxlength: '20' });
  const status = h('p', { class: 'form-status', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Continue');
  const setup = h('div', { class: 'enrolment-slot' });
  const form = h('form', { class: 'login card', novalidate: true },
    h('h1', { tabindex: '-1' }, 'Two-factor check'),
    pending.enrollment_required ? h('p', { class: 'notice' }, 'Your role must use two-factor authentication. Set it up now.') : null,
    setup,
    field('Code from the authenticator app', code),
    pending.enrollment_required ? null : field('Or a recovery code', recovery),
    status,
    submit);
  if (pending.enrollment_required) {
    api.post('/auth/login/2fa/enroll', { mfa_token: pending.mfa_token }, { allowAnonymous: true })
      .then((enrolment) => setup.replaceChildren(enrolmentBox(enrolment)))
      .catch((error) => { status.textContent = error.message; });
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    const body = { mfa_token: pending.mfa_token };
    if (recovery.value.trim()) body.recovery_code = recovery.value.trim();
    else body.code = code.value.trim();
    submit.disabled = true;
    try {
      const session = await api.post('/auth/session/2fa', body, { allowAnonymous: true });
      if (session.recovery_codes) {
        const done = h('button', { type: 'button', class: 'primary' }, 'I have kept them; continue');
        done.addEventListener('click', () => onLoggedIn(session));
        main.replaceChildren(h('section', { class: 'login card' },
          h('h1', { tabindex: '-1' }, 'Two-factor is on'), recoveryList(session.recovery_codes), done));
        done.focus();
        return;
      }
      await onLoggedIn(session);
    } catch (error) {
      status.textContent = error.status === 401 ? `${error.message}.` : error.message;
      code.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(form);
  code.focus();
}
