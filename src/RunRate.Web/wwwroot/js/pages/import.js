// Import (/import): e-mail (.eml, mbox) and calendars (.ics) captured as activities through
// POST /api/capture/mail and /calendar, and a ledger (CSV files or a zip) through POST /api/ledger.
// Files are picked or dropped, then sent as multipart/form-data; every upload is all or nothing,
// so a refused one lists its located errors and says that nothing was stored.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { dropzone } from '../ui/dropzone.js';
import { busy, confirmDialog } from '../ui/form.js';
import { toast } from '../ui/toast.js';
import { card, pageHead } from './common.js';
import { captureResult, ledgerResult, failure } from './import-results.js';

const DOMAIN_RE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/** The own-domains field's value as ignore_domain parameters; the server names a bad one. */
const ownDomains = (text) => text.split(/[\s,;]+/).map((d) => d.trim().replace(/^@/, '')).filter(Boolean);

/** A card with a drop zone, optional fields, a submit button (enabled once files are chosen) and the outcome. */
function uploadCard({ testid, title, subtitle, drop, extra = null, action, run }) {
  const c = card({ title, subtitle, testid, className: 'import-card' });
  const result = h('div', { class: 'import-outcome', 'aria-live': 'polite', 'data-testid': `${testid}-outcome` });
  const button = h('button', { type: 'button', class: 'btn btn-primary', disabled: true, 'data-testid': `${testid}-submit` }, action);
  const zone = dropzone({ ...drop, onChange: (files) => { button.disabled = !files.length; } });
  button.addEventListener('click', () => busy(button, 'Uploading…', () => run(result, zone.files())).finally(() => { button.disabled = !zone.files().length; }));
  c.show(zone.el, extra, h('div', { class: 'form-actions import-actions' }, button), result);
  return c.el;
}

