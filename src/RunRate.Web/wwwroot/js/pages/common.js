// Shared page plumbing: cancellable loads and cards with loading / error / ready states.
import { h, replace } from '../dom.js';
import { isAbort } from '../api.js';
import { skeleton, errorPanel } from '../ui/states.js';
import { toast } from '../ui/toast.js';

/**
 * Runs a page's loads so that a newer load cancels an older one, first loads show skeletons,
 * filter changes dim the current content, and background (live) refreshes change nothing until
 * the new data is there. `fetchAll(signal)` resolves to an object of settled results.
 */
export function createLoader(app, root) {
  let ctrl = null;
  let failing = false;
  return {
    async run(fetchAll, render, { background = false } = {}) {
      ctrl?.abort();
      const mine = new AbortController();
      ctrl = mine;
      if (!background) {
        root.classList.add('is-stale');
        app.setState('loading');
      }
      let results;
      try {
        results = await fetchAll(mine.signal);
      } catch (e) {
        if (isAbort(e) || mine.signal.aborted) return;
        results = { error: e };
      }
      if (mine.signal.aborted) return;
      root.classList.remove('is-stale');
      const errors = Object.values(results).filter((r) => r && r.status === 'rejected' && !isAbort(r.reason));
      if (background && errors.length) {
        // Keep what is on screen; say once that it could not be refreshed.
        if (!failing) toast('Could not refresh', { kind: 'error', detail: errors[0].reason.detail || errors[0].reason.title });
        failing = true;
        app.setState('ready');
        return;
      }
      failing = false;
      render(results, { background });
      app.setState(errors.length ? 'error' : 'ready');
    },
    abort() { ctrl?.abort(); },
  };
}

/** Settle a map of promises: {name: promise} -> {name: {status, value|reason}}. */
export async function settle(map) {
  const keys = Object.keys(map);
  const res = await Promise.allSettled(Object.values(map));
  return Object.fromEntries(keys.map((k, i) => [k, res[i]]));
}

/** A card: header (title, optional subtitle and tools) and a body that shows one state at a time. */
export function card({ title, subtitle = null, tools = null, testid = null, className = '', bodyClass = '' }) {
  const sub = h('p', { class: 'card-sub' }, subtitle || '');
  const headTools = h('div', { class: 'card-tools' }, tools);
  const body = h('div', { class: `card-body ${bodyClass}` }, skeleton(3, { tall: true }));
  const el = h('section', { class: `card ${className}`, 'data-testid': testid, 'aria-label': title },
    h('header', { class: 'card-head' }, h('div', null, h('h2', { class: 'card-title' }, title), sub), headTools),
    body);
  return {
    el, body,
    subtitle(text) { sub.textContent = text || ''; },
    loading() { replace(body, skeleton(3, { tall: true })); },
    error(err, retry) { replace(body, errorPanel(err, retry)); },
    show(...nodes) {
      // Keep horizontal scroll positions across live re-renders.
      const scrolls = [...body.querySelectorAll('.table-scroll')].map((e) => e.scrollLeft);
      replace(body, ...nodes);
      body.querySelectorAll('.table-scroll').forEach((e, i) => { if (scrolls[i]) e.scrollLeft = scrolls[i]; });
    },
  };
}

/** A canvas in a sized wrapper, with a text alternative for screen readers. */
export function chartBox(testid, label, { height = 'md' } = {}) {
  const canvas = h('canvas', { role: 'img', 'aria-label': label, 'data-testid': testid });
  return { canvas, el: h('div', { class: `chart-box chart-${height}` }, canvas) };
}

export function pageHead(title, subtitleEl, actions = null) {
  return h('div', { class: 'page-head' },
    h('div', null, h('h1', null, title), subtitleEl),
    actions ? h('div', { class: 'page-actions' }, actions) : null);
}
