// A search box that suggests as one types (names, acronyms, aliases; kind and label shown), driven by keyboard
// (up, down, Enter, Escape) or pointer: the ARIA 1.2 combobox pattern.
import { run } from './api.js';
import { h, clear, LABEL_NAMES, humanKind, nodeTitle } from './dom.js';

export function combobox(input, list, onChoose, { labels = null, onError = () => {} } = {}) {
  let hits = [];
  let active = -1;
  let seq = 0;
  let timer = null;

  function close() {
    list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1;
  }
  function render() {
    clear(list);
    hits.forEach((n, i) => {
      const li = h('li', { id: `${list.id}-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false', 'data-id': n.id,
        class: i === active ? 'active' : '' },
        h('span', { class: 'opt-name' }, nodeTitle(n)),
        h('span', { class: 'opt-kind' }, LABEL_NAMES[n.label] + (n.kind ? ' · ' + humanKind(n.kind) : '')));
      li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(i); });
      list.append(li);
    });
    if (!hits.length && input.value.trim()) list.append(h('li', { role: 'option', 'aria-disabled': 'true', class: 'none' }, 'Nothing found'));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }
  function choose(i) {
    const n = hits[i];
    if (!n) return;
    input.value = n.name;
    input.dataset.id = n.id;
    close();
    onChoose(n);
  }
  async function ask() {
    const text = input.value.trim();
    delete input.dataset.id;
    if (!text) { hits = []; close(); return; }
    const mine = ++seq;
    try {
      const data = await run('x-explorer:search', { text, labels });
      if (mine !== seq) return;
      hits = data.search.map((x) => x.node);
      active = hits.length ? 0 : -1;
      render();
      list.dataset.for = text; // which text the suggestions answer (tests wait for the last one)
    } catch (e) { onError(e); }
  }
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(ask, 120); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) { ask(); return; } active = Math.min(hits.length - 1, active + 1); render(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); active = Math.max(0, active - 1); render(); }
    else if (e.key === 'Enter') { if (!list.hidden && active >= 0) { e.preventDefault(); choose(active); } }
    else if (e.key === 'Escape') { close(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
