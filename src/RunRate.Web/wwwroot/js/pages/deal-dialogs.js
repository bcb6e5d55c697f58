// Deal dialogs of the pipeline board: "New deal" (POST /api/deals, the account found by searching
// /api/customers?q=) and "Lost" (POST /api/deals/{id}/stage with the reason the lost stage needs).
// Every field is checked here first, then the server's problem details land next to the field they name.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { dialogShell, field, formErrorBox, setFieldError, showErrors, numberOrRaw, busy } from '../ui/form.js';
import { accountCombobox } from '../ui/combobox.js';
import { DEAL_KINDS } from './crm-common.js';

const addDays = (iso, n) => new Date(fmt.isoToMs(iso) + n * 86400000).toISOString().slice(0, 10);
const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(fmt.isoToMs(s)) && new Date(fmt.isoToMs(s)).toISOString().startsWith(s);

export function createDealDialogs({ meta, owners, stages, onSaved }) {
  // ---------- New deal ----------
  const combo = accountCombobox({ testid: 'deal-field-account' });
  const datalist = (id) => h('datalist', { id });
  const ownerList = datalist('deal-owner-options');
  const channelList = datalist('deal-channel-options');
  const currencyList = datalist('deal-currency-options');
  const controls = {
    account_id: combo.input,
    title: h('input', { type: 'text', class: 'input', autocomplete: 'off', maxlength: '200' }),
    kind: h('select', { class: 'input' }, DEAL_KINDS.map(([v, l]) => h('option', { value: v }, l))),
    arr: h('input', { type: 'number', class: 'input num', step: 'any', min: '0', inputmode: 'decimal' }),
    currency: h('input', { type: 'text', class: 'input mono', maxlength: '3', list: 'deal-currency-options', autocomplete: 'off', style: 'text-transform:uppercase' }),
    stage: h('select', { class: 'input' }),
    expected_close: h('input', { type: 'date', class: 'input' }),
    owner: h('input', { type: 'text', class: 'input', list: 'deal-owner-options', autocomplete: 'off' }),
    channel: h('input', { type: 'text', class: 'input', list: 'deal-channel-options', autocomplete: 'off' }),
  };
  const labels = {
    account_id: ['Account', 'The ledger customer the deal is with.'], title: ['Title', 'What is being sold, e.g. “Scale plan, 50 seats”.'],
    kind: ['Kind', 'Decides the ARR movement it makes when won.'], arr: ['ARR', 'Annual recurring revenue the deal adds.'],
    currency: ['Currency', 'ISO code, e.g. USD.'], stage: ['Stage'], expected_close: ['Expected close'],
    owner: ['Owner', 'Optional.'], channel: ['Channel', 'Optional: outbound, inbound, partner…'],
  };
  const fields = Object.fromEntries(Object.entries(controls).map(([name, control]) => {
    if (name !== 'account_id') control.setAttribute('data-testid', `deal-field-${name}`);
    return [name, field(name, labels[name][0], control, labels[name][1], 'deal-')];
  }));
  // The combobox's list belongs next to its input.
  fields.account_id.el.insertBefore(combo.root, fields.account_id.el.children[1]);
  combo.root.prepend(combo.input);
  const newError = formErrorBox('deal-form-error');
  const save = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'save-deal' }, 'Create deal');
  const newDlg = dialogShell('deal-dialog', 'New deal',
    [newError, h('div', { class: 'form-grid deal-grid' }, Object.values(fields).map((f) => f.el)), ownerList, channelList, currencyList],
    [h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'dismiss-deal', onclick: () => newDlg.close() }, 'Cancel'), save]);

  function check() {
    const problems = {};
    if (!combo.value) problems.account_id = [combo.input.value.trim() ? 'Pick one of the accounts the search finds.' : 'Search for the account and pick it.'];
    if (!controls.title.value.trim()) problems.title = ['Give the deal a title.'];
    const arr = Number(controls.arr.value);
    if (controls.arr.value.trim() === '' || !Number.isFinite(arr) || arr < 0) problems.arr = ['Enter the ARR, a number of 0 or more.'];
    else if (!/^\d+(\.\d{1,2})?$/.test(controls.arr.value.trim())) problems.arr = ['At most two decimals (cents).'];
    if (!/^[A-Za-z]{3}$/.test(controls.currency.value.trim())) problems.currency = ['A three-letter ISO code, e.g. USD.'];
    if (!isDate(controls.expected_close.value)) problems.expected_close = ['Pick the day it should close.'];
    if (!controls.stage.value) problems.stage = ['Pick a stage.'];
    return problems;
  }

  newDlg.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    showErrors(fields, newError, null);
    const problems = check();
    if (Object.keys(problems).length) {
      for (const [name, msgs] of Object.entries(problems)) setFieldError(fields[name], msgs);
      fields[Object.keys(problems)[0]].control.focus();
      return;
    }
    const body = {
      account_id: combo.value, title: controls.title.value.trim(), kind: controls.kind.value, arr: numberOrRaw(controls.arr.value),
      currency: controls.currency.value.trim().toUpperCase(), stage: controls.stage.value, expected_close: controls.expected_close.value,
      owner: controls.owner.value.trim() || null, channel: controls.channel.value.trim() || null,
    };
    await busy(save, 'Creating…', async () => {
      try {
        const deal = await api.send('POST', '/api/deals', body);
        newDlg.close();
        onSaved(`Deal “${deal?.title || body.title}” created`, deal);
      } catch (err) {
        showErrors(fields, newError, err);
      }
    });
  });

  // ---------- Lost ----------
  const reason = h('textarea', { class: 'input textarea', rows: '3', maxlength: '500', 'data-testid': 'lost-reason' });
  const lostOn = h('input', { type: 'date', class: 'input', 'data-testid': 'lost-on' });
  const lostFields = {
    lost_reason: field('lost_reason', 'Why was it lost?', reason, 'Required: it feeds the win/loss analysis.', 'lost-'),
    on: field('on', 'Lost on', lostOn, null, 'lost-'),
  };
  const lostError = formErrorBox('lost-form-error');
  const lostLead = h('p', { class: 'dialog-lead' });
  const confirmLost = h('button', { type: 'submit', class: 'btn btn-danger', 'data-testid': 'confirm-lost' }, 'Mark as lost');
  const lostDlg = dialogShell('lost-dialog', 'Mark the deal as lost', [lostLead, lostError, lostFields.lost_reason.el, lostFields.on.el],
    [h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'dismiss-lost', onclick: () => lostDlg.close() }, 'Keep it open'), confirmLost]);
  let lostDeal = null;
  let lostStage = null;

  lostDlg.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    showErrors(lostFields, lostError, null);
    if (!reason.value.trim()) { setFieldError(lostFields.lost_reason, ['Say why, in a few words.']); reason.focus(); return; }
    if (!isDate(lostOn.value)) { setFieldError(lostFields.on, ['Pick the day it was lost.']); lostOn.focus(); return; }
    await busy(confirmLost, 'Saving…', async () => {
      try {
        await api.send('POST', `/api/deals/${encodeURIComponent(lostDeal.deal_id)}/stage`,
          { stage: lostStage.key, on: lostOn.value, lost_reason: reason.value.trim() });
        lostDlg.close();
        onSaved(`“${lostDeal.title}” marked as lost`);
      } catch (err) {
        showErrors(lostFields, lostError, err);
      }
    });
  });

  document.body.append(newDlg, lostDlg);

  return {
    newDeal(prefill = {}) {
      showErrors(fields, newError, null);
      const open = stages().filter((s) => s.outcome === 'open');
      replace(controls.stage, (open.length ? open : stages()).map((s) => h('option', { value: s.key }, s.name)));
      const m = meta() || {};
      replace(ownerList, [...new Set([...owners(), ...(m.owners || [])])].map((o) => h('option', { value: o })));
      replace(channelList, [...new Set(['outbound', 'inbound', 'partner', ...(m.channels || [])])].map((o) => h('option', { value: o })));
      replace(currencyList, [...new Set(['USD', ...(m.currencies || [])])].map((o) => h('option', { value: o })));
      combo.set(prefill.account || null);
      controls.title.value = '';
      controls.kind.value = 'new_business';
      controls.arr.value = '';
      controls.currency.value = new URLSearchParams(location.search).get('currency') || 'USD';
      controls.stage.value = controls.stage.options[0]?.value || '';
      controls.expected_close.value = addDays(fmt.todayIso(), 30);
      controls.owner.value = new URLSearchParams(location.search).get('owner') || '';
      controls.channel.value = '';
      newDlg.showModal();
      (prefill.account ? controls.title : combo.input).focus();
    },
    lost(deal, stage) {
      lostDeal = deal;
      lostStage = stage;
      showErrors(lostFields, lostError, null);
      replace(lostLead, h('strong', null, deal.title), ` · ${deal.account_name || deal.account_id} · ${fmt.money(deal.arr, deal.currency)} ARR`);
      reason.value = '';
      lostOn.value = fmt.todayIso();
      lostDlg.showModal();
      reason.focus();
    },
    destroy() { newDlg.remove(); lostDlg.remove(); },
  };
}
