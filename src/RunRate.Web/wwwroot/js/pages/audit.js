// Audit log (/api/audit): every write, newest first — when, who, what and the fields it changed
// (before → after) — with filters by record kind, actor and record id, paging backwards by sequence
// number and a CSV download of everything the filters match (/api/audit.csv).
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import { emptyState } from '../ui/states.js';
import { createLoader, settle, card, pageHead } from './common.js';

const ENTITIES = ['customer', 'line', 'contact', 'domains', 'deal', 'activity', 'target', 'pipeline', 'scenario', 'billing', 'crm', 'ledger'];
const FILTER_KEYS = ['entity', 'actor', 'entity_id'];
const PAGE = 50;

const when = (iso) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
};
const show = (v) => (v == null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const verbOf = (action) => action.slice(action.indexOf('.') + 1);

/** The fields of an entry that changed: every field of a created or deleted record, else only those that differ. */
export function changes(before, after) {
  if (!before && !after) return [];
  const keys = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])];
  return keys.map((k) => ({ field: k, from: before ? before[k] : undefined, to: after ? after[k] : undefined }))
    .filter((c) => !before || !after || JSON.stringify(c.from) !== JSON.stringify(c.to));
}

function diffView(e) {
  const list = changes(e.before, e.after);
  const rows = list.map((c) => h('li', { 'data-field': c.field },
    h('span', { class: 'diff-field' }, c.field),
    e.before ? h('del', { class: 'diff-old' }, show(c.from)) : null,
    e.before && e.after ? h('span', { class: 'diff-arrow', 'aria-label': 'became' }, '→') : null,
    e.after ? h('ins', { class: 'diff-new' }, show(c.to)) : null));
  return h('div', { class: 'audit-change', 'data-testid': 'audit-diff' },
    e.detail ? h('p', { class: 'audit-detail' }, e.detail) : null,
    rows.length ? h('ul', { class: 'diff-list', 'aria-label': e.before && e.after ? 'Changed fields, before and after' : e.after ? 'Fields created' : 'Fields deleted' }, rows) : null,
    !rows.length && !e.detail ? h('span', { class: 'muted' }, 'no field changed') : null);
}

function entriesTable(entries) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Audit entries, scrollable' },
    h('table', { class: 'table audit-table', 'data-testid': 'audit-table' },
      h('caption', { class: 'sr-only' }, 'Audit log entries, newest first'),
      h('thead', null, h('tr', null, ['When', 'Who', 'Action', 'Record', 'Change'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, entries.map((e) => h('tr', { 'data-testid': 'audit-row', 'data-seq': e.seq, 'data-action': e.action },
        h('td', { class: 'nowrap' }, h('time', { datetime: e.at, title: e.at }, when(e.at)), h('span', { class: 'cell-id' }, `#${e.seq}`)),
        h('td', { class: 'audit-actor' }, e.actor),
        h('td', null, h('span', { class: `badge audit-verb verb-${verbOf(e.action)}` }, e.action)),
        h('td', { class: 'mono audit-record' }, e.entity_id || h('span', { class: 'muted' }, e.entity)),
        h('td', null, diffView(e)))))));
}

export default {
  title: 'Audit',
  filterMode: 'none',
  create(root, app) {
    const params = () => url.current();
    const entity = h('select', { class: 'input', id: 'audit-entity', 'data-testid': 'audit-filter-entity' },
      h('option', { value: '' }, 'All records'), ENTITIES.map((x) => h('option', { value: x }, x)));
    const actor = h('input', { type: 'text', class: 'input', id: 'audit-actor', placeholder: 'e.g. demo, cli:ada', autocomplete: 'off', spellcheck: false, 'data-testid': 'audit-filter-actor' });
    const record = h('input', { type: 'text', class: 'input', id: 'audit-id', placeholder: 'e.g. C-1001', autocomplete: 'off', spellcheck: false, 'data-testid': 'audit-filter-id' });
    const field = (id, label, input) => h('div', { class: 'form-field' }, h('label', { for: id, class: 'field-label' }, label), input);
    const apply = () => url.update({ entity: entity.value, actor: actor.value.trim(), entity_id: record.value.trim(), before: null });
    const form = h('form', { class: 'toolbar audit-filters', role: 'search', 'aria-label': 'Filter the audit log', onsubmit: (ev) => { ev.preventDefault(); apply(); } },
      field('audit-entity', 'Record kind', entity), field('audit-actor', 'Actor', actor), field('audit-id', 'Record id', record),
      h('div', { class: 'audit-filter-actions' },
        h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'audit-apply' }, 'Filter'),
        h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'audit-clear', onclick: () => url.update({ entity: null, actor: null, entity_id: null, before: null }) }, 'Clear')));
    entity.addEventListener('change', apply);
    const csv = h('a', { class: 'btn btn-secondary', href: '/api/audit.csv', download: 'audit.csv', 'data-testid': 'audit-csv' }, 'Download CSV');
    const subtitle = h('p', { class: 'page-sub' }, 'Every write, newest first: who, when and what changed. Entries are never edited or deleted.');
    const list = card({ title: 'Entries', testid: 'audit-entries', className: 'card-span' });
    const newer = h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'audit-newest', onclick: () => url.update({ before: null }) }, '← Newest');
    const older = h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'audit-older' }, 'Older →');
    const pager = h('nav', { class: 'audit-pager', 'aria-label': 'Pages of the audit log' }, newer, older);
    root.append(pageHead('Audit log', subtitle, csv), form, list.el, pager);
    const loader = createLoader(app, root);

    const load = (ctx, opts) => {
      const p = params();
      const filters = url.pick(p, FILTER_KEYS);
      entity.value = p.get('entity') || '';
      if (document.activeElement !== actor) actor.value = p.get('actor') || '';
      if (document.activeElement !== record) record.value = p.get('entity_id') || '';
      csv.href = `/api/audit.csv${filters.toString() ? `?${filters}` : ''}`;
      const q = url.pick(p, [...FILTER_KEYS, 'before']);
      q.set('limit', String(PAGE));
      return loader.run((signal) => settle({ res: api.get('/api/audit', q, { signal }) }), ({ res }) => {
        if (res.status !== 'fulfilled') {
          list.error(res.reason, () => load({ params: url.current() }, { background: false }));
          return;
        }
        const { entries, next_before: next } = res.value;
        list.subtitle(`${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}${p.get('before') ? ` older than #${p.get('before')}` : ''}`);
        list.show(entries.length ? entriesTable(entries)
          : emptyState('No entries', filters.toString() ? 'Nothing matches these filters.' : 'Writes from the dashboard, the API, the CLI and webhooks appear here.'));
        newer.disabled = !p.get('before');
        older.disabled = next == null;
        older.onclick = () => url.update({ before: String(next) });
      }, opts);
    };
    return { load, destroy: () => loader.abort() };
  },
};
