// Issue 18 on a complaint's page: what it is linked to (the complaint it was merged into, an
// incident, a repeat fault), and open complaints that look like the same problem, each of which
// staff can merge into this one.
import { h, labelOf } from './dom.js';
import * as api from './api.js';

// act(action, done) runs a write the detail page's way: reload, then say `done` (or the failure).
export function linksSection(ctx, complaint, act) {
  // Only complaints of the same hostel are offered here, so a merge never needs its warning.
  const merge = (duplicate) => act(
    () => api.post(`/api/v1/complaints/${duplicate.id}/merge`, { into: complaint.id }),
    `${duplicate.reference} is merged into this complaint.`);
  const unmerge = () => act(() => api.del(`/api/v1/complaints/${complaint.id}/merge`), 'The merge is undone.');

  const list = h('ul', { class: 'similar' });
  const section = h('section', { 'aria-labelledby': 'd-similar' },
    h('h2', { id: 'd-similar' }, 'Links and similar complaints'), links(complaint), list);
  if (complaint.status === 'reported' || complaint.status === 'in_progress') {
    api.get(`/api/v1/complaints/${complaint.id}/similar`).then((found) => {
      list.replaceChildren(...(found.items.length
        ? found.items.map((s) => h('li', { 'data-id': s.id },
          h('a', { href: `#/complaints/${s.id}` }, `${s.reference} · ${s.room_number} · ${labelOf(s.status)}`),
          ' ', s.description.length > 80 ? s.description.slice(0, 79) + '…' : s.description, ' ',
          h('button', { type: 'button', class: 'secondary', onclick: () => merge(s) }, `Merge ${s.reference} into this one`)))
        : [h('li', null, 'No open complaint like this one in the same room or wing in the last 14 days.')]));
    }).catch(() => {});
  }

  function links(c) {
    const items = [];
    if (c.duplicate_of) {
      items.push(h('li', null, 'A duplicate of ', h('a', { href: `#/complaints/${c.duplicate_of}` }, 'this complaint'), '. ',
        h('button', { type: 'button', class: 'secondary', onclick: unmerge }, 'Unmerge')));
    }
    if (c.duplicates?.length) {
      items.push(h('li', null, `${c.duplicates.length} duplicate(s) merged into it: `,
        ...c.duplicates.map((d, i) => [i ? ', ' : '', h('a', { href: `#/complaints/${d}` }, `#${i + 1}`)])));
    }
    if (c.incident_id) items.push(h('li', null, 'Part of an active or past incident (see the list page).'));
    if (c.repeat) items.push(h('li', { class: 'repeat' }, `Repeat fault: ${c.repeat_of_count} complaints of this kind here within the alarm window.`));
    return items.length ? h('ul', { class: 'links' }, items) : null;
  }

  return section;
}
