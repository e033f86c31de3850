// A complaint from the public page: the reporter's contact (admins only: personal data), and the
// staff's answers to abuse: revoke the private tracking link, or mark the report as spam.
import { h } from './dom.js';
import * as api from './api.js';

export function reporterSection(ctx, complaint) {
  if (complaint.channel !== 'portal' && complaint.channel !== 'poster') return null;
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const contact = h('dl', { class: 'fields' });
  const section = h('section', { 'aria-labelledby': 'd-reporter', class: 'reporter' },
    h('h2', { id: 'd-reporter' }, 'Reported on the web page'),
    contact,
    h('div', { class: 'button-row', role: 'group', 'aria-label': 'Public report' },
      h('button', { type: 'button', class: 'secondary', 'data-action': 'revoke-link', onclick: () => act('DELETE', 'tracking-link', 'The tracking link no longer works.') }, 'Revoke tracking link'),
      h('button', { type: 'button', class: 'danger', 'data-action': 'mark-spam', onclick: () => act('POST', 'spam', 'Marked as spam: its link is revoked and its source is blocked for a day.') }, 'Mark as spam')),
    status);

  async function act(method, what, done) {
    if (what === 'spam' && !window.confirm('Mark this report as spam and block its source for a day?')) return;
    try {
      await api.request(method, `/api/v1/complaints/${complaint.id}/${what}`);
      status.textContent = done;
      load();
    } catch (error) {
      if (error.status !== 401) status.textContent = error.message;
    }
  }

  async function load() {
    if (ctx.me.role !== 'admin') {
      contact.replaceChildren(h('dt', null, 'Contact'), h('dd', null, 'Shown to admins only'));
      return;
    }
    try {
      const r = await api.get(`/api/v1/complaints/${complaint.id}/reporter`);
      const mail = r.email ? `${r.email} (${r.unsubscribed ? 'unsubscribed' : r.email_confirmed ? 'confirmed' : 'not confirmed'})` : '—';
      contact.replaceChildren(
        h('dt', null, 'Name'), h('dd', { id: 'reporter-name' }, r.name || '—'),
        h('dt', null, 'E-mail'), h('dd', { id: 'reporter-email' }, mail),
        h('dt', null, 'Tracking link'), h('dd', null, r.tracking_revoked ? 'revoked' : 'live'),
        h('dt', null, 'Spam'), h('dd', null, r.spam ? 'yes' : 'no'));
    } catch (error) {
      contact.replaceChildren(h('dt', null, 'Contact'), h('dd', null, error.message));
    }
  }

  load();
  return section;
}
