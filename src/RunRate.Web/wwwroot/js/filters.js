// The global filter bar: period, currency and the scope filters (options from /api/meta), all
// kept in the URL. Changing any of them navigates (pushState), which makes the page refetch.
import { h, replace } from './dom.js';
import * as url from './url.js';
import { multiSelect } from './ui/multiselect.js';

let regionNames = null;
try { regionNames = new Intl.DisplayNames(['en'], { type: 'region' }); } catch { /* old browser */ }
export const countryName = (code) => {
  try { return (regionNames && code && regionNames.of(code)) || code; } catch { return code; }
};

const SCOPES = [
  ['segment', 'Segment', 'segments'],
  ['channel', 'Channel', 'channels'],
  ['country', 'Country', 'countries', countryName],
  ['owner', 'Owner', 'owners'],
  ['product', 'Product', 'products'],
];

export function createFilterBar(root) {
  let meta = null;
  let mode = 'range';
  const effective = { from: '', to: '' };

  const monthInput = (key, label) => {
    const input = h('input', { type: 'month', id: `filter-${key}`, name: key, 'data-testid': `filter-${key}`, pattern: '[0-9]{4}-[0-9]{2}' });
    input.addEventListener('change', () => url.update({ [key]: input.value || null }));
    const lab = h('label', { for: `filter-${key}`, class: 'field-label' }, label);
    return { input, lab, field: h('div', { class: `fb-field fb-${key}` }, lab, input) };
  };
  const from = monthInput('from', 'From');
  const to = monthInput('to', 'To');

  const currency = h('select', { id: 'filter-currency', 'data-testid': 'filter-currency',
    onchange: () => url.update({ currency: currency.value === 'USD' ? null : currency.value }) });
  const currencyField = h('div', { class: 'fb-field fb-currency' }, h('label', { for: 'filter-currency', class: 'field-label' }, 'Currency'), currency);

  const selects = SCOPES.map(([key, label, , format]) => ({
    key,
    ms: multiSelect({ label, testid: `filter-${key}`, format, onChange: (values) => url.update({ [key]: values }) }),
  }));

  const reset = h('button', { type: 'button', class: 'btn btn-ghost btn-sm fb-reset', 'data-testid': 'filter-reset',
    onclick: () => url.update(Object.fromEntries(url.GLOBAL_KEYS.map((k) => [k, null]))) }, 'Reset');

  const toggle = h('button', { type: 'button', class: 'btn btn-secondary btn-sm fb-toggle', 'aria-expanded': 'false',
    'aria-controls': 'fb-body', 'data-testid': 'filters-toggle' });
  const body = h('div', { class: 'fb-body', id: 'fb-body' },
    h('div', { class: 'fb-group fb-period' }, from.field, to.field, currencyField),
    h('div', { class: 'fb-group fb-scopes' }, selects.map((s) => s.ms.root), reset));
  toggle.addEventListener('click', () => {
    const open = root.classList.toggle('is-open');
    toggle.setAttribute('aria-expanded', String(open));
  });
  replace(root, h('div', { class: 'fb-inner' }, toggle, body));

  function sync() {
    const p = url.current();
    const setMonth = (m, key) => {
      const explicit = p.get(key) || '';
      // Until a report says which period the server chose, show its documented default.
      const fallbackTo = p.get('to') || effective.to || thisMonth();
      m.input.value = explicit || effective[key] || (key === 'to' ? fallbackTo : addMonths(fallbackTo, -11));
      m.input.classList.toggle('is-default', !explicit);
      m.input.title = explicit ? '' : 'Default period (not set in the link)';
      if (meta?.first_month) m.input.min = meta.first_month;
      if (meta?.last_month) m.input.max = meta.last_month > thisMonth() ? meta.last_month : thisMonth();
    };
    setMonth(from, 'from');
    setMonth(to, 'to');
    if (p.get('from')) to.input.min = p.get('from');
    if (p.get('to')) from.input.max = p.get('to');

    const cur = p.get('currency') || 'USD';
    const currencies = [...new Set(['USD', ...(meta?.currencies || []), cur])].sort();
    if (currency.options.length !== currencies.length || currency.value !== cur) {
      replace(currency, currencies.map((c) => h('option', { value: c, selected: c === cur }, c)));
      currency.value = cur;
    }
    for (const { key, ms } of selects) {
      const metaKey = SCOPES.find((s) => s[0] === key)[2];
      ms.set(meta?.[metaKey] || [], p.getAll(key));
    }
    const active = url.SCOPE_KEYS.reduce((n, k) => n + (k === 'currency' ? 0 : p.getAll(k).length), 0)
      + (p.get('from') ? 1 : 0) + (p.get('to') ? 1 : 0) + (p.get('currency') && p.get('currency') !== 'USD' ? 1 : 0);
    replace(toggle, 'Filters', active ? h('span', { class: 'badge-count' }, String(active)) : null);
    reset.disabled = active === 0 && !p.has('currency');
  }

  return {
    setMeta(m) { meta = m; sync(); },
    /**
     * 'range' (from, to), 'month' (one month) or 'currency' (no period: pages that show today's
     * standing) or 'none' (no bar at all: pages that report nothing, such as the import page).
     * `scopes: false` hides the customer filters on pages whose endpoint takes none.
     */
    setMode(m, { scopes = true } = {}) {
      mode = m;
      root.dataset.mode = m;
      root.hidden = m === 'none';
      from.field.hidden = m !== 'range';
      to.field.hidden = m === 'currency';
      for (const s of selects) s.ms.root.hidden = !scopes;
      replace(to.lab, m === 'range' ? 'To' : 'Month');
      to.input.setAttribute('aria-label', m === 'range' ? 'Last month of the period' : 'Month the figures are as of');
    },
    /** Values the server used by default, shown (muted) while the URL does not set them. */
    setEffective(values) {
      Object.assign(effective, values);
      sync();
    },
    sync,
    get mode() { return mode; },
  };
}

function addMonths(ym, n) {
  const [y, m] = ym.split('-').map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

function thisMonth() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** A one-line description of the active scope for page subtitles ("SMB, Enterprise · US"). */
export function scopeSummary(p = url.current()) {
  const parts = [];
  for (const [key, label, , format] of SCOPES) {
    const v = p.getAll(key);
    if (v.length) parts.push(`${label}: ${v.map(format || ((x) => x)).join(', ')}`);
  }
  for (const a of p.getAll('attr')) parts.push(a);
  return parts.length ? parts.join(' · ') : 'All customers';
}

