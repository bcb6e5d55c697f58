// "Won": the revenue lines a won deal proposes (GET /api/deals/{id}/proposed-lines), editable before
// "Create lines" books them (POST /api/deals/{id}/lines, all or nothing). "Later" leaves the deal won
// without lines; its card keeps a "Create lines" button.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { dialogShell, field, formErrorBox, setFieldError, numberOrRaw, busy } from '../ui/form.js';
import { sumMoney } from './crm-common.js';

const EDITABLE = ['product', 'amount', 'quantity', 'interval_months', 'start_date'];
const INTERVALS = [[1, 'Monthly'], [3, 'Quarterly'], [6, 'Every 6 months'], [12, 'Yearly'], [24, 'Every 2 years'], [36, 'Every 3 years']];
const KIND_LABELS = { subscription: 'Subscription', addon: 'Add-on', one_time: 'One-time' };

/** "lines[1].amount", "lines.1.amount", "$.lines[1].amount" → [1, "amount"]. */
function lineKey(key) {
  const m = String(key).match(/lines\W*(\d+)\W*([a-z_]+)/i);
  return m ? [Number(m[1]), m[2].toLowerCase()] : null;
}

export function createWonDialog({ onDone }) {
  const lead = h('p', { class: 'dialog-lead' });
  const formError = formErrorBox('won-form-error');
  const rows = h('div', { class: 'won-lines', 'data-testid': 'won-lines' });
  const total = h('p', { class: 'won-total', 'aria-live': 'polite', 'data-testid': 'won-total' });
  const create = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'create-lines' }, 'Create lines');
  const later = h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'later-lines', onclick: () => { dlg.close(); onDone(null); } }, 'Later');
  const dlg = dialogShell('won-dialog', 'Deal won: create its revenue lines', [lead, formError, rows, total], [later, create], { wide: true });
  let deal = null;
  let editors = [];

  const lineArr = (ed) => {
    const a = Number(ed.controls.amount.value);
    const q = Number(ed.controls.quantity.value);
    const i = Number(ed.controls.interval_months.value);
    return Number.isFinite(a) && Number.isFinite(q) && i > 0 ? (a * q * 12) / i : null;
  };
  const renderTotal = () => {
    const arrs = editors.map(lineArr);
    const sum = arrs.some((v) => v == null) ? null : sumMoney(arrs);
    const same = sum != null && Math.abs(sum - deal.arr) < 0.005;
    replace(total, 'These lines add ', h('strong', { 'data-value': fmt.moneyValue(sum) }, fmt.money(sum, deal.currency)), ' ARR',
      sum == null ? '' : same ? ', the deal’s ARR.' : h('span', { class: 'warn' }, ` (the deal says ${fmt.money(deal.arr, deal.currency)}).`));
  };

  const editor = (line, i) => {
    const prefix = `won-${i}-`;
    const controls = {
      product: h('input', { type: 'text', class: 'input', autocomplete: 'off', value: line.product ?? '' }),
      amount: h('input', { type: 'number', class: 'input num', step: 'any', min: '0', inputmode: 'decimal', value: line.amount ?? '' }),
      quantity: h('input', { type: 'number', class: 'input num', step: 'any', min: '0', inputmode: 'decimal', value: line.quantity ?? 1 }),
      interval_months: h('select', { class: 'input' },
        [...INTERVALS, ...(line.interval_months && !INTERVALS.some(([v]) => v === line.interval_months) ? [[line.interval_months, `Every ${line.interval_months} months`]] : [])]
          .sort((a, b) => a[0] - b[0]).map(([v, l]) => h('option', { value: String(v), selected: v === line.interval_months }, l))),
      start_date: h('input', { type: 'date', class: 'input', value: line.start_date ?? '' }),
    };
    const labels = { product: 'Product', amount: 'Amount', quantity: 'Quantity', interval_months: 'Interval', start_date: 'Start' };
    const fields = Object.fromEntries(EDITABLE.map((n) => {
      controls[n].setAttribute('data-testid', `won-${n}-${i}`);
      controls[n].addEventListener('input', renderTotal);
      return [n, field(n, labels[n], controls[n], null, prefix)];
    }));
    const err = h('p', { class: 'field-error', hidden: true, 'data-testid': `won-line-error-${i}` });
    const el = h('fieldset', { class: 'won-line', 'data-testid': `won-line-${i}` },
      h('legend', null, h('span', { class: 'mono' }, line.line_id), ' · ', KIND_LABELS[line.kind] || line.kind, ' · ', line.currency,
        h('span', { class: 'muted' }, ' · amount per unit and interval')),
      h('div', { class: 'form-grid won-grid' }, EDITABLE.map((n) => fields[n].el)), err);
    return { line, controls, fields, err, el };
  };

  function clearErrors() {
    formError.hidden = true;
    for (const ed of editors) {
      ed.err.hidden = true;
      for (const f of Object.values(ed.fields)) { f.err.hidden = true; f.control.removeAttribute('aria-invalid'); }
    }
  }

  function showProblem(err) {
    clearErrors();
    const rest = [];
    let first = null;
    for (const [key, raw] of Object.entries(err.errors || {})) {
      const msgs = Array.isArray(raw) ? raw : [String(raw)];
      const at = lineKey(key);
      const ed = at && editors[at[0]];
      if (ed && ed.fields[at[1]]) {
        setFieldError(ed.fields[at[1]], msgs);
        first ||= ed.fields[at[1]].control;
      } else if (ed) {
        replace(ed.err, `${at[1]}: ${msgs.join(' ')}`);
        ed.err.hidden = false;
      } else rest.push(...msgs.map((m) => `${key}: ${m}`));
    }
    if (!first || rest.length || err.detail) {
      replace(formError, h('strong', null, err.title), err.detail ? ` ${err.detail}` : '', rest.length ? h('ul', null, rest.map((m) => h('li', null, m))) : null);
      formError.hidden = false;
    }
    (first || formError).focus();
  }

  dlg.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    let bad = null;
    for (const ed of editors) {
      const c = ed.controls;
      const checks = [
        ['product', !c.product.value.trim(), 'Name the product.'],
        ['amount', !(Number(c.amount.value) >= 0) || c.amount.value.trim() === '', 'A number of at least 0.'],
        ['quantity', !(Number(c.quantity.value) > 0), 'A number above 0.'],
        ['start_date', !/^\d{4}-\d{2}-\d{2}$/.test(c.start_date.value), 'Pick the first day of service.'],
      ];
      for (const [n, failed, msg] of checks) if (failed) { setFieldError(ed.fields[n], [msg]); bad ||= ed.fields[n].control; }
    }
    if (bad) { bad.focus(); return; }
    const lines = editors.map(({ line, controls: c }) => ({
      ...line, product: c.product.value.trim(), amount: numberOrRaw(c.amount.value), quantity: numberOrRaw(c.quantity.value),
      interval_months: Number(c.interval_months.value), start_date: c.start_date.value,
    }));
    await busy(create, 'Creating…', async () => {
      try {
        const res = await api.send('POST', `/api/deals/${encodeURIComponent(deal.deal_id)}/lines`, { lines });
        dlg.close();
        const n = res?.lines?.length ?? lines.length;
        onDone(`${n} ${n === 1 ? 'line' : 'lines'} created for “${deal.title}”`);
      } catch (err) {
        showProblem(err);
      }
    });
  });

  document.body.append(dlg);

  return {
    async open(d) {
      deal = d;
      editors = [];
      clearErrors();
      replace(lead, h('strong', null, d.title), ` · ${d.account_name || d.account_id} · ${fmt.money(d.arr, d.currency)} ARR. `,
        'Check the lines the deal proposes, change what the contract says differently, then create them. “Later” keeps the deal won without lines.');
      replace(rows, h('p', { class: 'muted' }, 'Loading the proposed lines…'));
      replace(total, '');
      create.disabled = true;
      if (!dlg.open) dlg.showModal();
      try {
        const res = await api.get(`/api/deals/${encodeURIComponent(d.deal_id)}/proposed-lines`);
        editors = res.lines.map(editor);
        replace(rows, editors.map((ed) => ed.el));
        create.disabled = !editors.length;
        renderTotal();
        editors[0]?.controls.amount.focus();
      } catch (err) {
        replace(rows, '');
        showProblem(err);
      }
    },
    destroy() { dlg.remove(); },
  };
}
