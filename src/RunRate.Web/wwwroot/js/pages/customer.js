// One customer (/api/customers/{id}): attributes, MRR over time, revenue lines with Cancel (end)
// and Edit actions, the movement timeline, and the account's CRM panels (/api/accounts/{id}).
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { upsert, customerMrrConfig } from '../charts.js';
import { countryName } from '../filters.js';
import { errorPanel, emptyState } from '../ui/states.js';
import { toast } from '../ui/toast.js';
import { createLoader, settle, card, chartBox } from './common.js';
import { statusBadge, movementBadge } from './customers.js';
import { createLineDialogs } from './line-dialogs.js';
import { createAccountPanels } from './account-panels.js';

const KIND_LABELS = { subscription: 'Subscription', addon: 'Add-on', one_time: 'One-time' };
const isRecurring = (l) => l.kind === 'subscription' || l.kind === 'addon';

function lineState(l, today) {
  if (!isRecurring(l)) return ['One-time', 'muted'];
  if (l.start_date > today) return [`Starts ${fmt.date(l.start_date)}`, 'upcoming'];
  if (l.end_date && l.end_date <= today) return ['Ended', 'ended'];
  if (l.end_date) return [`Ends ${fmt.date(l.end_date)}`, 'ending'];
  return ['Active', 'active'];
}

