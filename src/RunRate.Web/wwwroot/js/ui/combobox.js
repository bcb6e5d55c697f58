// An account picker: a text input that searches /api/customers?q= as you type and offers the matches
// in a listbox (ARIA 1.2 combobox: arrow keys move, Enter picks, Escape closes). The picked account's
// id is `value`; typing again clears it until another is picked.
import { h, replace, debounce, nextId } from '../dom.js';
import * as api from '../api.js';

export function accountCombobox({ testid, onPick = () => {} }) {
  const listId = nextId('acct-list');
  const input = h('input', { type: 'text', class: 'input', autocomplete: 'off', role: 'combobox', 'aria-autocomplete': 'list',
    'aria-expanded': 'false', 'aria-controls': listId, placeholder: 'Search by name or ID', 'data-testid': testid });
  const list = h('ul', { class: 'combo-list', id: listId, role: 'listbox', hidden: true });
  const status = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const root = h('div', { class: 'combo' }, input, list, status);
  let picked = null;
  let options = [];
  let active = -1;
  let ctrl = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    const li = list.children[i];
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
  };
  const pick = (c) => {
    picked = c;
    input.value = c.name ? `${c.name} (${c.customer_id})` : c.customer_id;
    close();
    onPick(c);
  };

  const search = debounce(async () => {
    const q = input.value.trim();
    ctrl?.abort();
    if (!q) { close(); return; }
    ctrl = new AbortController();
    try {
      const res = await api.get('/api/customers', { q, limit: 8, sort: 'name' }, { signal: ctrl.signal });
      options = res.customers;
    } catch (e) {
      if (api.isAbort(e)) return;
      options = [];
    }
    replace(list, options.length
      ? options.map((c, i) => h('li', { id: `${listId}-${i}`, role: 'option', class: 'combo-option', 'aria-selected': 'false',
        'data-testid': `${testid}-option-${c.customer_id}`,
        onmousedown: (e) => e.preventDefault(), // keep the focus in the input
        onclick: () => pick(c) },
      h('span', null, c.name || c.customer_id), h('span', { class: 'cell-id' }, c.customer_id)))
      : h('li', { class: 'combo-empty', role: 'presentation' }, `No account matches “${q}”`));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    replace(status, `${options.length} ${options.length === 1 ? 'account' : 'accounts'} found`);
    active = -1;
  }, 200);

  input.addEventListener('input', () => { picked = null; search(); });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && options.length) { e.preventDefault(); if (list.hidden) search(); highlight(Math.min(active + 1, options.length - 1)); }
    else if (e.key === 'ArrowUp' && options.length) { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (e.key === 'Enter' && !list.hidden && active >= 0) { e.preventDefault(); pick(options[active]); }
    else if (e.key === 'Escape' && !list.hidden) { e.preventDefault(); e.stopPropagation(); close(); }
  });

  return {
    root, input,
    /** The picked account's id, or null. */
    get value() { return picked?.customer_id ?? null; },
    get picked() { return picked; },
    set(c) { if (c) pick(c); else { picked = null; input.value = ''; close(); } },
  };
}
