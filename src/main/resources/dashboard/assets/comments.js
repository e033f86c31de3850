// Comments and internal notes of one complaint. Text goes in as text nodes (see dom.js), so a
// comment holding HTML or script shows those characters and nothing else.
import { h, formatTime } from './dom.js';
import * as api from './api.js';

export function commentSection(ctx, id, comments, reload) {
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const text = h('textarea', { id: 'comment-body', name: 'body', rows: '3', maxlength: '5000', required: true });
  const visibility = h('select', { id: 'comment-visibility', name: 'visibility' },
    h('option', { value: 'internal' }, 'Internal note (staff only)'),
    h('option', { value: 'public' }, 'Public (the reporter is told)'));
  const form = h('form', { class: 'comment-form', onsubmit: async (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      status.textContent = 'Write something first.';
      text.focus();
      return;
    }
    status.textContent = 'Saving…';
    try {
      await api.post(`/api/v1/complaints/${id}/comments`, { body: text.value, visibility: visibility.value });
      text.value = '';
      status.textContent = 'Comment saved.';
      await reload();
      document.getElementById('comment-body')?.focus();
    } catch (error) {
      status.textContent = error.message;
    }
  } },
  h('label', { for: 'comment-body' }, 'Add a comment'), text,
  h('label', { for: 'comment-visibility' }, 'Who may read it'), visibility,
  h('button', { type: 'submit', class: 'secondary', 'data-action': 'comment' }, 'Save comment'), status);
  const list = comments.length
    ? h('ol', { class: 'comments' }, comments.map((c) => commentItem(ctx, id, c, reload)))
    : h('p', { class: 'hint' }, 'No comments yet.');
  return h('section', { 'aria-labelledby': 'd-comments' }, h('h2', { id: 'd-comments' }, 'Comments'), list, form);
}

function commentItem(ctx, id, c, reload) {
  const internal = c.visibility === 'internal';
  const text = h('p', { class: 'comment-body' }, c.body);
  const item = h('li', { class: `comment ${c.visibility}`, 'data-comment': c.id },
    h('p', { class: 'comment-meta' },
      h('span', { class: `badge visibility-${c.visibility}` }, internal ? 'Internal note' : 'Public'), ' ',
      h('span', { class: 'actor' }, c.author_name), ' · ',
      h('time', { datetime: c.created_at }, formatTime(c.created_at)),
      c.edited_at ? ' · edited' : ''),
    text);
  if (c.author_id === ctx.me.id && Date.parse(c.editable_until) > Date.now()) {
    item.append(h('button', { type: 'button', class: 'link-button', 'data-action': 'edit-comment', onclick: () => edit() }, 'Edit'));
  }
  function edit() {
    const area = h('textarea', { 'aria-label': 'Comment text', rows: '3', maxlength: '5000' });
    area.value = c.body;
    const error = h('p', { class: 'form-status', role: 'status' });
    const form = h('form', { onsubmit: async (event) => {
      event.preventDefault();
      try {
        await api.patch(`/api/v1/complaints/${id}/comments/${c.id}`, { body: area.value });
        await reload();
      } catch (failure) {
        error.textContent = failure.message;
      }
    } }, area, h('button', { type: 'submit', class: 'secondary' }, 'Save'), error);
    item.replaceChildren(form);
    area.focus();
  }
  return item;
}