export default {
  title: 'Import',
  filterMode: 'none',
  create(root, app) {
    const ctrl = new AbortController();
    const domains = h('input', { type: 'text', id: 'import-own-domains', class: 'input', placeholder: 'runrate.io, runrate.com', autocomplete: 'off',
      spellcheck: false, 'data-testid': 'import-own-domains', 'aria-describedby': 'import-own-domains-hint' });
    const domainsField = h('div', { class: 'form-field import-domains' },
      h('label', { for: 'import-own-domains', class: 'field-label' }, 'Your own e-mail domains'), domains,
      h('p', { class: 'field-hint', id: 'import-own-domains-hint' }, 'Addresses at these domains are never taken for a customer (added to the server\u2019s own list). Separate several with commas.'));

    const capture = (kind, { endpoint, params = () => ({}), nothing }) => async (result, files) => {
      const bad = ownDomains(domains.value).find((d) => !DOMAIN_RE.test(d));
      if (bad) {
        replace(result, failure(`${kind}-error`, { status: 400, title: 'Check your own domains.', errors: { ignore_domain: [`'${bad}' is not a domain such as example.com`] } }, nothing));
        return;
      }
      try {
        const res = await api.upload(endpoint, files, { params: { ...params(), ignore_domain: ownDomains(domains.value) }, signal: ctrl.signal });
        replace(result, captureResult(kind, res, files));
      } catch (e) {
        if (!api.isAbort(e)) replace(result, failure(`${kind}-error`, e, nothing));
      }
    };

    // E-mail
    const mail = uploadCard({ testid: 'import-mail', title: 'E-mail', subtitle: 'Each message is logged on the accounts its From, To and Cc addresses belong to. Uploading the same mail again logs nothing twice.',
      drop: { testid: 'mail-drop', label: 'Drop .eml files or mbox archives here, or choose them',
        hint: 'An mbox is recognised by its first “From ” line, whatever its name (Thunderbird’s Inbox works).' },
      action: 'Capture e-mail', run: capture('mail', { endpoint: '/api/capture/mail', nothing: 'Nothing was stored: no message of this upload was logged.' }) });

    // Calendars
    const from = h('input', { type: 'date', id: 'import-cal-from', class: 'input', 'data-testid': 'import-cal-from' });
    const to = h('input', { type: 'date', id: 'import-cal-to', class: 'input', 'data-testid': 'import-cal-to' });
    const calWindow = h('div', { class: 'import-window' },
      h('div', { class: 'form-field' }, h('label', { for: 'import-cal-from', class: 'field-label' }, 'Recurring from'), from),
      h('div', { class: 'form-field' }, h('label', { for: 'import-cal-to', class: 'field-label' }, 'to'), to),
      h('p', { class: 'field-hint' }, 'Recurring meetings are logged between these days (default: 12 months ago to 3 months ahead); one-off meetings whatever their date.'));
    const cal = uploadCard({ testid: 'import-calendar', title: 'Calendars', subtitle: 'Each meeting is logged on the accounts of its organizer and attendees.',
      drop: { testid: 'cal-drop', label: 'Drop .ics calendars here, or choose them', hint: 'Every event of every calendar in the files; cancelled ones are counted, not logged.', accept: '.ics,text/calendar' },
      extra: calWindow, action: 'Capture meetings',
      run: capture('calendar', { endpoint: '/api/capture/calendar', params: () => ({ from: from.value, to: to.value }), nothing: 'Nothing was stored: no meeting of this upload was logged.' }) });

    // Ledger
    const replaceBox = h('input', { type: 'checkbox', id: 'import-replace', 'data-testid': 'import-replace' });
    const replaceField = h('div', { class: 'import-replace' },
      h('label', { class: 'check-inline', for: 'import-replace' }, replaceBox, 'Replace the whole ledger'),
      h('p', { class: 'field-hint' }, 'Off: rows are added or updated by id, and each month in costs.csv replaces that month\u2019s costs. On: the stored customers, lines, rates and costs become exactly these files.'));
    const nothingLedger = 'Nothing was stored: the ledger is exactly as it was before the upload.';
    const ledger = uploadCard({ testid: 'import-ledger', title: 'Ledger', subtitle: 'All or nothing, like runrate import: one error anywhere and no row is stored.',
      drop: { testid: 'ledger-drop', label: 'Drop customers.csv and lines.csv (fx.csv, costs.csv optional) or one .zip here, or choose them',
        hint: 'The same files as runrate import reads (docs/ledger-format.md).', accept: '.csv,.zip,text/csv,application/zip' },
      extra: replaceField, action: 'Import ledger', run: async (result, files) => {
        const replaced = replaceBox.checked;
        if (replaced && !await confirmDialog({ title: 'Replace the whole ledger?', confirmLabel: 'Replace ledger', testid: 'confirm-replace',
          body: `Every stored customer, line, exchange rate and cost not in ${files.length === 1 ? files[0].name : 'these files'} is removed. This cannot be undone.` })) return;
        try {
          const res = await api.upload('/api/ledger', files, { params: replaced ? { replace: 'true' } : null, signal: ctrl.signal });
          replace(result, ledgerResult(res, files, replaced));
          toast(replaced ? 'Ledger replaced' : 'Ledger imported', { kind: 'success' });
        } catch (e) {
          if (!api.isAbort(e)) replace(result, failure('ledger-error', e, nothingLedger));
        }
      } });

    root.append(pageHead('Import', h('p', { class: 'page-sub' }, 'Upload e-mail, calendars or a ledger. Each upload is all or nothing: a file with an error stores nothing.')),
      h('section', { class: 'import-capture', 'aria-label': 'Capture activities' }, domainsField, h('div', { class: 'grid-2 grid-tight' }, mail, cal)),
      ledger);
    return {
      load() { app.setState('ready'); }, // nothing to fetch; live refreshes leave the results in place
      destroy() { ctrl.abort(); },
    };
  },
};
