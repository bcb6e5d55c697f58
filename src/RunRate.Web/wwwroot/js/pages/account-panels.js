// The CRM side of a customer page (GET /api/accounts/{id}): contacts (add, edit, delete), deals with a
// link to the board, and the e-mail domains that file captured mail and meetings on the account.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { emptyState } from '../ui/states.js';
import { dialogShell, field, formErrorBox, setFieldError, showErrors, busy, confirmDialog } from '../ui/form.js';
import { card } from './common.js';
import { dealKindBadge, outcomeBadge, hrefWith } from './crm-common.js';
import { createActivityPanel } from './activity-panel.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

function contactDialog(accountId, onSaved) {
  const controls = {
    name: h('input', { type: 'text', class: 'input', autocomplete: 'off' }),
    email: h('input', { type: 'email', class: 'input', autocomplete: 'off' }),
    phone: h('input', { type: 'tel', class: 'input', autocomplete: 'off' }),
    role: h('input', { type: 'text', class: 'input', autocomplete: 'off' }),
  };
  const labels = { name: ['Name'], email: ['E-mail', 'Mail and meetings from this address are logged on the account.'], phone: ['Phone'], role: ['Role', 'e.g. CFO, champion'] };
  const fields = Object.fromEntries(Object.entries(controls).map(([n, c]) => {
    c.setAttribute('data-testid', `contact-field-${n}`);
    return [n, field(n, labels[n][0], c, labels[n][1], 'contact-')];
  }));
  const formError = formErrorBox('contact-form-error');
  const save = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'save-contact' }, 'Save contact');
  const title = h('span', null, 'New contact');
  const dlg = dialogShell('contact-dialog', title, [formError, h('div', { class: 'form-grid' }, Object.values(fields).map((f) => f.el))],
    [h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dlg.close() }, 'Cancel'), save]);
  let editing = null;
  dlg.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    showErrors(fields, formError, null);
    const body = Object.fromEntries(Object.entries(controls).map(([n, c]) => [n, c.value.trim() || null]));
    if (!body.name) { setFieldError(fields.name, ['Name the person.']); controls.name.focus(); return; }
    if (body.email && !EMAIL.test(body.email)) { setFieldError(fields.email, ['That is not an e-mail address.']); controls.email.focus(); return; }
    body.account_id = accountId;
    await busy(save, 'Saving…', async () => {
      try {
        if (editing) await api.send('PUT', `/api/contacts/${encodeURIComponent(editing.contact_id)}`, { contact_id: editing.contact_id, ...body });
        else await api.send('POST', '/api/contacts', body);
        dlg.close();
        onSaved(editing ? `Contact ${body.name} saved` : `Contact ${body.name} added`);
      } catch (err) {
        showErrors(fields, formError, err);
      }
    });
  });
  document.body.append(dlg);
  return {
    open(contact = null) {
      editing = contact;
      replace(title, contact ? `Edit ${contact.name}` : 'New contact');
      showErrors(fields, formError, null);
      for (const [n, c] of Object.entries(controls)) c.value = contact?.[n] ?? '';
      dlg.showModal();
      controls.name.focus();
    },
    destroy: () => dlg.remove(),
  };
}

