// What the import page shows after an upload: the counts of a capture or a ledger import, the
// messages and meetings no account matched, and a refused upload's located errors.
import { h } from '../dom.js';
import * as fmt from '../format.js';
import { dateTime } from './crm-common.js';

const UNMATCHED_SHOWN = 100;

/** A row of figures: [[key, label, value]] → <dl> whose figures carry data-testid `${prefix}-${key}` and data-value. */
export function stats(prefix, items) {
  return h('dl', { class: 'import-stats' }, items.map(([key, label, value]) => h('div', { class: `import-stat stat-${key}` },
    h('dt', null, label),
    h('dd', { 'data-testid': `${prefix}-${key}`, 'data-value': String(value) }, fmt.int(value)))));
}

/** The answer of POST /api/capture/mail or /calendar. */
export function captureResult(kind, res, files) {
  const isMail = kind === 'mail';
  const read = isMail ? res.messages : res.events;
  const unmatched = res.unmatched || [];
  const items = [
    ['read', isMail ? 'Messages read' : 'Events read', read],
    ['logged', 'Logged', res.logged],
    ['already', 'Already logged', res.already_logged],
    !isMail ? ['cancelled', 'Cancelled', res.cancelled] : null,
    ['unmatched', 'Unmatched', unmatched.length],
  ].filter(Boolean);
  const what = isMail ? 'message' : 'meeting';
  return h('div', { class: 'import-result is-ok', 'data-testid': `${kind}-result`, role: 'status' },
    h('p', { class: 'import-lead' }, h('strong', null, res.logged ? `${fmt.int(res.logged)} new ${res.logged === 1 ? 'activity' : 'activities'} logged` : 'Nothing new to log'),
      ` from ${filesText(files)}.`),
    stats(kind, items),
    unmatched.length ? unmatchedTable(kind, unmatched, what) : null);
}

function unmatchedTable(kind, unmatched, what) {
  const shown = unmatched.slice(0, UNMATCHED_SHOWN);
  return h('div', { class: 'import-unmatched' },
    h('h3', { class: 'sub-title' }, `Unmatched: no account for these ${what}s`),
    h('p', { class: 'small muted' }, 'Not stored. Add the people as contacts, or their company\u2019s domain to the account, and upload again.'),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'table table-compact unmatched-table', 'data-testid': `${kind}-unmatched-table` },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Subject'), h('th', { scope: 'col' }, isMailKind(kind) ? 'From' : 'Organizer'), h('th', { scope: 'col' }, isMailKind(kind) ? 'To' : 'Attendees'))),
        h('tbody', null, shown.map((u) => h('tr', { 'data-external-id': u.external_id },
          h('td', { class: 'nowrap' }, dateTime(u.at)),
          h('td', { class: 'unmatched-subject' }, u.subject),
          h('td', { class: 'mono' }, u.from || '—'),
          h('td', { class: 'mono' }, (u.to || []).join(', ') || '—')))))),
    unmatched.length > shown.length ? h('p', { class: 'small muted' }, `Showing ${fmt.int(shown.length)} of ${fmt.int(unmatched.length)}.`) : null);
}

const isMailKind = (kind) => kind === 'mail';

/** The answer of POST /api/ledger. */
export function ledgerResult(res, files, replaced) {
  return h('div', { class: 'import-result is-ok', 'data-testid': 'ledger-result', role: 'status' },
    h('p', { class: 'import-lead' }, h('strong', null, replaced ? 'Ledger replaced' : 'Ledger imported'),
      ` from ${filesText(files)}${replaced ? ': the stored ledger is now exactly these files.' : ': rows were added or updated by id.'}`),
    stats('ledger', [
      ['customers', 'Customers', res.customers], ['lines', 'Lines', res.lines], ['fx', 'Exchange rates', res.fx_rates], ['costs', 'Cost rows', res.costs],
    ]));
}

/**
 * A refused upload: the server's title, every located error (`lines.csv:2: start_date: …` for a
 * ledger, `inbox.mbox: message 3 (byte 10240): …` for mail) and that nothing was stored.
 */
export function failure(testid, err, nothingStored) {
  const located = locatedErrors(err);
  const stored = err.status >= 400 && err.status < 500
    ? nothingStored
    : 'If the upload reached the server, the store may or may not have changed: reload to check.';
  return h('div', { class: 'form-error import-error', role: 'alert', 'data-testid': testid },
    h('p', null, h('strong', null, err.title)),
    err.detail ? h('p', null, err.detail) : null,
    located.length ? h('ul', { class: 'import-errors', 'data-testid': `${testid}-list` }, located.map((m) => h('li', { class: 'mono' }, m))) : null,
    h('p', { class: 'import-unchanged', 'data-testid': `${testid}-unchanged` }, stored));
}

/** The problem's errors as lines: the located lists when the server sent them, else `field: message`. */
export function locatedErrors(err) {
  const ext = err.extensions || {};
  if (Array.isArray(ext.ledger_errors)) {
    const more = (ext.error_count || 0) - ext.ledger_errors.length;
    return [...ext.ledger_errors.map((e) => (e.line > 0 ? `${e.file}:${e.line}: ${e.column}: ${e.message}` : `${e.file}: ${e.column}: ${e.message}`)),
      ...(more > 0 ? [`… and ${fmt.int(more)} more`] : [])];
  }
  if (Array.isArray(ext.capture_errors)) {
    return ext.capture_errors.map((e) => (e.location ? `${e.file}: ${e.location}: ${e.message}` : `${e.file}: ${e.message}`));
  }
  return Object.entries(err.errors || {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((m) => `${k}: ${m}`));
}

function filesText(files) {
  return files.length === 1 ? files[0].name : `${fmt.int(files.length)} files`;
}
