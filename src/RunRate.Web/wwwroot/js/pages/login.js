// /login: user name and password; on success back to the page the user came from (?next=).
import { h } from '../dom.js';
import * as api from '../api.js';

function safeNext() {
  const next = new URLSearchParams(location.search).get('next') || '/';
  // Only a path on this site: never an absolute or protocol-relative address.
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default {
  title: 'Log in',
  filterMode: 'none',
  create(root, app) {
    const user = h('input', { id: 'login-user', name: 'user', autocomplete: 'username', required: true, 'data-testid': 'login-user' });
    const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'login-password' });
    const error = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'login-error' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'login-submit' }, 'Log in');
    const form = h('form', { class: 'login-form card', 'data-testid': 'login-form' },
      h('h1', null, 'Log in to RunRate'),
      h('label', { for: 'login-user' }, 'User name'), user,
      h('label', { for: 'login-password' }, 'Password'), password,
      error, submit);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      error.textContent = '';
      submit.disabled = true;
      try {
        await api.send('POST', '/api/auth/login', { user: user.value, password: password.value });
        location.assign(safeNext());
      } catch (err) {
        error.textContent = err.status === 429
          ? `Too many failed attempts: try again after ${new Date(err.extensions.locked_until).toLocaleTimeString()}.`
          : (err.errors && Object.values(err.errors).flat()[0]) || err.title;
        submit.disabled = false;
        password.select();
      }
    });
    root.append(h('div', { class: 'login-page' }, form));
    return { load() { app.setState('ready'); user.focus(); } };
  },
};