export function createAccountPanels({ accountId, onChanged }) {
  const addBtn = h('button', { type: 'button', class: 'btn btn-secondary btn-xs', 'data-testid': 'add-contact' }, '+ Add contact');
  const contacts = card({ title: 'Contacts', subtitle: 'People at the account', testid: 'account-contacts', tools: addBtn });
  const deals = card({ title: 'Deals', testid: 'account-deals', tools: h('a', { href: url.withGlobals('/pipeline'), 'data-link': true, class: 'small' }, 'Pipeline board →') });
  const domains = card({ title: 'E-mail domains', subtitle: 'Captured mail and meetings from anyone at these domains are logged here', testid: 'account-domains' });
  const activity = createActivityPanel({ accountId, onChanged });
  const dialog = contactDialog(accountId, onChanged);
  addBtn.addEventListener('click', () => dialog.open());

  const renderContacts = (doc) => {
    const cs = doc.contacts || [];
    contacts.subtitle(`${cs.length} ${cs.length === 1 ? 'person' : 'people'} at the account`);
    if (!cs.length) return contacts.show(emptyState('No contacts', 'Add the people you deal with, so their mail is logged here.'));
    contacts.show(h('ul', { class: 'contact-list', 'data-testid': 'contacts' }, cs.map((c) => h('li', { class: 'contact', 'data-testid': `contact-${c.contact_id}` },
      h('div', { class: 'contact-who' }, h('strong', null, c.name), c.role ? h('span', { class: 'chip small' }, c.role) : null),
      h('div', { class: 'contact-how small' },
        c.email ? h('a', { href: `mailto:${c.email}` }, c.email) : null, c.phone ? h('a', { href: `tel:${c.phone.replace(/[^\d+]/g, '')}` }, c.phone) : null),
      h('div', { class: 'contact-actions' },
        h('button', { type: 'button', class: 'btn btn-ghost btn-xs', 'aria-label': `Edit ${c.name}`, 'data-testid': `edit-contact-${c.contact_id}`, onclick: () => dialog.open(c) }, 'Edit'),
        h('button', { type: 'button', class: 'btn btn-danger-ghost btn-xs', 'aria-label': `Delete ${c.name}`, 'data-testid': `delete-contact-${c.contact_id}`,
          onclick: async () => {
            if (!await confirmDialog({ title: `Delete ${c.name}?`, body: 'The contact goes; activities logged with them stay on the account.', testid: 'confirm-delete-contact' })) return;
            try {
              await api.send('DELETE', `/api/contacts/${encodeURIComponent(c.contact_id)}`);
              onChanged(`Contact ${c.name} deleted`);
            } catch (err) { onChanged(null, err); }
          } }, 'Delete'))))));
  };

  const renderDeals = (doc) => {
    const when = (d) => d.closed_on || d.expected_close || '';
    const ds = [...(doc.deals || [])].sort((a, b) => (b.outcome === 'open') - (a.outcome === 'open') || when(b).localeCompare(when(a)));
    const open = ds.filter((d) => d.outcome === 'open').length;
    deals.subtitle(`${open} open · ${ds.length - open} closed`);
    if (!ds.length) return deals.show(emptyState('No deals', 'Create one on the pipeline board.'));
    const fromDeals = doc.lines_from_deals || {};
    deals.show(h('ul', { class: 'account-deals', 'data-testid': 'deals' }, ds.map((d) => {
      const lines = fromDeals[d.deal_id] || d.line_ids || [];
      return h('li', { class: 'account-deal', 'data-testid': `account-deal-${d.deal_id}` },
        h('div', { class: 'account-deal-head' },
          h('a', { href: hrefWith('/pipeline', { deal: d.deal_id }), 'data-link': true, class: 'account-deal-title' }, d.title),
          outcomeBadge(d.outcome, d.stage_name)),
        h('p', { class: 'small' }, h('strong', null, fmt.money(d.arr, d.currency)), ' ARR · ', dealKindBadge(d.kind), ' · ',
          d.outcome === 'open' ? `expected ${fmt.date(d.expected_close)}` : `${d.outcome} ${fmt.date(d.closed_on)}`,
          d.owner ? ` · ${d.owner}` : ''),
        d.lost_reason ? h('p', { class: 'small muted' }, `Lost: “${d.lost_reason}”`) : null,
        lines.length ? h('p', { class: 'small muted' }, 'Lines: ', lines.map((l, i) => [i ? ', ' : '', h('span', { class: 'mono' }, l)])) : null);
    })));
  };

  const renderDomains = (doc) => {
    const current = doc.account.domains || [];
    const input = h('input', { type: 'text', class: 'input', value: current.join(', '), autocomplete: 'off', 'data-testid': 'domains-input', placeholder: 'acme.com, acme.io' });
    const f = field('domains', 'Domains', input, 'Separate with commas.', 'domains-');
    const formError = formErrorBox('domains-form-error');
    const save = h('button', { type: 'submit', class: 'btn btn-secondary btn-sm', 'data-testid': 'save-domains' }, 'Save domains');
    const form = h('form', { class: 'domains-form', novalidate: true }, formError, f.el, save);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      showErrors({ domains: f }, formError, null);
      const list = [...new Set(input.value.split(/[\s,;]+/).map((s) => s.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
      const bad = list.find((d) => !DOMAIN.test(d));
      if (bad) { setFieldError(f, [`“${bad}” is not a domain like acme.com.`]); input.focus(); return; }
      await busy(save, 'Saving…', async () => {
        try {
          await api.send('PUT', `/api/accounts/${encodeURIComponent(accountId)}/domains`, { domains: list });
          onChanged('Domains saved');
        } catch (err) { showErrors({ domains: f }, formError, err); }
      });
    });
    domains.show(current.length
      ? h('ul', { class: 'chip-list', 'data-testid': 'domains' }, current.map((d) => h('li', { class: 'chip mono' }, `@${d}`)))
      : h('p', { class: 'muted small' }, 'No domain yet: only mail from known contacts is logged.'), form);
  };

  return {
    els: [contacts.el, deals.el, domains.el, activity.el],
    render(doc) {
      renderContacts(doc);
      renderDeals(doc);
      if (!domains.body.contains(document.activeElement)) renderDomains(doc); // never under the user's typing
      activity.render(doc);
    },
    error(err, retry) {
      for (const c of [contacts, deals, domains]) c.error(err, retry);
      activity.error(err, retry);
    },
    destroy() { dialog.destroy(); },
  };
}
