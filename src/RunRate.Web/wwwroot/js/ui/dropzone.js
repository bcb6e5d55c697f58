// A file drop zone: a labelled file input (keyboard and screen readers use it as is) inside a zone
// that also takes files dragged onto it, plus the chosen files as removable chips. Files are added
// to the selection; a file with the same name as a chosen one replaces it.
import { h, replace, nextId } from '../dom.js';
import * as fmt from '../format.js';

const size = (bytes) => (bytes < 1024 ? `${fmt.int(bytes)} B` : bytes < 1048576 ? `${fmt.int(Math.ceil(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

/**
 * dropzone({ testid, label, hint, accept, onChange(files) }) → { el, files(), clear() }.
 * `testid` names the zone (`testid`), its input (`testid-input`), chips (`testid-file`) and Clear.
 */
export function dropzone({ testid, label, hint, accept = null, onChange = () => {} }) {
  const id = nextId('drop');
  let chosen = [];
  const input = h('input', { type: 'file', id, class: 'dz-input', multiple: true, accept, 'data-testid': `${testid}-input`, 'aria-describedby': `${id}-hint` });
  const list = h('ul', { class: 'chip-list dz-files', 'aria-label': 'Chosen files', 'data-testid': `${testid}-files` });
  const clearBtn = h('button', { type: 'button', class: 'btn btn-ghost btn-xs', 'data-testid': `${testid}-clear`, hidden: true, onclick: () => set([]) }, 'Clear');
  const zone = h('div', { class: 'dropzone', 'data-testid': testid },
    input,
    h('label', { for: id, class: 'dz-label' },
      h('svg:svg', { viewBox: '0 0 24 24', class: 'dz-icon', 'aria-hidden': 'true' },
        h('svg:path', { d: 'M12 16V4m0 0l-4.5 4.5M12 4l4.5 4.5M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })),
      h('span', { class: 'dz-title' }, label),
      h('span', { class: 'dz-hint', id: `${id}-hint` }, hint)));

  function set(files) {
    chosen = files;
    replace(list, chosen.map((f) => h('li', { class: 'chip dz-file', 'data-testid': `${testid}-file`, 'data-name': f.name },
      h('span', { class: 'dz-name' }, f.name), h('span', { class: 'muted small' }, size(f.size)),
      h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove ${f.name}`, onclick: () => set(chosen.filter((x) => x !== f)) }, '×'))));
    list.hidden = !chosen.length;
    clearBtn.hidden = !chosen.length;
    onChange(chosen);
  }

  function add(files) {
    const incoming = [...files];
    if (!incoming.length) return;
    const names = new Set(incoming.map((f) => f.name));
    set([...chosen.filter((f) => !names.has(f.name)), ...incoming]);
  }

  input.addEventListener('change', () => {
    add(input.files);
    input.value = ''; // choosing the same file again still fires change
  });
  let depth = 0; // dragenter/leave fire for every child crossed
  zone.addEventListener('dragenter', (e) => { e.preventDefault(); depth++; zone.classList.add('is-over'); });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; });
  zone.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; zone.classList.remove('is-over'); } });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    zone.classList.remove('is-over');
    add(e.dataTransfer?.files || []);
  });

  set([]);
  return {
    el: h('div', { class: 'dz' }, zone, h('div', { class: 'dz-chosen' }, list, clearBtn)),
    files: () => chosen,
    clear: () => set([]),
  };
}
