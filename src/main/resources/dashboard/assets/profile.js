// The logged-in staff member's own page: who they are, and linking their Telegram account so the
// bot can send them alerts. The link endpoint exists only while the bot is on.
import { h, labelOf, formatTime } from './dom.js';
import * as api from './api.js';
import { detailsCard, passwordCard, sessionsCard, twoFactorCard } from './security.js';

export async function profileView(ctx, main) {
  const me = await api.get('/api/v1/profile/me');
  const telegram = h('section', { class: 'card profile-telegram', 'aria-labelledby': 'telegram-heading' },
    h('h2', { id: 'telegram-heading' }, 'Telegram alerts'));
  const result = h('div', { class: 'telegram-link', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'primary' }, 'Link Telegram');
  telegram.append(
    h('p', { class: 'hint' }, 'Link your Telegram account to get your alerts from the bot. The code works once, for 10 minutes.'),
    h('div', { class: 'button-row' }, button),
    result);

  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      show(await api.post('/api/v1/profile/telegram-link'));
    } catch (error) {
      if (error.status === 401) return;
      if (error.status === 404 || error.status === 405) notEnabled();
      else result.replaceChildren(h('p', { class: 'notice error' }, error.message));
    } finally {
      button.disabled = false;
    }
  });

  function show(link) {
    result.replaceChildren(
      link.deep_link
        ? h('p', null, h('a', { href: link.deep_link, class: 'deep-link', target: '_blank', rel: 'noopener' }, 'Open the bot in Telegram'),
          h('span', { class: 'hint' }, ` (${link.deep_link})`))
        : null,
      h('p', null, 'Or send the bot this message: ', h('code', { class: 'start-command' }, link.start_command)),
      h('p', { class: 'hint' }, `The code expires at ${formatTime(link.expires_at)} (in 10 minutes).`));
  }

  function notEnabled() {
    telegram.replaceChildren(
      h('h2', { id: 'telegram-heading' }, 'Telegram alerts'),
      h('p', { class: 'notice telegram-off' }, 'Telegram alerts are not enabled on this server.'));
  }

  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Profile'),
    h('section', { class: 'card profile', 'aria-labelledby': 'profile-heading' },
      h('h2', { id: 'profile-heading' }, 'Your account'),
      h('dl', { class: 'fields' },
        h('dt', null, 'Name'), h('dd', null, me.full_name),
        h('dt', null, 'Email'), h('dd', null, me.email || '—'),
        h('dt', null, 'Phone'), h('dd', null, me.phone || '—'),
        h('dt', null, 'Role'), h('dd', null, labelOf(me.role)))),
    detailsCard(ctx, me, () => profileView(ctx, main)),
    passwordCard(),
    await sessionsCard(),
    await twoFactorCard(),
    telegram);
  return { title: 'Profile' };
}
