// Transient notifications in an aria-live region.
import { h } from '../dom.js';

export function toast(message, { kind = 'info', detail = '', timeout = 4500 } = {}) {
  const region = document.getElementById('toasts');
  if (!region) return;
  const el = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': `toast-${kind}` },
    h('strong', null, message), detail ? h('span', null, detail) : null,
    h('button', { class: 'toast-close', type: 'button', 'aria-label': 'Dismiss', onclick: () => el.remove() }, '×'));
  region.append(el);
  if (timeout) setTimeout(() => el.remove(), timeout);
}
