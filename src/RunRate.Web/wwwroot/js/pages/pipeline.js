// Pipeline board (/api/pipeline): one column per stage with count, ARR and weighted ARR; deal cards
// move by drag and drop (HTML5) or by the "Move to" select on each card (keyboard and touch).
// Lost asks for the reason; Won offers the deal's proposed revenue lines.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { toast } from '../ui/toast.js';
import { emptyState } from '../ui/states.js';
import { createLoader, settle, card, pageHead } from './common.js';
import { accountLink, dealKindBadge, sumMoney, relativeDays } from './crm-common.js';
import { createDealDialogs } from './deal-dialogs.js';
import { createWonDialog } from './won-dialog.js';

/** Cards a column shows before “Show all” (open: closing soonest; won and lost: latest). */
const COLUMN_SHOWN = 10;

/** A stage's figures: the server's, or (when the owner filter had to be applied here) summed from its cards. */
function stageFigures(stage, deals, cur, serverFiltered) {
  if (serverFiltered) return { count: stage.deals, arr: stage.arr, weighted: stage.weighted_arr };
  const exact = deals.every((d) => d.currency === cur);
  return {
    count: deals.length,
    arr: exact ? sumMoney(deals.map((d) => d.arr)) : null,
    weighted: exact ? sumMoney(deals.map((d) => d.weighted_arr)) : null,
  };
}

