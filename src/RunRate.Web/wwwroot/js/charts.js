// Chart.js (vendored UMD, window.Chart) helpers: theme-aware colors, create-or-update, and the
// chart configurations the pages use. Charts are updated in place so live refreshes don't flicker.
import { moneyCompact, money, month as fmtMonth, dateFromMs } from './format.js';

const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

export function palette() {
  return {
    text: css('--text'), muted: css('--text-muted'), grid: css('--chart-grid'), surface: css('--surface'),
    accent: css('--accent'), accentSoft: css('--chart-accent-soft'),
    sub: css('--chart-sub'), addon: css('--chart-addon'),
    new: css('--mv-new'), expansion: css('--mv-expansion'), reactivation: css('--mv-reactivation'),
    contraction: css('--mv-contraction'), churn: css('--mv-churn'), total: css('--chart-total'),
  };
}

const narrowMq = window.matchMedia('(max-width: 560px)');
/** Phone widths: fewer axis titles and labels. */
export const narrow = () => narrowMq.matches;

function rebuildAll() {
  setup();
  for (const chart of Object.values(window.Chart.instances)) {
    if (chart.$build) apply(chart, chart.$build());
  }
}

let configured = false;
function setup() {
  const Chart = window.Chart;
  if (!Chart) throw new Error('Chart.js did not load (/vendor/chartjs/chart.umd.min.js).');
  const c = palette();
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = c.muted;
  Chart.defaults.borderColor = c.grid;
  if (!configured) {
    configured = true;
    window.addEventListener('runrate:theme', rebuildAll);
    narrowMq.addEventListener('change', rebuildAll);
  }
  return Chart;
}

function apply(chart, config) {
  chart.data = config.data;
  chart.options = config.options;
  chart.update('none');
}

/** Create the chart on `canvas`, or update the existing one in place. build() returns a config. */
export function upsert(canvas, build) {
  const Chart = setup();
  const existing = Chart.getChart(canvas);
  if (existing) {
    existing.$build = build;
    apply(existing, build());
    return existing;
  }
  const chart = new Chart(canvas, build());
  chart.$build = build;
  return chart;
}

export function destroyIn(root) {
  const Chart = window.Chart;
  if (!Chart) return;
  for (const canvas of root.querySelectorAll('canvas')) Chart.getChart(canvas)?.destroy();
}

export const tooltipBase = (c) => ({
  backgroundColor: c.surface, titleColor: c.text, bodyColor: c.text, footerColor: c.muted,
  borderColor: c.grid, borderWidth: 1, padding: 10, boxPadding: 4, usePointStyle: true,
});

export const legendBase = (c) => ({
  position: 'bottom', align: 'start',
  labels: { usePointStyle: true, pointStyle: 'rectRounded', boxWidth: 10, boxHeight: 10, padding: 14, color: c.text },
});

/** A readable axis top and step for values up to `max` (4 to 7 steps, lowest top wins). */
function niceScale(max) {
  if (!(max > 0)) return { top: 1, step: 0.2 };
  const mag = 10 ** Math.floor(Math.log10(max));
  let best = null;
  for (const m of [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5]) {
    const step = m * mag;
    const n = Math.ceil(max / step);
    if (n < 4 || n > 7) continue;
    const top = n * step;
    if (!best || top < best.top) best = { top, step };
  }
  return best || { top: max, step: undefined };
}

