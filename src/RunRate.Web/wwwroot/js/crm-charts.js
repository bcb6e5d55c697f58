// Chart configurations of the CRM pages (same theme-aware palette and helpers as charts.js).
import { moneyCompact, money } from './format.js';
import { palette, narrow, tooltipBase, legendBase } from './charts.js';

/** Pipeline by stage: ARR and weighted ARR side by side for each stage. */
export function pipelineConfig(stages, currency) {
  const c = palette();
  return {
    type: 'bar',
    data: {
      labels: stages.map((s) => s.name),
      datasets: [
        { label: 'ARR', data: stages.map((s) => s.arr), backgroundColor: c.sub, borderColor: c.accent, borderWidth: 1.5,
          borderRadius: 3, maxBarThickness: 44 },
        { label: 'Weighted ARR', data: stages.map((s) => s.weighted_arr), backgroundColor: c.accent, borderRadius: 3, maxBarThickness: 44 },
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { color: c.text, maxRotation: 0, autoSkip: false, font: { size: narrow() ? 10 : 12 } } },
        y: { beginAtZero: true, title: { display: !narrow(), text: `ARR (${currency})` }, ticks: { callback: (v) => moneyCompact(v, currency) } },
      },
      plugins: {
        legend: legendBase(c),
        tooltip: {
          ...tooltipBase(c),
          callbacks: {
            label: (item) => ` ${item.dataset.label}: ${money(item.raw, currency)}`,
            footer: (items) => {
              const s = stages[items[0].dataIndex];
              return `${s.deals} ${s.deals === 1 ? 'deal' : 'deals'} · ${Math.round(s.probability * 100)}% probability`;
            },
          },
        },
      },
    },
  };
}
