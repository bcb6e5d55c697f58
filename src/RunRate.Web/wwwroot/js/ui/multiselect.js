// A compact multi-select: a button showing the selection, a popover of checkboxes.
import { h, replace, nextId } from '../dom.js';

let openOne = null;
document.addEventListener('click', (e) => {
  if (openOne && !openOne.root.contains(e.target)) openOne.close();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && openOne) {
    const btn = openOne.button;
    openOne.close();
    btn.focus();
  }
});

/**
 * multiSelect({label, key, options, selected, onChange, testid, format})
 * Returns {root, set(options, selected)}.
 */
export function multiSelect({ label, options = [], selected = [], onChange, testid, format = (v) => v }) {
  const panelId = nextId('ms');
  const button = h('button', {
    class: 'ms-button', type: 'button', 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': panelId,
    'data-testid': testid,
  });
  const panel = h('div', { class: 'ms-panel', id: panelId, role: 'group', 'aria-label': label, hidden: true });
  const root = h('div', { class: 'ms' }, button, panel);
  let opts = options;
  let sel = new Set(selected);

  const self = {
    root, button,
    close() {
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      if (openOne === self) openOne = null;
    },
  };

  const renderButton = () => {
    const list = [...sel];
    const value = list.length === 0 ? 'All' : list.length === 1 ? format(list[0]) : `${format(list[0])} +${list.length - 1}`;
    replace(button, h('span', { class: 'ms-label' }, label), h('span', { class: `ms-value${list.length ? ' is-set' : ''}` }, value),
      h('svg:svg', { class: 'chev', viewBox: '0 0 16 16', 'aria-hidden': 'true' }, h('svg:path', { d: 'M4 6l4 4 4-4', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.6', 'stroke-linecap': 'round' })));
    button.setAttribute('aria-label', `${label}: ${list.length ? list.map(format).join(', ') : 'all'}`);
  };

  const renderPanel = () => {
    const items = opts.map((v) => {
      const id = nextId('opt');
      return h('label', { class: 'ms-option', for: id },
        h('input', { type: 'checkbox', id, value: v, checked: sel.has(v), 'data-testid': `${testid}-option-${v}`,
          onchange: (e) => {
            if (e.target.checked) sel.add(v); else sel.delete(v);
            renderButton();
            const clearBtn = panel.querySelector('.link-btn');
            if (clearBtn) clearBtn.disabled = sel.size === 0;
            shown = JSON.stringify([opts, [...sel].sort()]);
            onChange([...sel]);
          } }),
        h('span', null, format(v)));
    });
    replace(panel,
      h('div', { class: 'ms-head' }, h('span', null, label),
        h('button', { type: 'button', class: 'link-btn', disabled: sel.size === 0, onclick: () => { sel.clear(); shown = JSON.stringify([opts, []]); renderPanel(); renderButton(); onChange([]); } }, 'Clear')),
      items.length ? h('div', { class: 'ms-list' }, items) : h('p', { class: 'ms-empty' }, 'No values in the ledger'));
  };

  button.addEventListener('click', () => {
    if (!panel.hidden) return self.close();
    if (openOne) openOne.close();
    renderPanel();
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    openOne = self;
    panel.querySelector('input')?.focus();
  });

  let shown = '';
  self.set = (options2, selected2) => {
    const next = [...new Set([...(options2 || []), ...selected2])]; // keep selected values even if unknown
    const key = JSON.stringify([next, [...selected2].sort()]);
    if (key === shown) return;
    shown = key;
    opts = next;
    sel = new Set(selected2);
    renderButton();
    if (!panel.hidden) renderPanel();
  };
  self.set(options, selected);
  return self;
}
