// Logging a complaint that came in by phone or at the desk, with photos.
import { h, field, select, showErrors, labelOf } from './dom.js';
import * as api from './api.js';
import { PHOTO_TYPES } from './detail.js';
import { SEVERITIES } from './list.js';

export async function createView(ctx, main) {
  const description = h('textarea', { name: 'description', rows: '5', minlength: '10', maxlength: '2000', required: true });
  const counter = h('span', { class: 'hint', 'aria-live': 'off' }, '0 / 2000');
  description.addEventListener('input', () => {
    counter.textContent = `${description.value.length} / 2000`;
  });
  const photos = h('input', { type: 'file', name: 'photos', multiple: true, accept: PHOTO_TYPES });
  const status = h('p', { class: 'form-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log complaint');
  // One key per filled-in form: a double click or a retry after a timeout cannot log it twice.
  let idempotencyKey = crypto.randomUUID();

  const form = h('form', { class: 'card form-grid', novalidate: true },
    field('Hostel', select('hostel', [['', 'Choose…'], ...ctx.hostels.map((x) => [x.slug, x.display_name])], '', { required: true })),
    field('Room number', h('input', { name: 'room_number', required: true, maxlength: '16', autocapitalize: 'characters', autocomplete: 'off' }), 'For example A312'),
    field('Category', select('category', [['', 'Choose…'], ...ctx.categories.map((c) => [c, labelOf(c)])], '', { required: true })),
    field('Severity', select('severity', SEVERITIES.map((s) => [s, s]), 'medium', { required: true })),
    h('div', { class: 'field wide', 'data-field': 'description' },
      h('label', { for: 'new-description' }, 'Description'),
      Object.assign(description, { id: 'new-description' }),
      counter,
      h('span', { class: 'field-error', id: 'new-description-error', hidden: true })),
    field('Reporter\u2019s Telegram id (optional)', h('input', { name: 'telegram_user_id', inputmode: 'numeric', maxlength: '20', autocomplete: 'off' })),
    field('Photos (optional)', photos, 'JPEG, PNG, GIF or WebP, up to 10 MB each'),
    h('div', { class: 'field wide' }, status, submit),
  );
  description.setAttribute('aria-describedby', 'new-description-error');
  form.addEventListener('input', () => {
    idempotencyKey = crypto.randomUUID();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {};
    for (const name of ['hostel', 'room_number', 'category', 'severity', 'description', 'telegram_user_id']) {
      const value = String(data.get(name) || '').trim();
      if (value) body[name] = value;
    }
    submit.disabled = true;
    status.textContent = 'Saving…';
    try {
      const created = await api.post('/api/v1/complaints/submit', body, { headers: { 'Idempotency-Key': idempotencyKey } });
      showErrors(form, null);
      const failed = [];
      for (const file of photos.files) {
        status.textContent = `Uploading ${file.name}…`;
        const upload = new FormData();
        upload.append('file', file);
        try {
          await api.post(`/api/v1/complaints/${created.id}/photos`, upload);
        } catch (error) {
          failed.push(`${file.name}: ${error.message}`);
        }
      }
      if (failed.length) ctx.toast(`The complaint was logged, but some photos were not added. ${failed.join(' ')}`, { tone: 'urgent' });
      else ctx.toast('Complaint logged.');
      await ctx.navigate(`#/complaints/${created.id}`);
    } catch (error) {
      if (error.status === 401) return;
      // The service reports every wrong field at once, each with a sentence shown beside it.
      const first = showErrors(form, error);
      status.textContent = error.errors.length > 1 ? `Please correct the ${error.errors.length} marked fields.` : error.message;
      (first || status).focus?.();
    } finally {
      submit.disabled = false;
    }
  });

  main.replaceChildren(h('h1', { tabindex: '-1' }, 'New complaint'), h('p', { class: 'hint' }, 'For complaints that come in by phone or at the desk.'), form);
  return { title: 'New complaint' };
}
