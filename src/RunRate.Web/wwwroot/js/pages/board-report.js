// One-click board report downloads (GET /api/report, the same files as `runrate report`): a workbook,
// a PDF printed by the server's headless Chromium, or the printable HTML page. The report covers the
// whole ledger in the chosen currency for the month shown; the segment/channel/... filters do not apply.
import { h } from '../dom.js';
import { ApiError } from '../api.js';
import { toast } from '../ui/toast.js';

const FORMATS = [
  { format: 'xlsx', label: 'XLSX', what: 'workbook (summary, bridge, cohorts, customers, forecast, unit economics, valuation)' },
  { format: 'pdf', label: 'PDF', what: 'PDF, ready to print' },
  { format: 'html', label: 'HTML', what: 'printable page with charts' },
];

/** The API address of the report of `month` (YYYY-MM, or null for the current month) in `currency`. */
export function reportHref(month, currency, format) {
  const q = new URLSearchParams();
  if (month) q.set('month', month);
  if (currency) q.set('currency', currency);
  q.set('format', format);
  return `/api/report?${q}`;
}

function fileName(res, fallback) {
  const disposition = res.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

async function problem(res) {
  try {
    const body = await res.json();
    const first = body.errors ? Object.values(body.errors).flat()[0] : '';
    return new ApiError({ status: res.status, ...body, detail: body.detail || first });
  } catch {
    return new ApiError({ status: res.status, title: `${res.status} ${res.statusText || 'Error'}`.trim() });
  }
}

async function download(button, format) {
  if (button.getAttribute('aria-busy') === 'true') return;
  const label = button.textContent;
  button.setAttribute('aria-busy', 'true');
  button.textContent = `${label}…`;
  try {
    let res;
    try {
      res = await fetch(button.href);
    } catch (e) {
      throw new ApiError({ title: 'Cannot reach the RunRate server', detail: e.message });
    }
    if (!res.ok) throw await problem(res);
    const blob = await res.blob();
    const name = fileName(res, `runrate-board.${format}`);
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
    toast(`Board report downloaded: ${name}`, { kind: 'success' });
  } catch (e) {
    toast(`Board report (${format.toUpperCase()}) failed`, { kind: 'error', detail: e.detail || e.title || String(e), timeout: 9000 });
  } finally {
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}

/** The buttons, and update(month, currency) to point them at the month the page shows. */
export function boardReportButtons() {
  const buttons = FORMATS.map((f) => {
    const button = h('a', {
      class: 'btn btn-secondary btn-sm', role: 'button', href: reportHref(null, null, f.format),
      'data-testid': `board-report-${f.format}`, 'data-format': f.format,
    }, f.label);
    button.addEventListener('click', (e) => { e.preventDefault(); download(button, f.format); });
    return button;
  });
  const el = h('div', { class: 'board-report', role: 'group', 'aria-label': 'Download the board report', 'data-testid': 'board-report' },
    h('span', { class: 'board-report-label' }, 'Board report'), buttons);
  return {
    el,
    update(month, currency) {
      buttons.forEach((button, i) => {
        const f = FORMATS[i];
        button.href = reportHref(month, currency, f.format);
        button.title = `Board report of ${month || 'the current month'}${currency ? ` in ${currency}` : ''}: ${f.what}. Whole ledger; filters other than currency do not apply.`;
      });
      el.dataset.month = month || '';
    },
  };
}
