// Light/dark theme: follows prefers-color-scheme until the user picks one with the toggle, which
// is remembered in localStorage. Emits `runrate:theme` so charts can recolor.

const KEY = 'runrate.theme';
const media = window.matchMedia('(prefers-color-scheme: dark)');

export function currentTheme() {
  const forced = document.documentElement.getAttribute('data-theme');
  if (forced === 'light' || forced === 'dark') return forced;
  return media.matches ? 'dark' : 'light';
}

function announce() {
  const btn = document.getElementById('theme-toggle');
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  if (btn) {
    btn.setAttribute('aria-label', `Switch to ${next} theme`);
    btn.title = `Switch to ${next} theme`;
  }
  window.dispatchEvent(new CustomEvent('runrate:theme', { detail: currentTheme() }));
}

export function initTheme() {
  document.getElementById('theme-toggle')?.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.setAttribute('data-theme', next);
    try { localStorage.setItem(KEY, next); } catch { /* ignore */ }
    announce();
  });
  media.addEventListener('change', () => {
    if (!document.documentElement.hasAttribute('data-theme')) announce();
  });
  announce();
}
