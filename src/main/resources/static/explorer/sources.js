// A fact's sources as the reader needs them: the document's title, the place in it, and the sentence itself.
import { h } from './dom.js';

export function sentences(text) {
  return text.split(/\n+/).flatMap((p) => p.trim().split(/(?<=[.!?]["”’)\]]?)\s+(?=[A-Z0-9“"•·])/)).map((s) => s.trim()).filter(Boolean);
}

function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

/** Names a sentence may use for a node: its name, acronym and aliases (and "EU" for the Union). */
export function namesOf(...nodes) {
  const names = new Set();
  for (const n of nodes) {
    if (!n) continue;
    [n.name, n.acronym, ...(n.aliases || [])].filter((x) => x && x.length >= 2).forEach((x) => names.add(x));
    if (n.id === 'union:eu') names.add('EU');
  }
  return [...names];
}

/** The sentences of a passage that name the fact: all of a footnote's; otherwise those naming the most of `names`. */
export function quote(passage, locator, names) {
  if (/footnote\s+\d+\s*$/i.test(locator)) return passage.split('\n');
  const all = sentences(passage);
  const scored = all.map((s) => ({ s, score: names.filter((n) => new RegExp('(^|[^\\p{L}])' + escapeRe(n) + '($|[^\\p{L}])', 'iu').test(s)).length }));
  const best = Math.max(0, ...scored.map((x) => x.score));
  if (best === 0) return all.slice(0, 1);
  return scored.filter((x) => x.score === best).slice(0, 3).map((x) => x.s);
}

export function sourceList(citations, names) {
  if (!citations || !citations.length) return h('p', { class: 'muted' }, 'No source given.');
  return h('ul', { class: 'sources' }, citations.map((c) => {
    const title = c.source ? c.source.name : c.sourceId;
    const quoted = c.passage ? quote(c.passage, c.locator, names) : null;
    return h('li', { class: 'source' },
      h('span', { class: 'doc' }, title), ' · ', h('span', { class: 'locator' }, c.locator),
      quoted ? h('blockquote', { class: 'passage' }, quoted.map((s) => h('p', {}, s))) : h('p', { class: 'muted' }, 'The passage is not available.'),
      c.passage ? h('details', { class: 'whole' }, h('summary', {}, 'Whole passage'), h('p', { class: 'whole-text' }, c.passage)) : null);
  }));
}
