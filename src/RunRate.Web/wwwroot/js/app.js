// RunRate dashboard: shell, client-side router (history.pushState), live refresh.
import { h, $, $$ } from './dom.js';
import * as api from './api.js';
import * as url from './url.js';
import { initTheme } from './theme.js';
import { initLive } from './live.js';
import { createFilterBar } from './filters.js';
import { destroyIn } from './charts.js';
import { toast } from './ui/toast.js';
import overview from './pages/overview.js';
import cohorts from './pages/cohorts.js';
import customers from './pages/customers.js';
import customer from './pages/customer.js';
import pipeline from './pages/pipeline.js';
import sales from './pages/sales.js';
import renewals from './pages/renewals.js';
import signals from './pages/signals.js';
import forecast from './pages/forecast.js';
import economics from './pages/economics.js';
import valuation from './pages/valuation.js';
import importPage from './pages/import.js';
import audit from './pages/audit.js';
import login from './pages/login.js';
import { loadSession } from './session.js';

const ROUTES = [
  { re: /^\/$/, page: overview, nav: 'overview' },
  { re: /^\/cohorts\/?$/, page: cohorts, nav: 'cohorts' },
  { re: /^\/customers\/?$/, page: customers, nav: 'customers' },
  { re: /^\/customers\/([^/]+)\/?$/, page: customer, nav: 'customers', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { re: /^\/forecast\/?$/, page: forecast, nav: 'forecast' },
  { re: /^\/economics\/?$/, page: economics, nav: 'economics' },
  { re: /^\/valuation\/?$/, page: valuation, nav: 'valuation' },
  { re: /^\/pipeline\/?$/, page: pipeline, nav: 'pipeline' },
  { re: /^\/sales\/?$/, page: sales, nav: 'sales' },
  { re: /^\/renewals\/?$/, page: renewals, nav: 'renewals' },
  { re: /^\/signals\/?$/, page: signals, nav: 'signals' },
  { re: /^\/import\/?$/, page: importPage, nav: 'import' },
  { re: /^\/audit\/?$/, page: audit, nav: 'audit' },
  { re: /^\/login\/?$/, page: login, nav: null },
];

const notFound = {
  title: 'Not found',
  filterMode: 'range',
  create(root) {
    root.append(h('div', { class: 'page-head' }, h('h1', null, 'Page not found')),
      h('p', { class: 'muted' }, 'There is no page at this address. ', h('a', { href: url.withGlobals('/'), 'data-link': true }, 'Go to the overview'), '.'));
    return { load() {} };
  },
};

const main = $('#main');
const filters = createFilterBar($('#filters'));
let meta = null;
let active = null; // { route key, instance, page }
let revision = null;

const app = {
  get meta() { return meta; },
  filters,
  /** Marks the page's data state for users (aria-busy) and end-to-end tests (data-state, data-revision). */
  setState(state) {
    main.dataset.state = state;
    main.setAttribute('aria-busy', String(state === 'loading'));
    if (state === 'ready' && revision != null) main.dataset.revision = String(revision);
  },
  refresh: () => reload(true),
};

function match(pathname) {
  for (const r of ROUTES) {
    const m = pathname.match(r.re);
    if (m) return { ...r, key: pathname, params: r.params ? r.params(m) : {} };
  }
  return { page: notFound, nav: null, key: 'notfound', params: {} };
}

function ctxFor(route) {
  return { params: url.current(), route: route.params, meta, app };
}

function render() {
  const route = match(location.pathname);
  for (const a of $$('[data-nav]')) {
    if (a.dataset.nav === route.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
    a.href = url.withGlobals(a.getAttribute('href').split('?')[0]);
  }
  $('.brand').href = url.withGlobals('/');
  filters.setMode(route.page.filterMode || 'range', { scopes: route.page.filterScopes !== false });
  filters.sync();
  closeMenu();

  if (active && active.key === route.key) {
    active.instance.load(ctxFor(route), { background: false });
    return;
  }
  if (active) {
    active.instance.destroy?.();
    destroyIn(main);
  }
  main.replaceChildren();
  filters.setEffective({ from: '', to: '' });
  app.setState('loading');
  const instance = route.page.create(main, app, route.params);
  if (active) main.focus({ preventScroll: true }); // after a page change, not on first load
  active = { key: route.key, instance, page: route.page };
  document.title = `${typeof route.page.title === 'function' ? route.page.title(route.params) : route.page.title} · RunRate`;
  instance.load(ctxFor(route), { background: false });
}

function reload(background) {
  if (!active) return;
  active.instance.load(ctxFor(match(location.pathname)), { background });
}

async function loadMeta() {
  try {
    meta = await api.get('/api/meta');
    if (meta.revision != null && revision == null) {
      revision = meta.revision;
      if (main.dataset.state === 'ready') main.dataset.revision = String(revision);
    }
    filters.setMeta(meta);
  } catch (e) {
    if (!api.isAbort(e)) toast('Filter options are unavailable', { kind: 'error', detail: e.detail || e.title });
  }
}

// Same-origin links marked data-link (and any plain internal link) navigate without a reload.
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (a.target && a.target !== '_self') return;
  const href = new URL(a.href, location.href);
  if (href.origin !== location.origin || href.pathname.startsWith('/api/') || a.hasAttribute('download')) return;
  e.preventDefault();
  const scrollTop = href.pathname !== location.pathname;
  url.go(href.pathname + href.search);
  if (scrollTop) window.scrollTo(0, 0);
});

window.addEventListener('popstate', render);
window.addEventListener('runrate:navigate', render);

// Collapsible navigation on narrow screens.
const menuBtn = $('.menu-btn');
function closeMenu() {
  document.body.classList.remove('nav-open');
  menuBtn.setAttribute('aria-expanded', 'false');
}
menuBtn.addEventListener('click', () => {
  const open = document.body.classList.toggle('nav-open');
  menuBtn.setAttribute('aria-expanded', String(open));
});

initTheme();

// Signed in (or open demo mode): the dashboard. Not signed in: only /login, then back to where the user was.
async function boot() {
  const onLogin = location.pathname === '/login';
  let me;
  try {
    me = await loadSession();
  } catch {
    me = undefined; // the server is unreachable: the pages show their own errors
  }
  if (me === null) {
    if (!onLogin) { api.toLogin(); return; }
    document.body.dataset.mode = 'none';
    render();
    return;
  }
  if (onLogin) { location.replace('/'); return; }
  initLive((rev) => {
    if (rev != null) revision = rev;
    loadMeta(); // new segments, products or months may have appeared
    reload(true);
  });
  render();
  loadMeta().then(() => {
    // Pages that need meta (none strictly do) get it on their next load; refresh the filter bar only.
    filters.sync();
  });
}

boot();
