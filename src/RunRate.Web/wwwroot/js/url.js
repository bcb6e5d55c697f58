// The URL query string is the single source of truth for every filter, so any view can be shared
// and reloaded. Global filters travel with navigation between pages; page-specific ones do not.

export const GLOBAL_KEYS = ['from', 'to', 'currency', 'segment', 'channel', 'country', 'owner', 'product', 'attr'];
export const MULTI_KEYS = ['segment', 'channel', 'country', 'owner', 'product', 'attr'];
/** Filters that select customers or lines (the API's common parameters). */
export const SCOPE_KEYS = ['currency', 'segment', 'channel', 'country', 'owner', 'product', 'attr'];

export const current = () => new URLSearchParams(location.search);

/** Copy of `params` restricted to `keys` (repeatable keys keep every value). */
export function pick(params, keys) {
  const out = new URLSearchParams();
  for (const k of keys) for (const v of params.getAll(k)) if (v !== '') out.append(k, v);
  return out;
}

/** href for `path` that carries the current global filters along. */
export function withGlobals(path, params = current()) {
  const qs = pick(params, GLOBAL_KEYS).toString();
  return qs ? `${path}?${qs}` : path;
}

/** Set (or with null/[] delete) keys in the current query and navigate. */
export function update(changes, { replace = false } = {}) {
  const p = current();
  for (const [k, v] of Object.entries(changes)) {
    p.delete(k);
    for (const x of Array.isArray(v) ? v : [v]) if (x != null && x !== '') p.append(k, x);
  }
  const qs = p.toString();
  go(location.pathname + (qs ? `?${qs}` : ''), { replace });
}

export function go(href, { replace = false } = {}) {
  if (href === location.pathname + location.search) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', href);
  window.dispatchEvent(new Event('runrate:navigate'));
}
