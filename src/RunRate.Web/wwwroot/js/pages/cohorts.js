// Cohorts: revenue and logo retention heatmaps from /api/cohorts.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { scopeSummary } from '../filters.js';
import { emptyState } from '../ui/states.js';
import { createLoader, settle, card, pageHead } from './common.js';

/** Weighted average row: revenue by starting MRR, logos by cohort size. */
function averages(cohorts, metric) {
  const width = Math.max(0, ...cohorts.map((c) => c.mrr.length));
  return Array.from({ length: width }, (_, k) => {
    let num = 0;
    let den = 0;
    for (const c of cohorts) {
      if (k >= c.mrr.length) continue;
      if (metric === 'revenue_retention') {
        if (!c.mrr[0]) continue;
        num += c.mrr[k];
        den += c.mrr[0];
      } else {
        if (c.logo_retention[k] == null) continue;
        num += c.logo_retention[k] * c.customers;
        den += c.customers;
      }
    }
    return den ? num / den : null;
  });
}

function heat(v, lo, hi) {
  if (v == null) return '';
  const t = Math.max(0, Math.min(1, (v - lo) / (hi - lo || 1)));
  const pctMix = Math.round(8 + t * 82);
  return `--mix:${pctMix}%`;
}

function heatmap(data, metric, cur) {
  const { cohorts } = data;
  const width = Math.max(0, ...cohorts.map((c) => c[metric].length));
  const values = cohorts.flatMap((c) => c[metric]).filter((v) => v != null);
  const lo = Math.min(0.5, ...values);
  const hi = Math.max(1, ...values);
  const avg = averages(cohorts, metric);
  const label = metric === 'revenue_retention' ? 'Revenue retention' : 'Logo retention';
  const cell = (c, k, v) => {
    const tip = metric === 'revenue_retention'
      ? `${fmt.month(c.cohort)} cohort, month ${k}: ${fmt.pct(v, 1)} of starting MRR (${fmt.money(c.mrr[k], cur)})`
      : `${fmt.month(c.cohort)} cohort, month ${k}: ${fmt.pct(v, 1)} of ${fmt.int(c.customers)} customers still active`;
    return h('td', { class: `heat${v != null && (v - lo) / (hi - lo) > 0.55 ? ' heat-strong' : ''}`, style: heat(v, lo, hi),
      title: v == null ? null : tip, 'data-value': v ?? '' },
    fmt.figure(v, (x) => fmt.pct(x, 1), metric));
  };
  return h('div', { class: 'heatmap-wrap' },
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${label} by cohort, scrollable` },
      h('table', { class: 'table heatmap', 'data-testid': `heatmap-${metric === 'revenue_retention' ? 'revenue' : 'logo'}` },
        h('caption', { class: 'sr-only' }, `${label}: rows are cohorts (month of first revenue), columns are months since.`),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Cohort'), h('th', { scope: 'col', class: 'num' }, 'Customers'),
          h('th', { scope: 'col', class: 'num col-start' }, 'Starting MRR'),
          Array.from({ length: width }, (_, k) => h('th', { scope: 'col', class: 'num age' }, `M${k}`)))),
        h('tbody', null, cohorts.map((c) => h('tr', { 'data-cohort': c.cohort },
          h('th', { scope: 'row' }, fmt.month(c.cohort)),
          h('td', { class: 'num' }, fmt.int(c.customers)),
          h('td', { class: 'num col-start' }, fmt.money(c.mrr[0], cur)),
          Array.from({ length: width }, (_, k) => (k < c[metric].length ? cell(c, k, c[metric][k]) : h('td', { class: 'heat-empty', 'aria-hidden': 'true' })))))),
        h('tfoot', null, h('tr', null,
          h('th', { scope: 'row', title: 'Weighted average: revenue by starting MRR, logos by cohort size' }, 'All cohorts'),
          h('td', { class: 'num' }, fmt.int(cohorts.reduce((n, c) => n + c.customers, 0))),
          h('td', { class: 'num col-start' }, fmt.money(cohorts.reduce((n, c) => n + (c.mrr[0] || 0), 0), cur)),
          avg.map((v) => h('td', { class: 'num' }, fmt.figure(v, (x) => fmt.pct(x, 1), metric))))))),
    h('div', { class: 'heat-legend', 'aria-hidden': 'true' },
      h('span', null, fmt.pct(lo, 0)), h('span', { class: 'heat-scale' }), h('span', null, fmt.pct(hi, 0))));
}

export default {
  title: 'Cohorts',
  filterMode: 'range',
  create(root, app) {
    const subtitle = h('p', { class: 'page-sub', 'data-testid': 'cohorts-period' }, '\u00a0');
    const rev = card({ title: 'Revenue retention', subtitle: 'Cohort MRR in each month since joining ÷ its MRR in its first month. Above 100% means expansion outweighs losses.', testid: 'cohorts-revenue' });
    const logo = card({ title: 'Logo retention', subtitle: 'Share of each cohort’s customers still active in each month since joining.', testid: 'cohorts-logo' });
    root.append(pageHead('Cohorts', subtitle), h('div', { class: 'stack' }, rev.el, logo.el));
    const loader = createLoader(app, root);

    const load = (ctx, opts) => {
      const p = ctx.params;
      const q = url.pick(p, [...url.SCOPE_KEYS, 'from', 'to']);
      return loader.run((signal) => settle({ data: api.get('/api/cohorts', q, { signal }) }), ({ data }) => {
        const retry = () => load({ ...ctx, params: url.current() }, { background: false });
        if (data.status !== 'fulfilled') {
          rev.error(data.reason, retry);
          logo.error(data.reason, retry);
          replace(subtitle, scopeSummary(p));
          return;
        }
        const d = data.value;
        const cs = d.cohorts;
        if (cs.length) {
          app.filters.setEffective({ from: cs[0].cohort, to: p.get('to') || cs[cs.length - 1].cohort });
          replace(subtitle, h('strong', null, `${fmt.month(cs[0].cohort)} – ${fmt.month(cs[cs.length - 1].cohort)} cohorts`), ` · ${d.currency} · ${scopeSummary(p)}`);
        } else {
          replace(subtitle, `${d.currency} · ${scopeSummary(p)}`);
        }
        if (!cs.length) {
          const empty = () => emptyState('No cohorts in this period', 'No customer had its first revenue in these months with these filters.');
          rev.show(empty());
          logo.show(empty());
          return;
        }
        rev.show(heatmap(d, 'revenue_retention', d.currency));
        logo.show(heatmap(d, 'logo_retention', d.currency));
      }, opts);
    };
    return { load, destroy: () => loader.abort() };
  },
};