/** ARR over time, split by subscription/add-on, with MRR on the right-hand axis (ARR ÷ 12). */
export function arrConfig(months, currency) {
  const c = palette();
  const labels = months.map((m) => fmtMonth(m.month, { short: true }));
  const { top, step } = niceScale(Math.max(0, ...months.map((m) => m.arr)) * 1.02);
  const small = narrow();
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: 'ARR', data: months.map((m) => m.arr), borderColor: c.accent, backgroundColor: c.accent,
          borderWidth: 2.5, pointRadius: 2.5, pointHoverRadius: 5, tension: 0.25, stack: 'total' },
        { label: 'Subscription ARR', data: months.map((m) => m.subscription_arr), borderColor: c.sub,
          backgroundColor: c.sub, fill: 'origin', borderWidth: 0, pointRadius: 0, tension: 0.25, stack: 'split' },
        { label: 'Add-on ARR', data: months.map((m) => m.addon_arr), borderColor: c.addon,
          backgroundColor: c.addon, fill: '-1', borderWidth: 0, pointRadius: 0, tension: 0.25, stack: 'split' },
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: { stacked: true, min: 0, max: top, title: { display: !small, text: `ARR (${currency})` },
          ticks: { stepSize: step, callback: (v) => moneyCompact(v, currency) } },
        mrr: { position: 'right', min: 0, max: top / 12, grid: { display: false },
          title: { display: !small, text: `MRR (${currency})` },
          ticks: { includeBounds: false, maxTicksLimit: 7, callback: (v) => moneyCompact(v, currency) } },
      },
      plugins: {
        legend: legendBase(c),
        tooltip: {
          ...tooltipBase(c),
          callbacks: {
            title: (items) => fmtMonth(months[items[0].dataIndex].month, { long: true }),
            label: (item) => ` ${item.dataset.label}: ${money(item.raw, currency)}`,
            footer: (items) => `MRR: ${money(months[items[0].dataIndex].closing_mrr, currency)}`,
          },
        },
      },
    },
  };
}

const MOVES = [
  ['new', 'New'], ['expansion', 'Expansion'], ['reactivation', 'Reactivation'],
  ['contraction', 'Contraction'], ['churn', 'Churn'],
];

/** Monthly MRR movements as stacked bars (gains up, losses down) with the net as a line. */
export function movementsConfig(months, currency) {
  const c = palette();
  const net = months.map((m) => m.new + m.expansion + m.reactivation + m.contraction + m.churn);
  return {
    type: 'bar',
    data: {
      labels: months.map((m) => fmtMonth(m.month, { short: true })),
      datasets: [
        ...MOVES.map(([k, label]) => ({
          label, data: months.map((m) => m[k]), backgroundColor: c[k], stack: 'mv',
          borderRadius: 2, maxBarThickness: 38, order: 1,
        })),
        { type: 'line', label: 'Net new MRR', data: net, borderColor: c.total, backgroundColor: c.total,
          borderWidth: 2, pointRadius: 3, pointHoverRadius: 5, tension: 0.2, stack: 'net', order: 0 },
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: { stacked: true, title: { display: !narrow(), text: `MRR movement (${currency})` },
          ticks: { callback: (v) => moneyCompact(v, currency) },
          grid: { color: (ctx) => (ctx.tick && ctx.tick.value === 0 ? c.muted : c.grid) } },
      },
      plugins: {
        legend: legendBase(c),
        tooltip: {
          ...tooltipBase(c),
          callbacks: {
            title: (items) => fmtMonth(months[items[0].dataIndex].month, { long: true }),
            label: (item) => ` ${item.dataset.label}: ${money(item.raw, currency, { sign: true })}`,
          },
        },
      },
    },
  };
}

/** Value labels above/below bars (small inline plugin; Chart.js core has none). */
const barLabels = {
  id: 'rrBarLabels',
  afterDatasetsDraw(chart, _args, opts) {
    if (!opts || !opts.format) return;
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    ctx.save();
    ctx.font = `600 11px ${chart.options.font?.family || window.Chart.defaults.font.family}`;
    ctx.fillStyle = opts.color;
    ctx.textAlign = 'center';
    meta.data.forEach((bar, i) => {
      const text = opts.format(i);
      if (!text) return;
      const { x, y, base } = bar.getProps(['x', 'y', 'base'], true);
      const topY = Math.min(y, base);
      ctx.textBaseline = 'bottom';
      ctx.fillText(text, x, topY - 4);
    });
    ctx.restore();
  },
};

