// Chart configurations of the forecast, unit economics and valuation pages (same theme-aware palette
// and helpers as charts.js). Money arrives rounded to cents; charts only draw it.
import { moneyCompact, money, month as fmtMonth, pct } from './format.js';
import { palette, narrow, tooltipBase, legendBase } from './charts.js';

/** Colours of the forecasts shown side by side: the base first, then each scenario. */
export const SCENARIO_COLORS = ['--accent', '--mv-new', '--mv-contraction', '--mv-reactivation', '--mv-churn', '--mv-expansion'];
const cssVar = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
/** A hex colour (#rgb or #rrggbb) with transparency; anything else as it is. */
function alpha(color, a) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color || '');
  if (!m) return color;
  const x = m[1].length === 3 ? m[1].replace(/./g, (d) => d + d) : m[1];
  return `rgba(${parseInt(x.slice(0, 2), 16)}, ${parseInt(x.slice(2, 4), 16)}, ${parseInt(x.slice(4, 6), 16)}, ${a})`;
}

const baseOptions = (currency, yTitle) => ({
  responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
  interaction: { mode: 'index', intersect: false },
  scales: {
    x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
    y: { beginAtZero: true, title: { display: !narrow(), text: yTitle }, ticks: { callback: (v) => moneyCompact(v, currency) } },
  },
});

/**
 * The forecast in layers: actual MRR, then contracted, + trend and + pipeline drawn as areas stacked on
 * one another (the trend may be negative: its area then lies below the contracted line), and the
 * low/high band as dashed edges. Tooltips give each layer's own value, not the running sum.
 */
export function forecastConfig(history, months, currency) {
  const c = palette();
  const labels = [...history, ...months].map((m) => fmtMonth(m.month, { short: true }));
  const pad = (arr, before) => [...Array(before).fill(null), ...arr];
  const h = history.length;
  const contracted = months.map((m) => m.contracted);
  const withTrend = months.map((m) => m.contracted + m.trend);
  const total = months.map((m) => m.contracted + m.trend + m.pipeline);
  const actual = [...history.map((m) => m.mrr), ...months.map(() => null)];
  if (h) { // join the lines at the last actual month
    contracted.unshift(history[h - 1].mrr); withTrend.unshift(history[h - 1].mrr); total.unshift(history[h - 1].mrr);
  }
  const start = Math.max(0, h - 1);
  const layer = (label, data, color, fill) => ({ label, data: pad(data, start), borderColor: color, backgroundColor: alpha(color, 0.28),
    fill, borderWidth: 1.5, pointRadius: 0, pointHoverRadius: 4, tension: 0.2 });
  const edge = (label, key) => ({ label, data: pad(months.map((m) => m[key]), h), borderColor: c.muted, borderDash: [5, 4],
    borderWidth: 1.2, pointRadius: 0, fill: false, tension: 0.2 });
  const datasets = [
    { label: 'Actual MRR', data: actual, borderColor: c.total, backgroundColor: c.total, borderWidth: 2.5, pointRadius: 2, tension: 0.2 },
    layer('Contracted', contracted, c.accent, 'origin'),
    layer('Trend', withTrend, c.expansion, '-1'),
    layer('Pipeline', total, c.new, '-1'),
    edge('Low', 'low'),
    edge('High', 'high'),
  ];
  const own = (i, j) => { // the layer's own value at label index j
    const m = months[j - h];
    if (!m) return null;
    return [null, m.contracted, m.trend, m.pipeline, m.low, m.high][i];
  };
  const opts = baseOptions(currency, `MRR (${currency})`);
  opts.scales.y.beginAtZero = false;
  return {
    type: 'line',
    data: { labels, datasets },
    options: {
      ...opts,
      plugins: {
        legend: legendBase(c),
        tooltip: {
          ...tooltipBase(c),
          filter: (item) => item.raw != null && !(item.datasetIndex > 0 && item.dataIndex < h),
          callbacks: {
            title: (items) => fmtMonth([...history, ...months][items[0].dataIndex].month, { long: true }),
            label: (item) => {
              const v = item.datasetIndex === 0 ? item.raw : own(item.datasetIndex, item.dataIndex);
              return ` ${item.dataset.label}: ${money(v, currency, { sign: item.datasetIndex === 2 })}`;
            },
            footer: (items) => {
              const m = months[items[0].dataIndex - h];
              return m ? `Forecast MRR ${money(m.contracted + m.trend + m.pipeline, currency)} · ARR ${money(m.arr, currency)}` : '';
            },
          },
        },
      },
    },
  };
}

