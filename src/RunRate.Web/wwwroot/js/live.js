// Live updates: an EventSource on /api/events. A `ledger` event means the ledger changed; the
// current page refetches its data in the background (coalescing bursts) well within a second.
import { h, replace } from './dom.js';

const LABELS = { connecting: 'Connecting', live: 'Live', offline: 'Offline', unsupported: 'Static' };

export function initLive(onLedgerChange) {
  const el = document.getElementById('live');
  let revision = null;
  let lastAt = null;
  let timer = null;
  let flashTimer = null;

  const render = (state) => {
    el.dataset.state = state;
    replace(el, h('span', { class: 'live-dot', 'aria-hidden': 'true' }), h('span', { class: 'live-label' }, LABELS[state]));
    const parts = {
      connecting: 'Connecting to live updates…',
      live: 'Live: figures refresh by themselves when the ledger changes.',
      offline: 'Live updates are interrupted; reconnecting automatically. Figures may be out of date.',
      unsupported: 'This browser cannot receive live updates; reload to refresh.',
    };
    let tip = parts[state];
    if (lastAt) tip += ` Last change: revision ${revision} at ${lastAt.toLocaleTimeString()}.`;
    el.title = tip;
    el.setAttribute('aria-label', tip);
  };

  if (!('EventSource' in window)) return render('unsupported');
  render('connecting');

  let source = null;
  let wasOffline = false;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => onLedgerChange(revision), 150);
  };

  const connect = () => {
    source = new EventSource('/api/events');
    source.addEventListener('open', () => {
      render('live');
      // Changes may have happened while we were away: catch up once.
      if (wasOffline) schedule();
      wasOffline = false;
    });
    source.addEventListener('error', () => {
      wasOffline = true;
      render('offline');
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. the server answered an error): retry ourselves.
        setTimeout(connect, 5000);
      }
    });
    source.addEventListener('ledger', (ev) => {
      try { revision = JSON.parse(ev.data).revision ?? revision; } catch { /* keep the last one */ }
      lastAt = new Date();
      render('live');
      el.classList.remove('flash');
      void el.offsetWidth; // restart the animation
      el.classList.add('flash');
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => el.classList.remove('flash'), 1200);
      // Coalesce bursts (an import can send several events) but stay well under a second.
      schedule();
    });
  };
  connect();
  window.addEventListener('pagehide', () => source && source.close());
}
