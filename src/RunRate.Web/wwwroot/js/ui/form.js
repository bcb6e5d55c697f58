// Dialog and form plumbing shared by every editing dialog: a <dialog> shell, labelled fields with a
// hint and an error slot, and problem details `errors` from a 4xx answer shown next to the fields
// they name (anything unnamed goes to the form's error box).
import { h, replace, nextId } from '../dom.js';

const norm = (s) => String(s).replace(/^\$\.?/, '').split('.').pop().toLowerCase().replace(/[^a-z0-9]/g, '');

/** Map problem-details `errors` ({field: [messages]} or [{name, reason}]) onto our field names. */
export function fieldErrors(errors, fields) {
  const out = {};
  const rest = [];
  const entries = Array.isArray(errors)
    ? errors.map((e) => [e.field || e.name || e.property || '', [e.message || e.reason || e.detail || String(e)]])
    : Object.entries(errors || {}).map(([k, v]) => [k, Array.isArray(v) ? v : [String(v)]]);
  for (const [key, msgs] of entries) {
    const f = fields.find((x) => norm(x) === norm(key));
    if (f) (out[f] ||= []).push(...msgs);
    else rest.push(...msgs.map((m) => (key ? `${key}: ${m}` : m)));
  }
  return { byField: out, rest };
}

export function dialogShell(testid, title, content, actions, { wide = false } = {}) {
  const titleId = nextId('dlg');
  return h('dialog', { class: `dialog${wide ? ' dialog-wide' : ''}`, 'data-testid': testid, 'aria-labelledby': titleId },
    h('form', { method: 'dialog', class: 'dialog-form', novalidate: true },
      h('header', { class: 'dialog-head' }, h('h2', { id: titleId }, title)),
      h('div', { class: 'dialog-body' }, content),
      h('footer', { class: 'dialog-foot' }, actions)));
}

/** A labelled control with an optional hint and an error line; ids are made unique by `prefix`. */
export function field(name, label, control, hint, prefix = '') {
  const errId = `${prefix}err-${name}`;
  const hintId = hint ? `${prefix}hint-${name}` : null;
  control.id = `${prefix}f-${name}`;
  control.name = name;
  control.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
  const err = h('p', { class: 'field-error', id: errId, 'data-testid': `${prefix}field-error-${name}`, hidden: true });
  return {
    control, err,
    el: h('div', { class: `form-field ff-${name}` }, h('label', { for: control.id, class: 'field-label' }, label), control,
      hint ? h('p', { class: 'field-hint', id: hintId }, hint) : null, err),
  };
}

/** The box above a form's fields that shows a failure no field explains. */
export const formErrorBox = (testid) => h('div', { class: 'form-error', role: 'alert', tabindex: '-1', 'data-testid': testid, hidden: true });

/** Marks one field invalid with `messages` (client-side checks use the same slots as the server's). */
export function setFieldError(f, messages) {
  replace(f.err, messages.join(' '));
  f.err.hidden = false;
  f.control.setAttribute('aria-invalid', 'true');
}

/**
 * Clears every error, then shows `err` (an ApiError or {errors, title, detail}) next to the fields
 * it names; the rest, and the title when no field explains it, go to `formError`. Focuses the first
 * invalid field. `err` null only clears.
 */
export function showErrors(fields, formError, err) {
  for (const f of Object.values(fields)) {
    f.err.hidden = true;
    f.control.removeAttribute('aria-invalid');
  }
  formError.hidden = true;
  if (!err) return;
  const { byField, rest } = fieldErrors(err.errors, Object.keys(fields));
  let first = null;
  for (const [name, msgs] of Object.entries(byField)) {
    setFieldError(fields[name], msgs);
    first ||= fields[name].control;
  }
  const showTitle = !Object.keys(byField).length || rest.length || err.detail;
  if (showTitle) {
    replace(formError, h('strong', null, err.title), err.detail ? h('span', null, ` ${err.detail}`) : null,
      rest.length ? h('ul', null, rest.map((m) => h('li', null, m))) : null);
    formError.hidden = false;
  }
  (first || formError).focus?.();
}

/** A number typed in a field: null when empty, the raw text when not a number (the server names the field). */
export function numberOrRaw(s) {
  const t = String(s ?? '').trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** Runs `work` with `button` disabled and labelled `busyLabel`, restoring it afterwards. */
export async function busy(button, busyLabel, work) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = busyLabel;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

/**
 * Asks before something irreversible: resolves true when confirmed. One <dialog> per call, removed
 * when closed, so any page can use it without set-up.
 */
export function confirmDialog({ title, body, confirmLabel = 'Delete', testid = 'confirm-dialog' }) {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'submit', class: 'btn btn-danger', 'data-testid': `${testid}-ok` }, confirmLabel);
    const dlg = dialogShell(testid, title, h('p', { class: 'dialog-lead' }, body),
      [h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': `${testid}-cancel`, onclick: () => dlg.close('cancel') }, 'Cancel'), ok]);
    dlg.querySelector('form').addEventListener('submit', (e) => { e.preventDefault(); dlg.close('ok'); });
    dlg.addEventListener('close', () => { resolve(dlg.returnValue === 'ok'); dlg.remove(); });
    document.body.append(dlg);
    dlg.showModal();
    ok.focus();
  });
}
