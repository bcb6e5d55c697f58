// Fetch wrapper for the RunRate REST API (docs/api.md). Failures become ApiError carrying the
// RFC 7807 problem details (title, detail, errors) so pages can show them.

export class ApiError extends Error {
  constructor({ status = 0, title, detail, errors, type, ...extensions } = {}) {
    super(title || 'Request failed');
    this.status = status;
    this.title = title || 'Request failed';
    this.detail = detail || '';
    this.errors = errors || null;
    this.type = type || null;
    /** The problem's other members (e.g. `ledger_errors`, `capture_errors`): located errors to list. */
    this.extensions = extensions;
  }
}

// The session's CSRF value (from /api/auth/me or the login answer): every change carries it in X-RunRate-Csrf.
let csrf = null;
export function setCsrf(value) { csrf = value || null; }
function writeHeaders(extra) {
  return csrf ? { ...extra, 'X-RunRate-Csrf': csrf } : extra;
}

/** A 401 from any API call means the session ended: go to /login and come back here afterwards. */
export function toLogin() {
  if (location.pathname === '/login') return;
  location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
}

async function problemFrom(res) {
  if (res.status === 401 && !new URL(res.url).pathname.startsWith('/api/auth/')) toLogin();
  let body = null;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch { /* not JSON */ }
  if (body && typeof body === 'object' && (body.title || body.detail || body.errors)) {
    return new ApiError({ status: res.status, ...body });
  }
  return new ApiError({
    status: res.status,
    title: `${res.status} ${res.statusText || 'Error'}`.trim(),
    detail: `The server answered ${res.status} for ${new URL(res.url).pathname}.`,
  });
}

function networkError(e) {
  return new ApiError({
    status: 0,
    title: 'Cannot reach the RunRate server',
    detail: `Check that the server is running and reachable (${e.message}).`,
  });
}

/** GET path?params as JSON. params: URLSearchParams or plain object (arrays repeat the key). */
export async function get(path, params, { signal } = {}) {
  const qs = toQuery(params);
  let res;
  try {
    res = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw networkError(e);
  }
  if (!res.ok) throw await problemFrom(res);
  return res.json();
}

/**
 * GET path as JSON with its ETag (the record's version): `{ body, etag }`. Send the etag back as
 * `send(…, { ifMatch: etag })` so the change applies only to the version read (else a 412, see isChangedMeanwhile).
 */
export async function getVersioned(path, { signal } = {}) {
  let res;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' }, signal, cache: 'no-store' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw networkError(e);
  }
  if (!res.ok) throw await problemFrom(res);
  return { body: await res.json(), etag: res.headers.get('ETag') };
}

/** True for the 412 of a change whose If-Match no longer holds: someone changed the record meanwhile. */
export const isChangedMeanwhile = (e) => e instanceof ApiError && e.status === 412;

/** POST/PUT/DELETE with a JSON body; resolves to the parsed answer (null for 204). `ifMatch`: the ETag the change expects. */
export async function send(method, path, body, { ifMatch } = {}) {
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: writeHeaders({ Accept: 'application/json', 'Content-Type': 'application/json', ...(ifMatch ? { 'If-Match': ifMatch } : {}) }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) throw await problemFrom(res);
  if (res.status === 204) return null;
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

/**
 * POST files as multipart/form-data, each under the form field `field` (default `files`, what the
 * upload endpoints read), with `params` in the query string. Resolves to the parsed JSON answer;
 * a 4xx/5xx rejects with the ApiError of its problem details (`extensions` keeps located errors).
 */
export async function upload(path, files, { params, field = 'files', signal } = {}) {
  const form = new FormData();
  for (const f of files) form.append(field, f, f.name);
  const qs = toQuery(params);
  let res;
  try {
    // No Content-Type header: the browser writes multipart/form-data with its boundary.
    res = await fetch(qs ? `${path}?${qs}` : path, { method: 'POST', headers: writeHeaders({ Accept: 'application/json' }), body: form, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw networkError(e);
  }
  if (!res.ok) throw await problemFrom(res);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export function toQuery(params) {
  if (!params) return '';
  if (params instanceof URLSearchParams) return params.toString();
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v == null || v === '') continue;
    for (const x of Array.isArray(v) ? v : [v]) if (x != null && x !== '') q.append(k, x);
  }
  return q.toString();
}

export const isAbort = (e) => e && e.name === 'AbortError';
