// Who is signed in (GET /api/auth/me): the user menu, the workspace switcher, the demo banner, and the role
// on <body data-role> that hides the write buttons the role cannot use (the server refuses them anyway).
import { h, $ } from './dom.js';
import * as api from './api.js';

let me = null;

export const session = () => me;

/** Loads the session; null when nobody is signed in (the caller shows /login). */
export async function loadSession() {
  try {
    me = await api.get('/api/auth/me');
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
  api.setCsrf(me.csrf);
  document.body.dataset.role = me.role;
  document.body.dataset.mode = me.mode;
  renderUserMenu();
  return me;
}

function renderUserMenu() {
  const tools = $('.topbar-tools');
  $('#user-menu')?.remove();
  const menu = h('div', { id: 'user-menu', class: 'user-menu', 'data-testid': 'user-menu' });
  if (me.mode === 'demo') {
    document.body.prepend(h('div', { class: 'demo-banner', role: 'status', 'data-testid': 'demo-banner' },
      'Demo mode — no login: anyone who can reach this server acts as its admin.'));
  }
  menu.append(h('span', { class: 'user-name', 'data-testid': 'user-name' }, me.user),
    h('span', { class: 'user-role muted', 'data-testid': 'user-role' }, me.role));
  if (me.workspaces.length > 1) {
    const select = h('select', { 'aria-label': 'Workspace', 'data-testid': 'workspace-switcher' },
      ...me.workspaces.map((w) => h('option', { value: w.key, selected: w.key === me.workspace }, `${w.name} (${w.role})`)));
    select.addEventListener('change', async () => {
      await api.send('POST', '/api/auth/workspace', { workspace: select.value });
      location.assign('/');
    });
    menu.append(select);
  } else {
    menu.append(h('span', { class: 'user-workspace muted', 'data-testid': 'user-workspace' }, me.workspaces[0]?.name || me.workspace));
  }
  if (me.mode === 'login') {
    const out = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'logout' }, 'Log out');
    out.addEventListener('click', async () => {
      try { await api.send('POST', '/api/auth/logout'); } finally { location.assign('/login'); }
    });
    menu.append(out);
  }
  tools.prepend(menu);
}
