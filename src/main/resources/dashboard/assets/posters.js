// Admins print room posters: a QR code per room that opens the public report page with hostel
// and room filled in and locked (docs/PORTAL.md).
import { h, field, select } from './dom.js';
import * as api from './api.js';

export async function postersView(ctx, main) {
  const link = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'card form-grid', novalidate: true },
    field('Hostel', select('hostel', ctx.hostels.map((x) => [x.slug, x.display_name]), ctx.hostels[0]?.slug, { required: true })),
    field('Rooms', h('input', { name: 'room', required: true, placeholder: 'A101-A140, B201' }), 'Rooms and ranges, separated by commas (at most 1000)'),
    field('Wing (optional)', h('input', { name: 'wing', maxlength: '8' }), 'Keep only the rooms of this wing'),
    h('div', { class: 'field wide button-row' },
      h('button', { type: 'submit', class: 'primary', value: 'pdf', 'data-action': 'posters-pdf' }, 'Make PDF (6 per A4 page)'),
      h('button', { type: 'submit', class: 'secondary', value: 'png', 'data-action': 'posters-png' }, 'Make PNG (one room)')));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const params = {};
    for (const name of ['hostel', 'room', 'wing']) {
      const value = String(data.get(name) || '').trim();
      if (value) params[name] = value;
    }
    const kind = event.submitter?.value === 'png' ? 'png' : 'pdf';
    const href = `/api/v1/posters.${kind}${api.query(params)}`;
    link.replaceChildren(h('a', { href, target: '_blank', rel: 'noopener', id: 'poster-link' }, `Open the ${kind.toUpperCase()} for ${params.room || 'the rooms'}`));
  });

  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Room posters'),
    h('p', null, 'Each poster has a QR code that opens the public report page with the hostel and room filled in and locked, signed so that nobody can make one for another room. Print them and put one in each room or corridor.'),
    form, link);
  return { title: 'Room posters' };
}
