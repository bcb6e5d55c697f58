// Loading, error and empty states shared by the pages.
import { h } from '../dom.js';

export function skeleton(lines = 3, { tall = false } = {}) {
  return h('div', { class: `skeleton${tall ? ' skeleton-tall' : ''}`, 'data-testid': 'loading', role: 'status', 'aria-label': 'Loading' },
    Array.from({ length: lines }, (_, i) => h('span', { class: 'skeleton-line', style: `width:${[92, 74, 58, 83, 66][i % 5]}%` })));
}

/** Problem details panel: title, detail, status and a retry button. */
export function errorPanel(err, onRetry) {
  const status = err && err.status ? `HTTP ${err.status}` : null;
  return h('div', { class: 'error-panel', role: 'alert', 'data-testid': 'error' },
    h('svg:svg', { viewBox: '0 0 24 24', class: 'error-icon', 'aria-hidden': 'true' },
      h('svg:path', { d: 'M12 8v5m0 3.5v.5M10.3 3.9L2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })),
    h('div', { class: 'error-body' },
      h('p', { class: 'error-title', 'data-testid': 'error-title' }, err?.title || 'Something went wrong'),
      err?.detail ? h('p', { class: 'error-detail', 'data-testid': 'error-detail' }, err.detail) : null,
      status ? h('p', { class: 'error-status' }, status) : null,
      onRetry ? h('button', { class: 'btn btn-secondary btn-sm', type: 'button', 'data-testid': 'error-retry', onclick: onRetry }, 'Try again') : null));
}

export function emptyState(title, detail) {
  return h('div', { class: 'empty-state', 'data-testid': 'empty' },
    h('p', { class: 'empty-title' }, title), detail ? h('p', { class: 'empty-detail' }, detail) : null);
}
