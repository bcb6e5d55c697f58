// Forecast (/api/forecast): MRR in layers (contracted, trend, pipeline) with the band, ARR and
// contracted ARR, saved scenarios side by side and their editor, the trend's rates and the backtest.
// The as-of month is the filter bar's month; horizon, window, segments and scenarios are in the URL.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { upsert } from '../charts.js';
import { forecastConfig } from '../fin-charts.js';
import { scopeSummary } from '../filters.js';
import { createLoader, settle, card, chartBox, pageHead } from './common.js';
import { layersTable, ratesTable, backtestView, skippedList } from './forecast-tables.js';
import { picker, editor, comparison, compareChart, selected } from './forecast-scenarios.js';
import { emptyState } from '../ui/states.js';

const HORIZONS = [6, 12, 18, 24, 36];
const WINDOWS = [3, 6, 12, 24];

function tile(key, label, value, sub, dataValue, info) {
  return h('article', { class: 'kpi', 'data-kpi-tile': key },
    h('header', { class: 'kpi-head' }, h('h3', { class: 'kpi-label' }, label),
      info ? h('span', { class: 'info', tabindex: '0', role: 'note', 'data-tip': info, 'aria-label': info }, 'i') : null),
    h('p', { class: 'kpi-figure' }, h('span', { class: 'kpi-value', 'data-kpi': key, 'data-value': dataValue }, value)),
    h('div', { class: 'kpi-sub' }, sub));
}

function select(id, label, options, value, onChange) {
  const el = h('select', { id, class: 'input', 'data-testid': id, onchange: () => onChange(el.value) },
    options.map(([v, text]) => h('option', { value: v, selected: String(v) === String(value) }, text)));
  return h('div', { class: 'field field-inline' }, h('label', { for: id, class: 'field-label' }, label), el);
}

/** The MAPE figure shown on the tile: the 3-month horizon when measured, else the shortest one measured. */
function headlineMape(bt) {
  const rows = (bt?.mape || []).filter((x) => x.samples > 0 && x.mape != null);
  return rows.find((x) => x.horizon === 3) || rows[0] || null;
}

