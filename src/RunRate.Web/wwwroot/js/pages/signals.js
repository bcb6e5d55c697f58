// Signals (/api/signals): accounts at risk of churning and accounts ripe for an upsell or a
// cross-sell, each with its score, level and every reason behind it (text and points) in plain view.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { emptyState } from '../ui/states.js';
import { createLoader, settle, card, pageHead } from './common.js';
import { accountLink } from './crm-common.js';

const TABS = [
  { key: 'churn', label: 'Churn risk', kinds: ['churn_risk'], lead: 'Accounts most likely to leave or shrink, highest score first.' },
  { key: 'growth', label: 'Upsell & cross-sell', kinds: ['upsell', 'cross_sell'], lead: 'Accounts most likely to buy more (upsell) or another product (cross-sell).' },
];
const PAGE = 50;
const LEVELS = { high: ['high'], medium: ['high', 'medium'] };
const KIND_LABELS = { churn_risk: 'Churn risk', upsell: 'Upsell', cross_sell: 'Cross-sell' };
const LEVEL_LABELS = { high: 'High', medium: 'Medium', low: 'Low' };

function signalRow(s, cur, i) {
  const reasons = s.reasons || [];
  return h('li', { class: `signal kind-${s.kind} level-${s.level}`, 'data-testid': `signal-${s.customer_id}-${s.kind}`, 'data-customer-id': s.customer_id, 'data-score': s.score },
    h('div', { class: 'signal-head' },
      h('span', { class: 'signal-rank muted', 'aria-hidden': 'true' }, String(i + 1)),
      h('div', { class: 'signal-who' },
        h('h3', { class: 'signal-name' }, accountLink(s.customer_id, s.name)),
        h('p', { class: 'small muted' }, h('span', { class: 'mono' }, s.customer_id), ' · ', KIND_LABELS[s.kind] || s.kind, ' · ',
          h('span', { 'data-value': fmt.moneyValue(s.arr) }, `${fmt.money(s.arr, cur)} ARR`),
          s.segment ? ` · ${s.segment}` : '', s.owner ? ` · ${s.owner}` : '')),
      h('div', { class: 'signal-score' },
        h('span', { class: 'score-figure', 'aria-label': `Score ${s.score} out of 100` }, String(s.score)),
        h('span', { class: `badge level-badge level-${s.level}` }, LEVEL_LABELS[s.level] || s.level),
        h('span', { class: 'score-meter', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.max(0, Math.min(100, s.score))}%` })))),
    h('ul', { class: 'reasons', 'aria-label': `Why ${s.name || s.customer_id} scores ${s.score}`, 'data-testid': 'signal-reasons' },
      reasons.length
        ? reasons.map((r) => h('li', { class: 'reason', 'data-code': r.code },
          h('span', { class: 'reason-points', 'data-value': r.points }, `${r.points > 0 ? '+' : ''}${fmt.num(r.points)}`),
          h('span', { class: 'reason-text' }, r.text)))
        : h('li', { class: 'reason muted' }, 'No reason given')));
}

export default {
  title: 'Signals',
  filterMode: 'currency',
  filterScopes: false,
  create(root, app) {
    let data = null;
    let lastQuery = null;
    const subtitle = h('p', { class: 'page-sub', 'data-testid': 'signals-as-of' }, '\u00a0');
    const tabs = TABS.map((t) => h('button', { type: 'button', role: 'tab', id: `tab-${t.key}`, class: 'tab', 'aria-controls': 'signals-panel',
      'data-testid': `signals-tab-${t.key}`, onclick: () => url.update({ tab: t.key === 'churn' ? null : t.key }, { replace: true }) }, t.label));
    const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Kind of signal' }, tabs);
    tablist.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(document.activeElement);
      if (i < 0 || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
      e.preventDefault();
      const n = e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length;
      tabs[n].focus();
      tabs[n].click();
    });
    const level = h('select', { id: 'signals-level', class: 'input', 'data-testid': 'signals-level',
      onchange: () => url.update({ level: level.value || null }, { replace: true }) },
    h('option', { value: '' }, 'Every level'), h('option', { value: 'medium' }, 'Medium and high'), h('option', { value: 'high' }, 'High only'));
    const toolbar = h('div', { class: 'toolbar' },
      h('div', { class: 'field field-inline' }, h('label', { for: 'signals-level', class: 'field-label' }, 'Level'), level));
    const list = card({ title: 'Churn risk', testid: 'signals-card' });
    list.el.id = 'signals-panel';
    list.el.setAttribute('role', 'tabpanel');
    root.append(pageHead('Signals', subtitle), tablist, toolbar, list.el);
    let shown = PAGE;
    let shownFor = '';
    const loader = createLoader(app, root);

    const render = () => {
      const p = url.current();
      const key = p.get('tab') === 'growth' ? 'growth' : 'churn';
      const levels = LEVELS[p.get('level')] || null;
      level.value = levels ? p.get('level') : '';
      if (shownFor !== `${key}|${p.get('level')}`) { shownFor = `${key}|${p.get('level')}`; shown = PAGE; }
      const tab = TABS.find((t) => t.key === key);
      const cur = data.currency;
      const count = (t) => data.signals.filter((s) => t.kinds.includes(s.kind) && (!levels || levels.includes(s.level))).length;
      tabs.forEach((b, i) => {
        const on = TABS[i].key === key;
        b.setAttribute('aria-selected', String(on));
        b.tabIndex = on ? 0 : -1;
        replace(b, TABS[i].label, h('span', { class: 'tab-count' }, fmt.int(count(TABS[i]))));
      });
      list.el.setAttribute('aria-labelledby', `tab-${key}`);
      list.el.querySelector('.card-title').textContent = tab.label;
      list.subtitle(`${tab.lead} Every score is the sum of the points of its reasons (0 to 100).`);
      const rows = data.signals.filter((s) => tab.kinds.includes(s.kind) && (!levels || levels.includes(s.level)))
        .sort((a, b) => b.score - a.score || (b.arr || 0) - (a.arr || 0));
      if (!rows.length) {
        list.show(emptyState('No signals', levels ? 'No account reaches this level.' : key === 'churn' ? 'No account shows a sign of churning.' : 'No account shows a sign of buying more.'));
        return;
      }
      const more = rows.length - shown;
      list.show(h('ol', { class: 'signal-list', 'data-testid': 'signals-list' }, rows.slice(0, shown).map((s, i) => signalRow(s, cur, i))),
        more > 0 ? h('div', { class: 'table-more' },
          h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'signals-more', onclick: () => { shown += PAGE; render(); } },
            `Show ${fmt.int(Math.min(PAGE, more))} more`),
          h('span', { class: 'muted small' }, `Showing ${fmt.int(shown)} of ${fmt.int(rows.length)}`)) : null);
    };

    const load = (ctx, opts) => {
      const q = url.pick(ctx.params, ['currency', 'as_of']);
      if (data && !opts.background && q.toString() === lastQuery) { // only the tab changed
        render();
        return undefined;
      }
      return loader.run((signal) => settle({ res: api.get('/api/signals', q, { signal }) }), ({ res }) => {
        if (res.status !== 'fulfilled') {
          lastQuery = null;
          list.error(res.reason, () => load({ params: url.current() }, { background: false }));
          return;
        }
        data = res.value;
        lastQuery = q.toString();
        replace(subtitle, h('strong', null, `As of ${fmt.date(String(data.as_of).slice(0, 10))}`), ` · ${data.currency} · ${fmt.int(data.signals.length)} signals`);
        render();
      }, opts);
    };
    return { load, destroy: () => loader.abort() };
  },
};