/** Forecasts side by side: each scenario's forecast ARR month by month, the base first. */
export function compareConfig(forecasts, currency) {
  const c = palette();
  const months = forecasts[0].months;
  return {
    type: 'line',
    data: {
      labels: months.map((m) => fmtMonth(m.month, { short: true })),
      datasets: forecasts.map((f, i) => {
        const color = cssVar(SCENARIO_COLORS[i % SCENARIO_COLORS.length]);
        return { label: f.name, data: f.months.map((m) => m.arr), borderColor: color, backgroundColor: color,
          borderWidth: i === 0 ? 2.5 : 2, borderDash: i === 0 ? [] : [6, 3], pointRadius: 2, tension: 0.2 };
      }),
    },
    options: {
      ...baseOptions(currency, `ARR (${currency})`),
      plugins: {
        legend: legendBase(c),
        tooltip: { ...tooltipBase(c), callbacks: {
          title: (items) => fmtMonth(months[items[0].dataIndex].month, { long: true }),
          label: (item) => ` ${item.dataset.label}: ${money(item.raw, currency)}`,
        } },
      },
    },
  };
}

/** LTV and CAC per month as bars, LTV:CAC as a line on its own axis; missing figures leave gaps. */
export function economicsConfig(months, currency) {
  const c = palette();
  const opts = baseOptions(currency, `${currency}`);
  opts.scales.ratio = { position: 'right', beginAtZero: true, grid: { display: false },
    title: { display: !narrow(), text: 'LTV:CAC' }, ticks: { callback: (v) => `${v}×` } };
  return {
    type: 'bar',
    data: {
      labels: months.map((m) => fmtMonth(m.month, { short: true })),
      datasets: [
        { label: 'LTV', data: months.map((m) => m.ltv), backgroundColor: c.new, borderRadius: 2, maxBarThickness: 30, order: 1 },
        { label: 'CAC', data: months.map((m) => m.cac), backgroundColor: c.contraction, borderRadius: 2, maxBarThickness: 30, order: 1 },
        { type: 'line', label: 'LTV:CAC', data: months.map((m) => m.ltv_to_cac), yAxisID: 'ratio', borderColor: c.total,
          backgroundColor: c.total, borderWidth: 2, pointRadius: 3, tension: 0.2, order: 0, spanGaps: false },
      ],
    },
    options: {
      ...opts,
      plugins: {
        legend: legendBase(c),
        tooltip: { ...tooltipBase(c), callbacks: {
          title: (items) => fmtMonth(months[items[0].dataIndex].month, { long: true }),
          label: (item) => (item.raw == null ? ` ${item.dataset.label}: —`
            : ` ${item.dataset.label}: ${item.dataset.label === 'LTV:CAC' ? `${item.raw.toFixed(2)}×` : money(item.raw, currency)}`),
        } },
      },
    },
  };
}

/** Gross margin per month (a share), with gaps where there are no costs. */
export function marginConfig(months) {
  const c = palette();
  return {
    type: 'line',
    data: {
      labels: months.map((m) => fmtMonth(m.month, { short: true })),
      datasets: [{ label: 'Gross margin', data: months.map((m) => m.gross_margin), borderColor: c.accent, backgroundColor: c.accentSoft,
        fill: 'origin', borderWidth: 2, pointRadius: 2.5, tension: 0.2 }],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: { beginAtZero: true, suggestedMax: 1, ticks: { callback: (v) => pct(v, 0) } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { ...tooltipBase(c), callbacks: {
          title: (items) => fmtMonth(months[items[0].dataIndex].month, { long: true }),
          label: (item) => ` Gross margin: ${item.raw == null ? '—' : pct(item.raw, 1)}`,
        } },
      },
    },
  };
}

/** Valuation per month as bars, ARR as a line on the right axis. */
export function valuationConfig(history, currency) {
  const c = palette();
  const opts = baseOptions(currency, `Valuation (${currency})`);
  opts.scales.arr = { position: 'right', beginAtZero: true, grid: { display: false },
    title: { display: !narrow(), text: `ARR (${currency})` }, ticks: { callback: (v) => moneyCompact(v, currency) } };
  return {
    type: 'bar',
    data: {
      labels: history.map((m) => fmtMonth(m.month, { short: true })),
      datasets: [
        { label: 'Valuation', data: history.map((m) => m.valuation), backgroundColor: c.accent, borderRadius: 3, maxBarThickness: 40, order: 1 },
        { type: 'line', label: 'ARR', data: history.map((m) => m.arr), yAxisID: 'arr', borderColor: c.new, backgroundColor: c.new,
          borderWidth: 2, pointRadius: 2.5, tension: 0.2, order: 0 },
      ],
    },
    options: {
      ...opts,
      plugins: {
        legend: legendBase(c),
        tooltip: { ...tooltipBase(c), callbacks: {
          title: (items) => fmtMonth(history[items[0].dataIndex].month, { long: true }),
          label: (item) => ` ${item.dataset.label}: ${item.raw == null ? '—' : money(item.raw, currency)}`,
        } },
      },
    },
  };
}