export default {
  title: 'Pipeline',
  filterMode: 'currency',
  filterScopes: false,
  create(root, app) {
    let data = null;
    const expanded = new Set(); // columns showing every card
    const pinned = new Set(); // deals created or moved here: always on screen, wherever they sort
    const knownOwners = new Set();
    let highlighted = null; // the ?deal= card already brought into view
    const subtitle = h('p', { class: 'page-sub', 'data-testid': 'pipeline-summary' }, '\u00a0');
    const newBtn = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'new-deal', onclick: () => dialogs.newDeal() }, '+ New deal');
    const owner = h('select', { id: 'pipeline-owner', class: 'input', 'data-testid': 'pipeline-owner',
      onchange: () => url.update({ owner: owner.value || null }) });
    const toolbar = h('div', { class: 'toolbar' },
      h('div', { class: 'field field-inline' }, h('label', { for: 'pipeline-owner', class: 'field-label' }, 'Owner'), owner),
      h('p', { class: 'toolbar-count muted small', id: 'board-help' }, 'Drag a card to another column, or use its “Move to” list.'));
    const boardCard = card({ title: 'Deals by stage', testid: 'pipeline-card', className: 'board-card' });
    root.append(pageHead('Pipeline', subtitle, newBtn), toolbar, boardCard.el);
    const loader = createLoader(app, root);
    const reload = () => load({ params: url.current() }, { background: true });

    const won = createWonDialog({ onDone: (msg) => { if (msg) toast(msg, { kind: 'success' }); reload(); } });
    const dialogs = createDealDialogs({
      meta: () => app.meta,
      owners: () => [...knownOwners].sort(),
      stages: () => data?.stages || [],
      onSaved: (msg, deal) => {
        if (deal?.deal_id) pinned.add(deal.deal_id);
        toast(msg, { kind: 'success' });
        reload();
      },
    });

    async function moveDeal(deal, key) {
      const stage = data.stages.find((s) => s.key === key);
      if (!stage || deal.stage === key) return;
      pinned.add(deal.deal_id);
      if (stage.outcome === 'lost') {
        dialogs.lost(deal, stage);
        return;
      }
      const cardEl = root.querySelector(`[data-deal-id="${CSS.escape(deal.deal_id)}"]`);
      const target = root.querySelector(`[data-stage-list="${CSS.escape(key)}"]`);
      if (cardEl && target) { target.prepend(cardEl); cardEl.classList.add('is-moving'); } // answer the gesture at once
      try {
        const moved = await api.send('POST', `/api/deals/${encodeURIComponent(deal.deal_id)}/stage`, { stage: key });
        toast(`“${deal.title}” moved to ${stage.name}`, { kind: 'success' });
        if (stage.outcome === 'won') won.open(moved || { ...deal, stage: key });
      } catch (err) {
        toast(`Could not move “${deal.title}”`, { kind: 'error', detail: err.detail || Object.values(err.errors || {}).flat()[0] || err.title });
      }
      reload();
    }

    const dealCard = (d, stages) => {
      const today = fmt.todayIso();
      const overdue = d.outcome === 'open' && d.expected_close < today;
      const selId = `move-${d.deal_id}`;
      const needsLines = d.outcome === 'won' && !(d.line_ids || []).length;
      return h('li', { class: `deal-card outcome-${d.outcome}`, draggable: 'true', 'data-deal-id': d.deal_id, 'data-testid': `deal-card-${d.deal_id}`,
        ondragstart: (e) => {
          e.dataTransfer.setData('text/plain', d.deal_id);
          e.dataTransfer.effectAllowed = 'move';
          e.currentTarget.classList.add('is-dragging');
        },
        ondragend: (e) => e.currentTarget.classList.remove('is-dragging') },
      h('h3', { class: 'deal-title' }, d.title),
      h('p', { class: 'deal-account' }, accountLink(d.account_id, d.account_name)),
      h('p', { class: 'deal-arr', 'data-value': fmt.moneyValue(d.arr) }, fmt.money(d.arr, d.currency), h('span', { class: 'muted small' }, ' ARR')),
      h('p', { class: 'deal-meta' }, dealKindBadge(d.kind), ' ',
        h('span', { class: 'deal-owner' }, d.owner || h('span', { class: 'muted' }, 'Unassigned'))),
      h('p', { class: `deal-close small${overdue ? ' neg' : ' muted'}` },
        d.outcome === 'open'
          ? ['Expected ', h('time', { datetime: d.expected_close }, fmt.date(d.expected_close)), overdue ? ` (${relativeDays(d.expected_close, today)})` : '']
          : [d.outcome === 'won' ? 'Won ' : 'Lost ', h('time', { datetime: d.closed_on || '' }, fmt.date(d.closed_on))]),
      d.outcome === 'lost' && d.lost_reason ? h('p', { class: 'deal-reason small', 'data-testid': `lost-reason-${d.deal_id}` }, `“${d.lost_reason}”`) : null,
      needsLines ? h('button', { type: 'button', class: 'btn btn-secondary btn-xs', 'data-testid': `create-lines-${d.deal_id}`,
        onclick: () => won.open(d) }, 'Create lines') : null,
      h('div', { class: 'deal-move' },
        h('label', { for: selId, class: 'sr-only' }, `Move “${d.title}” to another stage`),
        h('select', { id: selId, class: 'input input-sm', 'data-testid': `move-${d.deal_id}`,
          onchange: (e) => { const key = e.target.value; e.target.value = ''; if (key) moveDeal(d, key); } },
        h('option', { value: '', selected: true }, 'Move to…'),
        stages.filter((s) => s.key !== d.stage).map((s) => h('option', { value: s.key }, s.name)))));
    };

    const column = (s, deals, cur, serverFiltered) => {
      const f = stageFigures(s, deals, cur, serverFiltered);
      const closed = s.outcome !== 'open';
      const sorted = [...deals].sort(closed
        ? (a, b) => (b.closed_on || '').localeCompare(a.closed_on || '')
        : (a, b) => a.expected_close.localeCompare(b.expected_close));
      const shown = expanded.has(s.key) ? sorted
        : [...sorted.slice(0, COLUMN_SHOWN), ...sorted.slice(COLUMN_SHOWN).filter((d) => pinned.has(d.deal_id))];
      const list = h('ol', { class: 'board-list', 'data-stage-list': s.key, 'aria-label': `${s.name} deals` },
        shown.map((d) => dealCard(d, data.stages)));
      const headId = `stage-head-${s.key}`;
      const col = h('section', { class: `board-col outcome-${s.outcome}`, 'data-testid': `stage-${s.key}`, 'data-stage': s.key,
        'aria-labelledby': headId, 'data-count': String(f.count), 'data-arr': fmt.moneyValue(f.arr), 'data-weighted': fmt.moneyValue(f.weighted) },
      h('header', { class: 'board-head' },
        h('h2', { id: headId, class: 'board-title' }, s.name, h('span', { class: 'board-count', 'aria-label': `${f.count} deals` }, fmt.int(f.count)),
          h('span', { class: 'chip small', title: 'Win probability that weights this stage' }, fmt.pct(s.probability, 0))),
        h('dl', { class: 'board-figures' },
          h('div', null, h('dt', null, 'ARR'), h('dd', { 'data-testid': `stage-arr-${s.key}` }, fmt.figure(f.arr, (v) => fmt.money(v, cur), 'mixed'))),
          h('div', null, h('dt', null, 'Weighted'), h('dd', { 'data-testid': `stage-weighted-${s.key}` }, fmt.figure(f.weighted, (v) => fmt.money(v, cur), 'mixed'))))),
      list,
      !deals.length ? h('p', { class: 'board-empty muted small' }, 'No deals') : null,
      sorted.length > COLUMN_SHOWN ? h('button', { type: 'button', class: 'link-btn board-more', 'aria-expanded': String(expanded.has(s.key)),
        onclick: () => { if (expanded.has(s.key)) expanded.delete(s.key); else expanded.add(s.key); renderBoard(); } },
      expanded.has(s.key) ? `Show the first ${COLUMN_SHOWN}` : `Show all ${fmt.int(sorted.length)}`) : null);
      col.addEventListener('dragover', (e) => {
        if (![...e.dataTransfer.types].includes('text/plain')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        col.classList.add('is-over');
      });
      col.addEventListener('dragleave', (e) => { if (!col.contains(e.relatedTarget)) col.classList.remove('is-over'); });
      col.addEventListener('drop', (e) => {
        e.preventDefault();
        col.classList.remove('is-over');
        const deal = data.deals.find((d) => d.deal_id === e.dataTransfer.getData('text/plain'));
        if (deal) moveDeal(deal, s.key);
      });
      return col;
    };

    function renderBoard() {
      const p = url.current();
      const wanted = p.getAll('owner');
      const cur = data.currency;
      const serverFiltered = !wanted.length || data.deals.every((d) => wanted.includes(d.owner));
      const deals = wanted.length ? data.deals.filter((d) => wanted.includes(d.owner)) : data.deals;
      const open = data.stages.filter((s) => s.outcome === 'open');
      const figs = open.map((s) => stageFigures(s, deals.filter((d) => d.stage === s.key), cur, serverFiltered));
      const nOpen = figs.reduce((n, f) => n + f.count, 0);
      const total = (k) => (figs.some((f) => f[k] == null) ? null : sumMoney(figs.map((f) => f[k])));
      replace(subtitle, h('strong', null, `${fmt.int(nOpen)} open ${nOpen === 1 ? 'deal' : 'deals'}`),
        ` · ${fmt.money(total('arr'), cur)} ARR · ${fmt.money(total('weighted'), cur)} weighted · ${cur}`, wanted.length ? ` · ${wanted.join(', ')}` : '');
      boardCard.subtitle(`Column figures in ${cur} at today’s rates; cards in the deal’s own currency.`);
      const old = boardCard.body.querySelector('.board');
      const scroll = old ? old.scrollLeft : 0;
      const board = h('div', { class: 'board', role: 'region', tabindex: '0', 'aria-label': 'Pipeline board, scrollable', 'aria-describedby': 'board-help', 'data-testid': 'board' },
        data.stages.map((s) => column(s, deals.filter((d) => d.stage === s.key), cur, serverFiltered)));
      boardCard.show(deals.length ? null : emptyState('No deals yet', wanted.length ? 'This owner has no deals.' : 'Create the first one with “New deal”.'), board);
      board.scrollLeft = scroll;
      const focus = p.get('deal');
      const el = focus && board.querySelector(`[data-deal-id="${CSS.escape(focus)}"]`);
      if (el) el.classList.add('is-highlighted');
      if (focus && focus !== highlighted) { // arriving from an account page: bring that deal into view once
        const d = data.deals.find((x) => x.deal_id === focus);
        if (!el && d && !expanded.has(d.stage)) { expanded.add(d.stage); renderBoard(); return; }
        highlighted = focus;
        el?.scrollIntoView({ block: 'center', inline: 'center' });
      }
    }

    const renderOwners = (p) => {
      const wanted = p.getAll('owner');
      for (const o of [...(app.meta?.owners || []), ...data.deals.map((d) => d.owner), ...wanted]) if (o) knownOwners.add(o);
      replace(owner, h('option', { value: '' }, 'All owners'),
        [...knownOwners].sort((a, b) => a.localeCompare(b)).map((o) => h('option', { value: o, selected: wanted[0] === o }, o)));
      owner.value = wanted[0] || '';
    };

    const load = (ctx, opts) => {
      const p = ctx.params;
      const q = url.pick(p, ['currency', 'owner']);
      return loader.run((signal) => settle({ res: api.get('/api/pipeline', q, { signal }) }), ({ res }) => {
        if (res.status !== 'fulfilled') {
          boardCard.error(res.reason, () => load({ params: url.current() }, { background: false }));
          return;
        }
        data = res.value;
        renderOwners(p);
        renderBoard();
      }, opts);
    };
    return { load, destroy: () => { loader.abort(); dialogs.destroy(); won.destroy(); } };
  },
};
