// Dialogs for one line: Cancel (POST /api/lines/{id}/end) and Edit (PUT /api/lines/{id}). Problem
// details `errors` from a 4xx answer are shown next to the fields they name. Opening a dialog reads the
// line's current version (GET /api/lines/{id}, its ETag) and the change is sent with If-Match: when
// someone changed the line meanwhile the server answers 412, nothing is written, and the dialog says so
// and offers to reload the current values.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { dialogShell, field, showErrors, numberOrRaw } from '../ui/form.js';

export { fieldErrors } from '../ui/form.js';

const FIELDS = ['line_id', 'customer_id', 'kind', 'product', 'start_date', 'end_date', 'amount', 'quantity', 'currency', 'interval_months'];

const STALE = {
  title: 'This line changed meanwhile; nothing was saved.',
  detail: 'Someone else changed it after you opened this form. Reload to see its current values, then make your change again.',
};

// Whether two readings of a line agree (the customer page's lines carry no customer_id).
const same = (a, b) => FIELDS.every((n) => n === 'customer_id' || String(a?.[n] ?? '') === String(b?.[n] ?? ''));

export function createLineDialogs({ meta, customerId, onSaved, onStale = () => {} }) {
  // Per dialog: the ETag its change expects (read when it opened, for the values shown), whether the line
  // had already changed since the page showed it, and the pending read. A stale dialog never sends.
  const versions = { cancel: {}, edit: {} };
  const lineUrl = (id) => `/api/lines/${encodeURIComponent(id)}`;

  /** Reads the line's current version; when it differs from what the dialog shows, says so instead. */
  function readVersion(which, shown, errorEl, errFields) {
    const state = { etag: null, stale: false };
    versions[which] = state;
    state.reading = api.getVersioned(lineUrl(shown.line_id)).then(({ body, etag }) => {
      if (versions[which] !== state) return;
      if (same(body, shown)) state.etag = etag;
      else {
        state.stale = true;
        showStale(which, shown, errFields, errorEl);
      }
    }, (err) => {
      if (versions[which] === state) showErrors(errFields, errorEl, err);
    });
  }

  /** The "changed meanwhile" message, with a button that reloads the line's current values into the dialog. */
  function showStale(which, line, errFields, errorEl) {
    showErrors(errFields, errorEl, STALE);
    const reload = async () => {
      try {
        const { body } = await api.getVersioned(lineUrl(line.line_id));
        dialogs[which](body);
      } catch (err) {
        showErrors(errFields, errorEl, err);
      }
    };
    errorEl.append(h('p', null, h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'reload-line', onclick: reload }, 'Reload current values')));
    errorEl.setAttribute('data-stale', 'true');
    onStale();
  }

  /** Sends `change` with the dialog's If-Match; false (nothing sent or written) when the line changed meanwhile. */
  async function sendVersioned(which, line, errFields, errorEl, change) {
    const state = versions[which];
    await state.reading;
    if (state.stale) {
      showStale(which, line, errFields, errorEl);
      return false;
    }
    try {
      await change(state.etag);
      return true;
    } catch (err) {
      if (!api.isChangedMeanwhile(err)) throw err;
      showStale(which, line, errFields, errorEl);
      return false;
    }
  }

  // ---------- Cancel (end) ----------
  const endInput = h('input', { type: 'date', class: 'input', 'data-testid': 'cancel-date', required: true });
  const endField = field('end_date', 'End date', endInput, 'The first day without service. MRR drops from that day.', 'cancel-');
  const cancelError = h('div', { class: 'form-error', role: 'alert', tabindex: '-1', 'data-testid': 'cancel-form-error', hidden: true });
  const cancelSummary = h('p', { class: 'dialog-lead' });
  const confirm = h('button', { type: 'submit', class: 'btn btn-danger', 'data-testid': 'confirm-cancel', value: 'confirm' }, 'End line');
  const cancelDlg = dialogShell('cancel-dialog', 'Cancel line', [cancelSummary, cancelError, endField.el],
    [h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'dismiss-cancel', onclick: () => cancelDlg.close() }, 'Keep line'), confirm]);
  let cancelLine = null;

  cancelDlg.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    confirm.disabled = true;
    confirm.textContent = 'Ending…';
    try {
      const sent = await sendVersioned('cancel', cancelLine, { end_date: endField }, cancelError, (ifMatch) =>
        api.send('POST', `${lineUrl(cancelLine.line_id)}/end`, { end_date: endInput.value || null }, { ifMatch }));
      if (sent) {
        cancelDlg.close();
        onSaved(`Line ${cancelLine.line_id} ends on ${fmt.date(endInput.value)}`);
      }
    } catch (err) {
      showErrors({ end_date: endField }, cancelError, err);
    } finally {
      confirm.disabled = false;
      confirm.textContent = 'End line';
    }
  });

  // ---------- Edit ----------
  const sel = (opts) => h('select', { class: 'input' }, opts.map(([v, l]) => h('option', { value: v }, l)));
  const currencyList = h('datalist', { id: 'currency-options' });
  const controls = {
    line_id: h('input', { type: 'text', class: 'input mono', readonly: true }),
    customer_id: h('input', { type: 'text', class: 'input mono', readonly: true }),
    kind: sel([['subscription', 'Subscription'], ['addon', 'Add-on'], ['one_time', 'One-time']]),
    product: h('input', { type: 'text', class: 'input', autocomplete: 'off' }),
    start_date: h('input', { type: 'date', class: 'input' }),
    end_date: h('input', { type: 'date', class: 'input' }),
    amount: h('input', { type: 'number', class: 'input num', step: 'any', inputmode: 'decimal' }),
    quantity: h('input', { type: 'number', class: 'input num', step: 'any', inputmode: 'decimal' }),
    currency: h('input', { type: 'text', class: 'input mono', maxlength: '3', list: 'currency-options', autocomplete: 'off', style: 'text-transform:uppercase' }),
    interval_months: h('input', { type: 'number', class: 'input num', step: '1', inputmode: 'numeric' }),
  };
  const labels = {
    line_id: ['Line ID'], customer_id: ['Customer ID'], kind: ['Kind'], product: ['Product'],
    start_date: ['Start date'], end_date: ['End date', 'First day without service; empty while ongoing.'],
    amount: ['Amount', 'Net price of one unit for one billing interval.'], quantity: ['Quantity'],
    currency: ['Currency', 'ISO code, e.g. USD.'], interval_months: ['Interval (months)', '1 to 120; empty for one-time charges.'],
  };
  const fields = Object.fromEntries(FIELDS.map((name) => {
    controls[name].setAttribute('data-testid', `edit-field-${name}`);
    return [name, field(name, labels[name][0], controls[name], labels[name][1], 'edit-')];
  }));
  const editError = h('div', { class: 'form-error', role: 'alert', tabindex: '-1', 'data-testid': 'edit-form-error', hidden: true });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'save-line', value: 'save' }, 'Save changes');
  const editTitle = h('span', null, 'Edit line');
  const editDlg = dialogShell('edit-dialog', editTitle,
    [editError, h('div', { class: 'form-grid' }, FIELDS.map((n) => fields[n].el)), currencyList],
    [h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'dismiss-edit', onclick: () => editDlg.close() }, 'Cancel'), save]);
  editDlg.querySelector('form').setAttribute('data-testid', 'edit-form');
  controls.kind.addEventListener('change', () => {
    const oneTime = controls.kind.value === 'one_time';
    controls.interval_months.disabled = oneTime;
    if (oneTime) controls.interval_months.value = '';
  });
  let editLine = null;

  editDlg.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      line_id: editLine.line_id,
      customer_id: controls.customer_id.value,
      kind: controls.kind.value,
      product: controls.product.value.trim(),
      start_date: controls.start_date.value || null,
      end_date: controls.end_date.value || null,
      amount: numberOrRaw(controls.amount.value),
      quantity: numberOrRaw(controls.quantity.value),
      currency: controls.currency.value.trim().toUpperCase(),
      interval_months: controls.kind.value === 'one_time' ? null : numberOrRaw(controls.interval_months.value),
    };
    save.disabled = true;
    save.textContent = 'Saving…';
    try {
      const sent = await sendVersioned('edit', editLine, fields, editError, (ifMatch) =>
        api.send('PUT', lineUrl(editLine.line_id), body, { ifMatch }));
      if (sent) {
        editDlg.close();
        onSaved(`Line ${editLine.line_id} saved`);
      }
    } catch (err) {
      showErrors(fields, editError, err);
    } finally {
      save.disabled = false;
      save.textContent = 'Save changes';
    }
  });

  document.body.append(cancelDlg, editDlg);

  const showCancel = (line) => {
    cancelLine = line;
    replace(cancelDlg.querySelector('h2'), `Cancel line ${line.line_id}`);
    replace(cancelSummary, h('strong', null, line.product || line.line_id), ` · ${line.kind === 'addon' ? 'add-on' : line.kind} · `,
      `${fmt.num(line.quantity)} × ${fmt.money(line.amount, line.currency)} every ${line.interval_months === 1 ? 'month' : `${line.interval_months} months`}, since ${fmt.date(line.start_date)}.`);
    endInput.min = line.start_date;
  };
  const fillEdit = (line) => {
    editLine = line;
    replace(currencyList, [...new Set([line.currency, ...(meta()?.currencies || [])])].map((c) => h('option', { value: c })));
    for (const name of FIELDS) {
      const v = name === 'customer_id' ? (line.customer_id || customerId) : line[name];
      controls[name].value = v == null ? '' : String(v);
    }
    controls.interval_months.disabled = line.kind === 'one_time';
  };

  const dialogs = {
    cancel(line) {
      showErrors({ end_date: endField }, cancelError, null);
      cancelError.removeAttribute('data-stale');
      const reopening = cancelDlg.open;
      showCancel(line);
      if (!reopening) {
        endInput.value = fmt.todayIso();
        cancelDlg.showModal();
      }
      endInput.focus();
      readVersion('cancel', line, cancelError, { end_date: endField });
    },
    edit(line) {
      showErrors(fields, editError, null);
      editError.removeAttribute('data-stale');
      replace(editTitle, `Edit line ${line.line_id}`);
      fillEdit(line);
      if (!editDlg.open) editDlg.showModal();
      controls.product.focus();
      readVersion('edit', line, editError, fields);
    },
    destroy() {
      cancelDlg.remove();
      editDlg.remove();
    },
  };
  return dialogs;
}
