// Admins remove finished complaints past their retention; a dry run shows what would go first.
import { h, field, select, showErrors, labelOf } from './dom.js';
import * as api from './api.js';

export async function purgeView(ctx, main) {
  const result = h('div', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'card form-grid', novalidate: true },
    field('Status', select('complaint_status', [['', 'Resolved and closed'], ['resolved', 'Resolved only'], ['closed', 'Closed only']], '')),
    field('Older than (days)', h('input', { name: 'days_old', type: 'number', min: '0', max: '36500', inputmode: 'numeric' }), 'Leave empty for the configured retention per status'),
    h('div', { class: 'field wide button-row' },
      h('button', { type: 'submit', class: 'primary', value: 'dry', 'data-action': 'dry-run' }, 'Preview (dry run)'),
      h('button', { type: 'submit', class: 'danger', value: 'real', 'data-action': 'purge' }, 'Purge now')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const dryRun = event.submitter?.value !== 'real';
    const data = new FormData(form);
    const body = { dry_run: dryRun };
    if (data.get('complaint_status')) body.complaint_status = data.get('complaint_status');
    const days = String(data.get('days_old') || '').trim();
    if (days) body.days_old = Number(days);
    if (!dryRun && !window.confirm('Remove these complaints and their photos for good?')) return;
    try {
      const answer = await api.del('/api/v1/admin/purge', body);
      showErrors(form, null);
      const ids = answer.deleted_ids || [];
      result.replaceChildren(
        h('h2', null, answer.dry_run ? 'Dry run: nothing was removed' : 'Purged'),
        h('p', null, outcome(answer)),
        h('ul', null, Object.entries(answer.by_status || {}).map(([status, count]) => h('li', null, `${labelOf(status)}: ${count}`))),
        // replaceChildren would print a null as the word "null".
        ...(ids.length ? [h('details', null, h('summary', null, 'Ids'), h('ul', { class: 'ids' }, ids.slice(0, 200).map((id) => h('li', null, id))))] : []),
      );
    } catch (error) {
      if (error.status === 401) return;
      showErrors(form, error);
      result.replaceChildren(h('p', { class: 'error' }, error.message));
    }
  });

  function outcome(answer) {
    const count = Number(answer.deleted_count) || 0;
    if (count === 0) {
      return answer.dry_run
        ? 'Nothing is old enough to remove: no complaint would be removed.'
        : 'Nothing was old enough to remove.';
    }
    const what = count === 1 ? '1 complaint' : `${count} complaints`;
    return `${what} ${answer.dry_run ? 'would be' : count === 1 ? 'was' : 'were'} removed.`;
  }

  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Purge finished complaints'),
    h('p', { class: 'hint' }, 'Only resolved and closed complaints are ever removed, together with their photos. Open complaints are never touched.'),
    form,
    result);
  return { title: 'Purge' };
}