export default {
  title: (params) => params.id,
  filterMode: 'month',
  create(root, app, params) {
    const id = params.id;
    let doc = null;
    const crumb = h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
      h('a', { href: url.withGlobals('/customers'), 'data-link': true }, 'Customers'), h('span', { 'aria-hidden': 'true' }, '/'),
      h('span', { 'aria-current': 'page' }, id));
    const head = h('div', { class: 'page-head customer-head' }, h('div', null, h('h1', { 'data-testid': 'customer-name' }, id), h('p', { class: 'page-sub' }, '\u00a0')));
    const details = card({ title: 'Details', testid: 'customer-details' });
    const chart = chartBox('chart-customer-mrr', 'Customer MRR over time');
    const mrrCard = card({ title: 'MRR over time', subtitle: 'After each movement, in the reporting currency', testid: 'customer-mrr-card' });
    const lines = card({ title: 'Revenue lines', testid: 'customer-lines', className: 'card-span' });
    const moves = card({ title: 'Movements', subtitle: 'Every change of this customer’s MRR, newest first', testid: 'customer-movements', className: 'card-span' });
    const crm = createAccountPanels({
      accountId: id,
      onChanged: (message, err) => {
        if (err) toast('That did not work', { kind: 'error', detail: err.detail || Object.values(err.errors || {}).flat()[0] || err.title });
        else toast(message, { kind: 'success' });
        load({ ...lastCtx, params: url.current() }, { background: true });
      },
    });
    const body = h('div', { class: 'grid-customer' }, details.el, mrrCard.el, lines.el, ...crm.els, moves.el);
    root.append(crumb, head, body);
    const loader = createLoader(app, root);
    let lastCtx = null;

    const dialogs = createLineDialogs({
      meta: () => app.meta,
      customerId: id,
      onSaved: (message) => {
        toast(message, { kind: 'success' });
        load({ ...lastCtx, params: url.current() }, { background: true });
      },
      // Someone changed a line meanwhile (412): refresh the page behind the dialog too.
      onStale: () => load({ ...lastCtx, params: url.current() }, { background: true }),
    });

    const renderHead = (d) => {
      const cur = d.currency;
      replace(crumb.lastChild, d.name || d.customer_id);
      document.title = `${d.name || d.customer_id} · RunRate`;
      replace(head,
        h('div', null,
          h('h1', { 'data-testid': 'customer-name' }, d.name || d.customer_id),
          h('p', { class: 'page-sub' }, h('span', { class: 'chip mono' }, d.customer_id), ' ', statusBadge(d.status), ' ',
            h('span', null, d.since ? `Customer since ${fmt.date(d.since)}` : 'Never had recurring revenue'))),
        h('dl', { class: 'head-figures' },
          h('div', null, h('dt', null, `MRR · ${fmt.month(d.month)}`), h('dd', { 'data-testid': 'customer-mrr', 'data-value': fmt.moneyValue(d.mrr) }, fmt.money(d.mrr, cur))),
          h('div', null, h('dt', null, 'ARR'), h('dd', { 'data-testid': 'customer-arr', 'data-value': fmt.moneyValue(d.arr) }, fmt.money(d.arr, cur)))));
    };

    const renderDetails = (d) => {
      const item = (label, value) => h('div', { class: 'dl-row' }, h('dt', null, label), h('dd', null, value ?? h('span', { class: 'muted' }, '—')));
      const attrs = Object.entries(d.attributes || {});
      details.show(h('dl', { class: 'dl' },
        item('Customer ID', h('span', { class: 'mono' }, d.customer_id)),
        item('Country', d.country ? `${countryName(d.country)} (${d.country})` : null),
        item('Segment', d.segment), item('Channel', d.channel),
        item('Owner', d.owner || h('span', { class: 'muted' }, 'Unassigned')),
        item('Since', d.since ? fmt.date(d.since) : null),
        attrs.map(([k, v]) => item(k.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), v || null))));
    };

    const renderChart = (d) => {
      const ms = d.movements || [];
      if (!ms.length) {
        mrrCard.show(emptyState('No movements yet', 'This customer has never had recurring revenue.'));
        return;
      }
      const pts = ms.map((m) => ({ x: fmt.isoToMs(m.date), y: m.mrr_after, label: `${fmt.MOVEMENT_LABELS[m.type] || m.type} ${fmt.money(m.amount, d.currency, { sign: true })}` }));
      const end = Math.max(fmt.isoToMs(fmt.todayIso()), pts[pts.length - 1].x);
      pts.push({ x: end, y: pts[pts.length - 1].y, end: true });
      if (!mrrCard.body.contains(chart.el)) mrrCard.show(chart.el);
      upsert(chart.canvas, () => customerMrrConfig(pts, d.currency));
    };

    const renderLines = (d) => {
      const today = fmt.todayIso();
      const ls = [...(d.lines || [])].sort((a, b) => (b.start_date > a.start_date ? 1 : b.start_date < a.start_date ? -1 : 0));
      const open = ls.filter((l) => isRecurring(l) && !l.end_date).length;
      lines.subtitle(`${ls.length} ${ls.length === 1 ? 'line' : 'lines'} · ${open} open recurring. Amounts are per unit and billing interval, in the line’s currency.`);
      if (!ls.length) return lines.show(emptyState('No lines', 'This customer has no contract items.'));
      lines.show(h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Revenue lines, scrollable' },
        h('table', { class: 'table lines-table', 'data-testid': 'lines-table' },
          h('caption', { class: 'sr-only' }, 'Revenue lines'),
          h('thead', null, h('tr', null, ['Line', 'Kind', 'Product', 'Start', 'End', 'Amount', 'Qty', 'Interval', 'Monthly value', 'State', 'Actions']
            .map((t) => h('th', { scope: 'col', class: ['Amount', 'Qty', 'Monthly value'].includes(t) ? 'num' : t === 'Actions' ? 'actions' : '' }, t)))),
          h('tbody', null, ls.map((l) => {
            const [state, tone] = lineState(l, today);
            const monthly = isRecurring(l) && l.interval_months ? (l.amount * l.quantity) / l.interval_months : null;
            const cancellable = isRecurring(l) && !l.end_date;
            return h('tr', { 'data-testid': `line-row-${l.line_id}`, 'data-line-id': l.line_id, class: tone === 'ended' ? 'is-ended' : '' },
              h('th', { scope: 'row', class: 'mono' }, l.line_id),
              h('td', null, h('span', { class: `kind kind-${l.kind}` }, KIND_LABELS[l.kind] || l.kind)),
              h('td', null, l.product || '—'),
              h('td', { class: 'nowrap' }, fmt.date(l.start_date)),
              h('td', { class: 'nowrap' }, l.end_date ? fmt.date(l.end_date) : h('span', { class: 'muted' }, isRecurring(l) ? 'Open' : '—')),
              h('td', { class: 'num' }, fmt.money(l.amount, l.currency)),
              h('td', { class: 'num' }, fmt.num(l.quantity)),
              h('td', { class: 'nowrap' }, l.interval_months ? (l.interval_months === 1 ? 'Monthly' : l.interval_months === 12 ? 'Yearly' : `Every ${l.interval_months} mo`) : h('span', { class: 'muted' }, '—')),
              h('td', { class: 'num' }, monthly == null ? h('span', { class: 'muted', title: 'One-time charges never count in MRR' }, '—') : fmt.money(monthly, l.currency)),
              h('td', null, h('span', { class: `state state-${tone}` }, state)),
              h('td', { class: 'actions' },
                h('button', { type: 'button', class: 'btn btn-ghost btn-xs', 'data-testid': `edit-line-${l.line_id}`,
                  'aria-label': `Edit line ${l.line_id}`, onclick: () => dialogs.edit(l) }, 'Edit'),
                cancellable ? h('button', { type: 'button', class: 'btn btn-danger-ghost btn-xs', 'data-testid': `cancel-line-${l.line_id}`,
                  'aria-label': `Cancel line ${l.line_id}`, onclick: () => dialogs.cancel(l) }, 'Cancel') : null));
          })))));
    };

    const renderMoves = (d) => {
      const ms = [...(d.movements || [])].reverse();
      if (!ms.length) return moves.show(emptyState('No movements', 'MRR never changed for this customer.'));
      moves.show(h('ol', { class: 'timeline', 'data-testid': 'movements' }, ms.map((m) => h('li', { class: `tl-item tl-${m.type}` },
        h('span', { class: 'tl-dot', 'aria-hidden': 'true' }),
        h('time', { datetime: m.date, class: 'tl-date' }, fmt.date(m.date)),
        movementBadge(m.type),
        h('span', { class: `tl-amount ${m.amount >= 0 ? 'pos' : 'neg'}` }, fmt.money(m.amount, d.currency, { sign: true })),
        h('span', { class: 'tl-after muted' }, `MRR ${fmt.money(m.mrr_after, d.currency)}`)))));
    };

    const load = (ctx, opts) => {
      lastCtx = ctx;
      const q = url.pick(ctx.params, url.SCOPE_KEYS);
      if (ctx.params.get('to')) q.set('month', ctx.params.get('to'));
      const cur = url.pick(ctx.params, ['currency']);
      return loader.run((signal) => settle({
        res: api.get(`/api/customers/${encodeURIComponent(id)}`, q, { signal }),
        account: api.get(`/api/accounts/${encodeURIComponent(id)}`, cur, { signal }),
      }), ({ res, account }) => {
        const retry = () => load({ ...ctx, params: url.current() }, { background: false });
        if (res.status !== 'fulfilled') {
          const err = res.reason;
          body.hidden = true;
          replace(head, h('div', { class: 'page-error' }, errorPanel(err, err.status === 404 ? null : retry),
            h('p', null, h('a', { href: url.withGlobals('/customers'), 'data-link': true }, '← Back to customers'))));
          return;
        }
        body.hidden = false;
        doc = res.value;
        app.filters.setEffective({ to: doc.month });
        renderHead(doc);
        renderDetails(doc);
        renderChart(doc);
        renderLines(doc);
        renderMoves(doc);
        if (account.status === 'fulfilled') crm.render(account.value);
        else crm.error(account.reason, retry);
      }, opts);
    };
    return {
      load,
      destroy: () => { loader.abort(); dialogs.destroy(); crm.destroy(); },
    };
  },
};