export default {
  title: 'Forecast',
  filterMode: 'month',
  create(root, app) {
    const subtitle = h('p', { class: 'page-sub', 'data-testid': 'forecast-period' }, '\u00a0');
    const toolbar = h('div', { class: 'toolbar fin-toolbar', 'data-testid': 'forecast-controls' });
    const tiles = h('section', { class: 'kpi-grid', 'aria-label': 'Forecast key figures', 'data-testid': 'forecast-kpis' });
    const chart = chartBox('chart-forecast', 'Actual and forecast MRR by layer, with the low and high band', { height: 'lg' });
    const layers = card({ title: 'Forecast by layer', subtitle: 'Contracted: lines already signed · trend: trailing rates per segment · pipeline: open deals × stage probability', testid: 'forecast-layers', className: 'card-span' });
    const scen = card({ title: 'Scenarios', subtitle: 'Tick saved scenarios to compare them with the base forecast', testid: 'forecast-scenarios' });
    const edit = editor();
    const ed = card({ title: 'Scenario editor', subtitle: 'Save a scenario by name; it is then shown side by side with the base', testid: 'scenario-editor' });
    const cmpChart = compareChart();
    const cmp = card({ title: 'Side by side', subtitle: 'Forecast ARR per month, the base first', testid: 'forecast-compare', className: 'card-span' });
    const rates = card({ title: 'Trend rates', subtitle: 'Per month, from the trend window (after the scenario rules)', testid: 'forecast-rates', className: 'card-span' });
    const back = card({ title: 'Backtest', subtitle: 'The same method run from 3, 6 and 12 months back, against what happened', testid: 'forecast-backtest', className: 'card-span' });
    root.append(pageHead('Forecast', subtitle), toolbar, tiles,
      h('div', { class: 'grid-2' }, layers.el, scen.el, ed.el, cmp.el, rates.el, back.el));
    ed.show(edit.el);
    const loader = createLoader(app, root);

    const controls = (p, meta) => {
      const attrs = (meta?.attributes || []).filter((a) => !['segment', 'channel', 'country', 'owner'].includes(a.toLowerCase()));
      replace(toolbar,
        select('forecast-months', 'Horizon', HORIZONS.map((n) => [n, `${n} months`]), p.get('months') || 12, (v) => url.update({ months: v === '12' ? null : v })),
        select('forecast-window', 'Trend window', WINDOWS.map((n) => [n, `${n} months`]), p.get('window') || 6, (v) => url.update({ window: v === '6' ? null : v })),
        select('forecast-by', 'Rates per', [['segment', 'Segment'], ['channel', 'Channel'], ['country', 'Country'], ['owner', 'Owner'], ...attrs.map((a) => [a, a])],
          p.get('by') || 'segment', (v) => url.update({ by: v === 'segment' ? null : v })),
        h('label', { class: 'check-inline' }, h('input', { type: 'checkbox', checked: p.get('backtest') !== 'false', 'data-testid': 'forecast-backtest-toggle',
          onchange: (e) => url.update({ backtest: e.target.checked ? null : 'false' }) }), ' Backtest'));
    };

    const load = (ctx, opts) => {
      const p = ctx.params;
      controls(p, ctx.meta || app.meta);
      const q = url.pick(p, [...url.SCOPE_KEYS, 'months', 'window', 'by', 'backtest']);
      if (p.get('to')) q.set('as_of', p.get('to'));
      const names = selected(p);
      const cq = new URLSearchParams(q);
      cq.set('backtest', 'false');
      for (const n of ['base', ...names]) cq.append('scenario', n);
      return loader.run((signal) => settle({
        res: api.get('/api/forecast', q, { signal }),
        scenarios: api.get('/api/scenarios', null, { signal }),
        // A scenario named in the link may have been deleted since: that is shown, not an error.
        compare: names.length ? api.get('/api/forecast', cq, { signal }).catch((e) => (e.status === 404 ? { missing: true } : Promise.reject(e))) : Promise.resolve(null),
      }), ({ res, scenarios, compare }) => {
        const retry = () => load({ params: url.current(), meta: app.meta }, { background: false });
        if (scenarios.status === 'fulfilled') scen.show(picker(scenarios.value.scenarios, (s) => { edit.fill(s); ed.el.scrollIntoView({ block: 'nearest' }); }));
        else scen.error(scenarios.reason, retry);
        if (res.status !== 'fulfilled') {
          for (const c of [layers, rates, back]) c.error(res.reason, retry);
          replace(tiles);
          replace(subtitle, scopeSummary(p));
        } else {
          const d = res.value;
          const cur = d.currency;
          app.filters.setEffective({ to: d.as_of });
          replace(subtitle, h('strong', null, `${fmt.month(d.months[0].month)} – ${fmt.month(d.months[d.months.length - 1].month)}`),
            ` · after ${fmt.month(d.as_of)} · trend from ${d.window_months} months by ${d.segment_by} · ${cur} · ${scopeSummary(p)}`);
          const end = d.months[d.months.length - 1];
          const mape = headlineMape(d.backtest);
          replace(tiles,
            tile('arr', 'ARR', fmt.money(d.arr, cur), `At the close of ${fmt.month(d.as_of)}`, fmt.moneyValue(d.arr)),
            tile('carr', 'Contracted ARR', fmt.money(d.carr, cur), ['Once every signed change has happened: ',
              h('span', { class: d.carr - d.arr >= 0 ? 'pos' : 'neg' }, fmt.money(Math.round((d.carr - d.arr) * 100) / 100, cur, { sign: true }))], fmt.moneyValue(d.carr),
            'CARR: 12 × MRR after every start and end already in the ledger (known cancellations count as lost).'),
            tile('forecast_arr', `ARR in ${fmt.month(end.month)}`, fmt.money(end.arr, cur),
              `Band ${fmt.moneyCompact(end.low * 12, cur)} – ${fmt.moneyCompact(end.high * 12, cur)}`, fmt.moneyValue(end.arr)),
            tile('mape', 'Backtest error', mape ? fmt.pct(mape.mape, 1) : '—',
              mape ? `MAPE ${mape.horizon} ${mape.horizon === 1 ? 'month' : 'months'} ahead, ${fmt.int(mape.samples)} samples` : 'Not measured', mape?.mape ?? '',
              'Mean absolute percentage error of the same method replayed from earlier months.'));
          if (!layers.body.contains(chart.el)) layers.show(chart.el, h('div', { class: 'layers-table' }), h('div', { class: 'layers-skipped' }));
          upsert(chart.canvas, () => forecastConfig(d.history, d.months, cur));
          replace(layers.body.querySelector('.layers-table'), layersTable(d, cur));
          replace(layers.body.querySelector('.layers-skipped'), skippedList(d.skipped_deals));
          rates.show(ratesTable(d, cur, d.segment_by));
          back.show(backtestView(d.backtest, cur));
        }
        if (compare.status === 'fulfilled' && compare.value?.missing) {
          const known = new Set(scenarios.status === 'fulfilled' ? scenarios.value.scenarios.map((x) => x.name.toLowerCase()) : []);
          const gone = names.filter((n) => !known.has(n.toLowerCase()));
          cmp.show(emptyState('Scenario not found', `No saved scenario is named ${gone.map((n) => `“${n}”`).join(', ') || 'as in the link'}.`),
            h('p', { class: 'empty-action' }, h('button', { type: 'button', class: 'btn btn-secondary btn-sm', 'data-testid': 'drop-missing-scenarios',
              onclick: () => url.update({ scenario: names.filter((n) => known.has(n.toLowerCase())) }) }, 'Compare the saved ones only')));
        } else if (compare.status !== 'fulfilled') {
          cmp.error(compare.reason, retry);
        } else if (!compare.value) {
          cmp.show(emptyState('Nothing to compare yet', 'Tick a saved scenario, or save one with the editor: it appears here next to the base forecast.'));
        } else {
          const list = compare.value.scenarios;
          const view = comparison(list, cmpChart, list[0].currency);
          cmp.show(...view.nodes);
          view.draw();
        }
      }, opts);
    };
    return { load, destroy: () => loader.abort() };
  },
};
