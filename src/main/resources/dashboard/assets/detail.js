// One complaint: every field, photos, history, and the moves the API says this user may make.
import { h, formatTime, labelOf, safeUrl } from './dom.js';
import * as api from './api.js';
import { commentSection } from './comments.js';
import { reporterSection } from './reporter.js';
import { dueBadge, priorityBadge, priorityForm, holdReason, slaItems } from './sla.js';
import { linksSection } from './hostel.js';

// Moves that undo progress are offered as secondary buttons; the normal next step is the primary one.
const BACKWARD = new Set(['in_progress>reported', 'resolved>in_progress', 'in_progress>on_hold']);
const MOVE_LABEL = {
  'reported>in_progress': 'Start work',
  'in_progress>resolved': 'Mark resolved',
  'in_progress>reported': 'Put back to reported',
  'resolved>closed': 'Close',
  'resolved>in_progress': 'Reopen',
  'in_progress>on_hold': 'Put on hold',
  'on_hold>in_progress': 'Release: back to work',
};
export const PHOTO_TYPES = 'image/jpeg,image/png,image/gif,image/webp';

export async function detailView(ctx, main, params) {
  const id = params.id;
  let complaint = null;
  let etag = null;
  let history = [];
  let photos = [];
  let comments = [];

  const heading = h('h1', { tabindex: '-1' }, 'Complaint');
  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'detail' });
  const viewer = photoViewer();
  main.replaceChildren(h('p', null, h('a', { href: '#/complaints', class: 'back' }, '← All complaints')), heading, body, viewer.dialog);

  async function load() {
    const [current, events, pictures, notes] = await Promise.all([
      api.get(`/api/v1/complaints/${id}`, { withEtag: true }),
      api.get(`/api/v1/complaints/${id}/history`),
      loadPhotos(),
      api.get(`/api/v1/complaints/${id}/comments`),
    ]);
    comments = notes;
    complaint = current.data;
    etag = current.etag;
    history = events;
    photos = pictures || (complaint.photo_urls || []).map((url) => ({ file_url: url, thumbnail_url: url }));
    render();
    // photo_ready reloads at once; looking again now and then covers an event missed while offline.
    if (photos.some((photo) => photo.state === 'processing')) {
      setTimeout(() => { if (document.body.contains(body)) load().catch(() => {}); }, 3000);
    }
  }

  async function loadPhotos() {
    try {
      return await api.get(`/api/v1/complaints/${id}/photos`);
    } catch (error) {
      if (error.status === 404 || error.status === 405) return null;
      throw error;
    }
  }

  function render() {
    const focusedAction = document.activeElement?.dataset?.action;
    heading.textContent = `${complaint.reference ? complaint.reference + ' · ' : ''}${complaint.room_number} · ${ctx.hostelName(complaint.hostel)} · ${labelOf(complaint.category)}`;
    body.replaceChildren(
      h('div', { class: 'badges' },
        h('span', { class: `badge status-${complaint.status}` }, labelOf(complaint.status)),
        h('span', { class: `badge severity-${complaint.severity}` }, `${complaint.severity} severity`),
        priorityBadge(complaint), dueBadge(complaint)),
      actions(),
      h('section', { 'aria-labelledby': 'd-desc' },
        h('h2', { id: 'd-desc' }, 'Description'),
        h('p', { class: 'description', id: 'description' }, complaint.description)),
      h('section', { 'aria-labelledby': 'd-fields' },
        h('h2', { id: 'd-fields' }, 'Details'),
        h('dl', { class: 'fields' },
          item('Status', labelOf(complaint.status)),
          slaItems(complaint),
          item('Severity', complaint.severity),
          item('Hostel', ctx.hostelName(complaint.hostel)),
          item('Wing', complaint.wing),
          item('Room', complaint.room_number),
          item('Category', labelOf(complaint.category)),
          item('Assigned to', ctx.personName(complaint.assigned_porter_id)),
          item('Reporter (Telegram)', complaint.telegram_user_id || '—'),
          item('Channel', complaint.channel || '—'),
          item('Created', formatTime(complaint.created_at)),
          item('Last changed', formatTime(complaint.updated_at)),
          item('Reference', complaint.reference || '—'),
          item('Reporter’s rating', complaint.rating ? `${'★'.repeat(complaint.rating)} (${complaint.rating} of 5)` : '—'),
          item('Id', complaint.id))),
      photoSection(),
      commentSection(ctx, id, comments, load),
      // replaceChildren would print a null as the word "null".
      ...[reporterSection(ctx, complaint)].filter(Boolean),
      linksSection(ctx, complaint, write),
      h('section', { 'aria-labelledby': 'd-history' },
        h('h2', { id: 'd-history' }, 'History'),
        h('ol', { class: 'history' }, history.map(historyItem))),
    );
    if (focusedAction) body.querySelector(`[data-action="${CSS.escape(focusedAction)}"]`)?.focus();
  }

  function item(term, value) {
    return [h('dt', null, term), h('dd', null, value)];
  }

  function actions() {
    const statusButtons = complaint.allowed_transitions.map((target) =>
      h('button', { type: 'button', class: BACKWARD.has(`${complaint.status}>${target}`) ? 'secondary' : 'primary', 'data-action': `status-${target}`, onclick: () => changeStatus(target) },
        MOVE_LABEL[`${complaint.status}>${target}`] || `Move to ${labelOf(target)}`));
    // The outcome of an action is shown beside the buttons that caused it, not off-screen above.
    const parts = [h('h2', { id: 'd-actions' }, 'Actions'), notice];
    const hint = statusHint();
    parts.push(statusButtons.length
      ? h('div', { class: 'button-row', role: 'group', 'aria-label': 'Change status' }, statusButtons)
      : hint ? h('p', { class: 'hint' }, hint) : null);
    parts.push(holdReason(complaint));
    if (complaint.can_set_priority) parts.push(priorityForm(complaint, setPriority));
    if (complaint.status !== 'closed') parts.push(assignment());
    return h('section', { class: 'actions', 'aria-labelledby': 'd-actions' }, parts);
  }

  function statusHint() {
    if (complaint.status === 'closed') return 'This complaint is closed.';
    // A porter who may take it needs no warning: "Assign to me" beside it is the way to start.
    if (complaint.can_assign && !complaint.assigned_porter_id) return null;
    if (complaint.assigned_porter_id && complaint.assigned_porter_id !== ctx.me.id) {
      return `Only ${ctx.personName(complaint.assigned_porter_id)} or an admin can change its status.`;
    }
    return 'You cannot change the status of this complaint.';
  }

  function assignment() {
    if (!complaint.can_assign) {
      return h('p', { class: 'hint' }, complaint.assigned_porter_id === ctx.me.id ? 'Assigned to you.' : `Assigned to ${ctx.personName(complaint.assigned_porter_id)}.`);
    }
    if (ctx.me.role === 'admin') {
      const choice = h('select', { id: 'assign-to', name: 'assigned_porter_id' },
        h('option', { value: '' }, 'Unassigned'),
        ctx.assignable().map((p) => h('option', { value: p.id, selected: p.id === complaint.assigned_porter_id }, `${p.full_name} (${p.role})`)));
      return h('form', { class: 'assign', onsubmit: (event) => {
        event.preventDefault();
        assign(choice.value || null);
      } },
      h('label', { for: 'assign-to' }, 'Assign to'), choice,
      h('button', { type: 'submit', class: 'secondary', 'data-action': 'assign' }, 'Assign'));
    }
    return h('div', { class: 'button-row' },
      h('button', { type: 'button', class: 'secondary', 'data-action': 'assign-me', onclick: () => assign(ctx.me.id) }, 'Assign to me'));
  }

  async function setPriority(priority) {
    await write(() => api.patch(`/api/v1/complaints/${id}`, { priority }, { headers: etag ? { 'If-Match': etag } : {} }), `Priority set to ${priority}.`);
  }

  async function changeStatus(target) {
    const reason = target === 'on_hold' ? body.querySelector('#hold-reason')?.value : undefined;
    await write(() => api.patch(`/api/v1/complaints/${id}/status`, { status: target, reason }, { headers: etag ? { 'If-Match': etag } : {} }),
      `Status changed to ${labelOf(target)}.`);
  }

  async function assign(porter) {
    await write(() => api.patch(`/api/v1/complaints/${id}/assign`, { assigned_porter_id: porter }, { headers: etag ? { 'If-Match': etag } : {} }),
      porter ? `Assigned to ${ctx.personName(porter)}.` : 'Unassigned.');
  }

  async function write(action, done) {
    for (const button of body.querySelectorAll('.actions button')) button.disabled = true;
    try {
      await action();
      await load();
      notice.textContent = done;
      notice.className = 'notice success';
      notice.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      if (error.status === 401) return;
      if (error.status === 412) {
        await load();
        notice.textContent = 'Someone changed this complaint meanwhile; here is its current state. Try again if still needed.';
      } else {
        notice.textContent = error.message;
        render();
      }
      notice.className = 'notice error';
    }
  }

  function photoSection() {
    const file = h('input', { type: 'file', id: 'photo-file', name: 'file', accept: PHOTO_TYPES });
    const status = h('p', { class: 'form-status', role: 'status' });
    const upload = h('form', { class: 'upload', onsubmit: async (event) => {
      event.preventDefault();
      if (!file.files.length) {
        status.textContent = 'Choose a photo first.';
        file.focus();
        return;
      }
      const data = new FormData();
      data.append('file', file.files[0]);
      status.textContent = 'Uploading…';
      try {
        await api.post(`/api/v1/complaints/${id}/photos`, data);
        await load();
        notice.textContent = 'Photo added.';
        notice.className = 'notice success';
        document.getElementById('photo-file')?.focus();
      } catch (error) {
        status.textContent = error.message;
      }
    } },
    h('label', { for: 'photo-file' }, 'Add a photo'), file,
    h('button', { type: 'submit', class: 'secondary' }, 'Upload'), status);
    const list = photos.length
      ? h('ul', { class: 'photos' }, photos.map((photo, index) => h('li', null,
        // Processed in the background: a placeholder until the photo_ready event reloads the list.
        photo.state === 'processing' || photo.state === 'failed'
          ? h('span', { class: `thumb pending ${photo.state}` }, photo.state === 'failed' ? 'Could not be processed' : 'Processing…')
          : h('button', { type: 'button', class: 'thumb', 'aria-label': `Open photo ${index + 1} of ${photos.length}`, onclick: () => viewer.open(photo, index, photos.length) },
            h('img', { src: photo.thumbnail_url || photo.file_url, alt: '', width: '128', height: '128', loading: 'lazy' })))))
      : h('p', { class: 'hint' }, 'No photos.');
    // A closed complaint is final: nothing more is added to it.
    return h('section', { 'aria-labelledby': 'd-photos' }, h('h2', { id: 'd-photos' }, 'Photos'), list, complaint.status === 'closed' ? null : upload);
  }

  function historyItem(entry) {
    return h('li', null,
      h('time', { datetime: entry.at }, formatTime(entry.at)), ' · ',
      h('span', { class: 'actor' }, entry.actor_name || 'someone'), ' · ',
      describe(entry));
  }

  function describe(entry) {
    switch (entry.action) {
      case 'created':
        return 'reported the complaint';
      case 'status':
        return `moved it from ${labelOf(entry.from)} to ${labelOf(entry.to)}`;
      case 'photo_added':
        return 'added a photo';
      case 'photo_removed':
        return 'removed a photo';
      case 'rule':
        return entry.to;
      case 'hold':
        return `put it on hold: ${entry.to}`;
      case 'comment':
        return entry.from === 'internal' ? 'wrote an internal note' : 'wrote a public comment';
      case 'comment_edited':
        return `edited a comment (it read: “${entry.from}”)`;
      case 'assignment':
        return entry.to ? `assigned it to ${ctx.personName(entry.to)}` : `unassigned it from ${ctx.personName(entry.from)}`;
      default:
        return [labelOf(entry.action), entry.from ? ` ${entry.from}` : '', entry.to ? ` → ${entry.to}` : ''].join('');
    }
  }

  async function onEvent(event) {
    if (event.event_type === 'new_complaint' || event.data?.complaint_id !== id) return;
    try {
      await load();
      const processed = event.event_type === 'photo_ready' || event.event_type === 'photo_failed';
      if (!processed && event.data?.updated_by !== ctx.me.id && event.data?.assigned_by !== ctx.me.id) {
        notice.textContent = 'This complaint was just changed by someone else; showing its current state.';
        notice.className = 'notice';
      }
    } catch (error) {
      if (error.status === 404) notice.textContent = 'This complaint is no longer visible to you.';
    }
  }

  await load();
  return { title: 'Complaint', onEvent, update: () => load() };
}

function photoViewer() {
  const image = h('img', { alt: '' });
  const caption = h('p', { class: 'caption' });
  const original = h('a', { target: '_blank', rel: 'noopener noreferrer' }, 'Open the original in a new tab');
  const close = h('button', { type: 'button', class: 'secondary' }, 'Close');
  const dialog = h('dialog', { class: 'viewer', 'aria-label': 'Photo' }, image, caption, h('div', { class: 'button-row' }, original, close));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  return {
    dialog,
    open(photo, index, count) {
      image.src = safeUrl(photo.file_url);
      image.alt = `Photo ${index + 1} of ${count}`;
      original.href = safeUrl(photo.file_url);
      caption.textContent = [photo.file_name, photo.width && photo.height ? `${photo.width}×${photo.height}` : ''].filter(Boolean).join(' · ');
      dialog.showModal();
      close.focus();
    },
  };
}
