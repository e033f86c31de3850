// Admins: assignment rules. A hostel (and a category, or all) goes to one porter or a team; the
// server picks the on-duty member with the fewest open complaints. Deletes carry the rule's ETag.
import { h, field, select, showErrors, labelOf } from './dom.js';
import * as api from './api.js';

export async function rulesView(ctx, main) {
  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'work-list', 'aria-label': 'Assignment rules' });
  const porters = () => ctx.assignable().filter((p) => p.role === 'porter');
  const team = h('fieldset', { class: 'field wide' }, h('legend', null, 'Porters (one, or several for a team)'));
  const create = h('form', { class: 'card form-grid', novalidate: true, 'aria-labelledby': 'create-rule' },
    h('h2', { id: 'create-rule', class: 'wide' }, 'Add a rule'),
    field('Name', h('input', { name: 'name', required: true, maxlength: '100', autocomplete: 'off' })),
    field('Hostel', select('hostel', ctx.hostels.map((x) => [x.slug, x.display_name]), '')),
    field('Category', select('category', [['', 'Every category'], ...ctx.categories.map((c) => [c, labelOf(c)])], '')),
    team,
    h('div', { class: 'field wide' }, h('button', { type: 'submit', class: 'primary' }, 'Add rule')));

  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(create);
    const body = {
      name: String(data.get('name') || '').trim(),
      hostel: data.get('hostel'),
      category: data.get('category') || null,
      porter_ids: data.getAll('porter_ids'),
    };
    try {
      await api.post('/api/v1/assignment-rules', body);
      create.reset();
      showErrors(create, null);
      say(`Rule “${body.name}” added.`);
      await reload();
    } catch (error) {
      if (error.status === 401) return;
      showErrors(create, error);
      say(error.message, true);
    }
  });

  function say(text, bad) {
    notice.textContent = text;
    notice.className = bad ? 'notice error' : 'notice success';
  }

  async function reload() {
    team.replaceChildren(h('legend', null, 'Porters (one, or several for a team)'),
      ...porters().map((p) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'porter_ids', value: p.id }), ` ${p.full_name}`)));
    const rules = await api.get('/api/v1/assignment-rules');
    list.replaceChildren(...(rules.length ? rules.map(item) : [h('li', { class: 'hint' }, 'No rules: complaints are assigned by hand.')]));
  }

  function item(rule) {
    const remove = h('button', { type: 'button', class: 'secondary', 'data-action': `delete-rule-${rule.id}`, onclick: async () => {
      try {
        await api.del(`/api/v1/assignment-rules/${rule.id}`, undefined, { headers: { 'If-Match': `"${rule.version}"` } });
        say(`Rule “${rule.name}” deleted.`);
        await reload();
      } catch (error) {
        say(error.status === 412 ? 'Someone changed this rule meanwhile; here are the rules as they are now.' : error.message, true);
        await reload();
      }
    } }, 'Delete');
    return h('li', { class: 'card work-item', 'data-rule': rule.id },
      h('h2', null, rule.name),
      h('p', null, `${ctx.hostelName(rule.hostel)} · ${rule.category ? labelOf(rule.category) : 'every category'} → `,
        rule.porter_ids.map((id) => ctx.personName(id)).join(', '),
        rule.porter_ids.length > 1 ? ' (team: fewest open, on duty)' : ''),
      h('div', { class: 'button-row' }, remove));
  }

  main.replaceChildren(h('h1', { tabindex: '-1' }, 'Assignment rules'), notice, list, create);
  await reload();
  return { title: 'Assignment rules', update: () => reload() };
}
