// An account's activity timeline (newest first): an icon per kind, a badge for what was captured
// from e-mail, calendars or billing, and a "Log activity" form for calls, meetings and notes
// (POST /api/activities).
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { emptyState } from '../ui/states.js';
import { field, formErrorBox, setFieldError, showErrors, busy, confirmDialog } from '../ui/form.js';
import { card } from './common.js';
import { dateTime, localToUtc, nowLocal } from './crm-common.js';

const KIND_LABELS = { email: 'E-mail', call: 'Call', meeting: 'Meeting', note: 'Note' };
const SOURCE_LABELS = { email: 'Captured from e-mail', calendar: 'Captured from calendar', billing: 'Captured from billing' };
/** 24×24 stroke icons, one per kind. */
const ICONS = {
  email: 'M3 6h18v12H3zM3 7l9 6 9-6',
  call: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
  meeting: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  note: 'M5 3h10l4 4v14H5zM14 3v5h5M8 13h8M8 17h5',
};
const icon = (kind) => h('span', { class: `act-icon act-${kind}`, 'aria-hidden': 'true' },
  h('svg:svg', { viewBox: '0 0 24 24' }, h('svg:path', { d: ICONS[kind] || ICONS.note, fill: 'none', stroke: 'currentColor', 'stroke-width': '1.8', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' })));

export function createActivityPanel({ accountId, onChanged }) {
  const toggle = h('button', { type: 'button', class: 'btn btn-primary btn-xs', 'aria-expanded': 'false', 'aria-controls': 'log-activity', 'data-testid': 'log-activity' }, 'Log activity');
  const panel = card({ title: 'Activity', subtitle: 'Every touch with the account, newest first', testid: 'account-activity', tools: toggle });

  const controls = {
    kind: h('select', { class: 'input' }, ['call', 'meeting', 'note'].map((k) => h('option', { value: k }, KIND_LABELS[k]))),
    at: h('input', { type: 'datetime-local', class: 'input' }),
    subject: h('input', { type: 'text', class: 'input', autocomplete: 'off', maxlength: '200' }),
    contact_id: h('select', { class: 'input' }),
    deal_id: h('select', { class: 'input' }),
    body: h('textarea', { class: 'input textarea', rows: '3' }),
  };
  const labels = { kind: ['Kind'], at: ['When'], subject: ['Subject', 'One line, e.g. “Pricing call with the CFO”.'], contact_id: ['Contact'], deal_id: ['Deal'], body: ['Notes'] };
  const fields = Object.fromEntries(Object.entries(controls).map(([n, c]) => {
    c.setAttribute('data-testid', `activity-field-${n}`);
    return [n, field(n, labels[n][0], c, labels[n][1], 'activity-')];
  }));
  const formError = formErrorBox('activity-form-error');
  const save = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', 'data-testid': 'save-activity' }, 'Log it');
  const form = h('form', { id: 'log-activity', class: 'activity-form', novalidate: true, hidden: true, 'aria-label': 'Log an activity' },
    formError, h('div', { class: 'form-grid activity-grid' }, Object.values(fields).map((f) => f.el)),
    h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'btn btn-secondary btn-sm', onclick: () => show(false) }, 'Cancel'), save));
  const timeline = h('div', { class: 'activity-timeline' });
  panel.show(form, timeline);

  function show(open) {
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) {
      showErrors(fields, formError, null);
      controls.at.value = nowLocal();
      controls.subject.value = '';
      controls.body.value = '';
      controls.kind.focus();
    } else toggle.focus();
  }
  toggle.addEventListener('click', () => show(form.hidden));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showErrors(fields, formError, null);
    if (!controls.subject.value.trim()) { setFieldError(fields.subject, ['Say what it was about.']); controls.subject.focus(); return; }
    if (!controls.at.value || Number.isNaN(new Date(controls.at.value).getTime())) { setFieldError(fields.at, ['Pick when it happened.']); controls.at.focus(); return; }
    const body = {
      kind: controls.kind.value, at: localToUtc(controls.at.value), subject: controls.subject.value.trim(),
      body: controls.body.value.trim() || null, account_id: accountId,
      contact_id: controls.contact_id.value || null, deal_id: controls.deal_id.value || null,
    };
    await busy(save, 'Saving…', async () => {
      try {
        await api.send('POST', '/api/activities', body);
        show(false);
        onChanged(`${KIND_LABELS[body.kind]} logged`);
      } catch (err) { showErrors(fields, formError, err); }
    });
  });

  const item = (a, names) => h('li', { class: `act-item act-kind-${a.kind}`, 'data-testid': `activity-${a.activity_id}`, 'data-kind': a.kind, 'data-source': a.source },
    icon(a.kind),
    h('div', { class: 'act-main' },
      h('p', { class: 'act-line' }, h('span', { class: 'sr-only' }, `${KIND_LABELS[a.kind] || a.kind}: `), h('strong', { class: 'act-subject' }, a.subject),
        SOURCE_LABELS[a.source] ? h('span', { class: `badge source-badge source-${a.source}`, 'data-testid': 'activity-source' }, SOURCE_LABELS[a.source]) : null),
      h('p', { class: 'act-meta small muted' }, h('time', { datetime: a.at }, dateTime(a.at)), ' · ', KIND_LABELS[a.kind] || a.kind,
        a.contact_id ? ` · ${names.contacts[a.contact_id] || a.contact_id}` : '', a.deal_id ? ` · ${names.deals[a.deal_id] || a.deal_id}` : ''),
      a.body ? h('p', { class: 'act-body' }, a.body) : null),
    a.source === 'manual' ? h('button', { type: 'button', class: 'btn btn-danger-ghost btn-xs act-delete', 'aria-label': `Delete “${a.subject}”`,
      onclick: async () => {
        if (!await confirmDialog({ title: 'Delete this activity?', body: a.subject, testid: 'confirm-delete-activity' })) return;
        try {
          await api.send('DELETE', `/api/activities/${encodeURIComponent(a.activity_id)}`);
          onChanged('Activity deleted');
        } catch (err) { onChanged(null, err); }
      } }, 'Delete') : null);

  return {
    el: panel.el,
    render(doc) {
      const contacts = Object.fromEntries((doc.contacts || []).map((c) => [c.contact_id, c.name]));
      const deals = Object.fromEntries((doc.deals || []).map((d) => [d.deal_id, d.title]));
      if (!form.contains(document.activeElement)) {
        const keep = (sel, v) => { if ([...sel.options].some((o) => o.value === v)) sel.value = v; };
        const [c, d] = [controls.contact_id.value, controls.deal_id.value];
        replace(controls.contact_id, h('option', { value: '' }, 'None'), (doc.contacts || []).map((x) => h('option', { value: x.contact_id }, x.name)));
        replace(controls.deal_id, h('option', { value: '' }, 'None'), (doc.deals || []).map((x) => h('option', { value: x.deal_id }, x.title)));
        keep(controls.contact_id, c);
        keep(controls.deal_id, d);
      }
      if (!panel.body.contains(timeline)) panel.show(form, timeline); // after an error
      const acts = [...(doc.activities || [])].sort((a, b) => new Date(b.at) - new Date(a.at)); // newest first, whatever the order
      panel.subtitle(`${acts.length} ${acts.length === 1 ? 'touch' : 'touches'}, newest first`);
      replace(timeline, acts.length
        ? h('ol', { class: 'act-list', 'data-testid': 'activities' }, acts.map((a) => item(a, { contacts, deals })))
        : emptyState('No activity yet', 'Log a call, a meeting or a note; captured mail and meetings appear here too.'));
    },
    error(err, retry) { panel.error(err, retry); },
  };
}