/** The ARR bridge as a waterfall: opening → movements → closing, floating bars. */
export function bridgeConfig(b, currency) {
  const c = palette();
  const steps = [
    ['Opening', b.opening_arr, 'total'], ['New', b.new, 'new'], ['Expansion', b.expansion, 'expansion'],
    ['Contraction', b.contraction, 'contraction'], ['Churn', b.churn, 'churn'],
    ['Reactivation', b.reactivation, 'reactivation'], ['Closing', b.closing_arr, 'total'],
  ];
  let level = 0;
  const ranges = steps.map(([, v], i) => {
    if (i === 0 || i === steps.length - 1) { level = v; return [0, v]; }
    const r = [level, level + v];
    level += v;
    return r;
  });
  const levels = ranges.slice(0, -1).map((r) => r[1]);
  const lo = Math.min(...levels);
  const hi = Math.max(...levels);
  const span = hi - lo || hi || 1;
  const mag = 10 ** Math.floor(Math.log10(span));
  const min = Math.max(0, Math.floor((lo - span * 0.6) / mag) * mag);
  const colors = steps.map(([, , kind]) => (kind === 'total' ? c.accent : c[kind]));
  const small = narrow();
  const short = { Opening: 'Open', Expansion: 'Exp.', Contraction: 'Contr.', Reactivation: 'React.', Closing: 'Close' };
  return {
    type: 'bar',
    data: {
      labels: steps.map(([l]) => (small ? short[l] || l : l)),
      datasets: [{ label: 'ARR', data: ranges, backgroundColor: colors, borderRadius: 3, maxBarThickness: 64,
        borderSkipped: false }],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
      layout: { padding: { top: 18 } },
      scales: {
        x: { grid: { display: false }, ticks: { color: c.text, maxRotation: 0, autoSkip: false, font: { size: 11 } } },
        y: { min, title: { display: !small, text: `ARR (${currency})` }, ticks: { callback: (v) => moneyCompact(v, currency) } },
      },
      plugins: {
        legend: { display: false },
        rrBarLabels: {
          color: c.text,
          format: small ? null : (i) => {
            const v = steps[i][1];
            if (i === 0 || i === steps.length - 1) return moneyCompact(v, currency);
            return (v > 0 ? '+' : v < 0 ? '−' : '') + moneyCompact(Math.abs(v), currency);
          },
        },
        tooltip: {
          ...tooltipBase(c),
          callbacks: {
            label: (item) => {
              const [label, v] = steps[item.dataIndex];
              const edge = item.dataIndex === 0 || item.dataIndex === steps.length - 1;
              return ` ${label}: ${money(v, currency, { sign: !edge })}`;
            },
            afterLabel: (item) => {
              const i = item.dataIndex;
              if (i === 0 || i === steps.length - 1) return null;
              return ` ARR after: ${money(ranges[i][1], currency)}`;
            },
          },
        },
      },
    },
    plugins: [barLabels],
  };
}

/** Ticks on month starts, every 1, 3, 6, 12 or 24 months so that there are at most 7. */
function monthTicks(min, max) {
  const a = new Date(min);
  const b = new Date(max);
  const span = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  const step = [1, 3, 6, 12, 24, 60].find((s) => span / s <= 6) || 120;
  let y = a.getUTCFullYear();
  let m = Math.ceil((a.getUTCMonth() + (a.getUTCDate() > 1 ? 1 : 0)) / step) * step;
  const ticks = [];
  for (;;) {
    y += Math.floor(m / 12);
    m %= 12;
    const t = Date.UTC(y, m, 1);
    if (t > max) break;
    if (t >= min) ticks.push({ value: t });
    m += step;
  }
  return ticks;
}

/** One customer's MRR over time as a step line from its movement timeline. */
export function customerMrrConfig(points, currency) {
  const c = palette();
  return {
    type: 'line',
    data: {
      datasets: [{
        label: 'MRR', data: points, stepped: 'after', borderColor: c.accent, backgroundColor: c.accentSoft,
        fill: 'origin', borderWidth: 2, pointRadius: (ctx) => (ctx.raw && ctx.raw.end ? 0 : 3), pointHoverRadius: 5,
      }],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
      parsing: false,
      layout: { padding: { left: 4, right: 6 } },
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', grid: { display: false }, min: points[0].x, max: points[points.length - 1].x,
          afterBuildTicks: (scale) => { scale.ticks = monthTicks(scale.min, scale.max); },
          ticks: { maxRotation: 0, autoSkip: false, callback: (v) => dateFromMs(v) } },
        y: { beginAtZero: true, title: { display: !narrow(), text: `MRR (${currency})` },
          ticks: { callback: (v) => moneyCompact(v, currency) } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipBase(c),
          callbacks: {
            title: (items) => (items[0].raw.end ? 'Today' : dateFromMs(items[0].raw.x, { withDay: true })),
            label: (item) => ` MRR: ${money(item.raw.y, currency)}`,
            afterLabel: (item) => (item.raw.label ? ` ${item.raw.label}` : null),
          },
        },
      },
    },
  };
}
