// Coverage: partners against instrument kinds, and the gap question as two pickers. Every answer can go onto the canvas.
import { run } from './api.js';
import { h, $, clear, humanKind } from './dom.js';

export const KINDS = ['trade-and-technology-council', 'digital-partnership', 'digital-dialogue', 'cyber-dialogue',
  'security-defence-partnership', 'free-trade-agreement', 'digital-trade-agreement', 'data-flow-rules',
  'programme-association', 'strategic-partnership', 'comprehensive-strategic-partnership', 'dcfta',
  'stabilisation-association-agreement', 'administrative-arrangement', 'alliance'];
export const MATRIX_KINDS = KINDS.slice(0, 8);


export function fillKindPickers() {
  for (const id of ['gap-has', 'gap-lacks']) {
    const sel = $(id);
    KINDS.forEach((k) => sel.append(h('option', { value: k }, humanKind(k))));
  }
  $('gap-has').value = 'digital-partnership';
  $('gap-lacks').value = 'cyber-dialogue';
}

export async function fillRegions() {
  const data = await run('x-explorer:regions');
  const sel = $('cov-region');
  data.actors.edges.forEach((e) => sel.append(h('option', { value: e.node.id }, e.node.name)));
}

export async function showCoverage(asOf, onAdd) {
  const actors = { labels: ['COUNTRY'] };
  if ($('cov-region').value) actors.memberOf = $('cov-region').value;
  if ($('cov-eu').value) actors.euStatus = [$('cov-eu').value];
  const out = clear($('coverage-result'));
  out.append(h('p', { class: 'muted' }, 'Loading…'));
  const data = await run('x-explorer:coverage', { actors, kinds: MATRIX_KINDS, asOf: asOf || null });
  const c = data.coverage;
  const rows = c.rows.filter((r) => r.covered > 0 || actors.memberOf);
  clear(out);
  if (!rows.length) { out.append(h('p', {}, 'No partner matches these filters.')); return; }
  const table = h('table', { class: 'matrix' },
    // cut: the work budget stopped the rows (the answer's own message says where); truncated alone: the limit did
    h('caption', {}, `Instruments by partner (${rows.length} partners${c.cut ? '' : c.truncated ? ', cut at the limit' : ''}${asOf ? ', as of ' + asOf : ''})`
      + (c.cut ? '. ' + (c.message || 'The work budget cut the rows: more partners match.') : '')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), c.kinds.map((k) => h('th', { scope: 'col' }, humanKind(k))))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => onAdd(r.actor.id) }, r.actor.name)),
      r.cells.map((cell) => h('td', {}, cell.instruments.length
        ? cell.instruments.map((i) => h('button', { type: 'button', class: 'chip', onclick: () => onAdd(i.instrument.id),
          'aria-label': `Add ${i.instrument.name} to the canvas` }, i.instrument.status ? humanKind(i.instrument.status) : 'yes'))
        : h('span', { class: 'gap', 'aria-label': 'none' }, '–')))))));
  out.append(h('div', { class: 'scroll' }, table));
}

export async function showGaps(asOf, onAdd) {
  const has = $('gap-has').value, lacks = $('gap-lacks').value;
  const out = clear($('gap-result'));
  const data = await run('x-explorer:gaps', { has: [has], lacks: [lacks], asOf: asOf || null });
  out.append(h('p', {}, `Partners with a ${humanKind(has)} and no ${humanKind(lacks)}: ${data.gaps.length}`));
  if (!data.gaps.length) return;
  out.append(h('ul', { class: 'gaps' }, data.gaps.map((g) => h('li', {},
    h('button', { type: 'button', class: 'link', onclick: () => onAdd(g.actor.id) }, g.actor.name),
    ' (', g.has.map((x) => x.instrument.name).join(', '), ')'))));
  out.append(h('button', { type: 'button', onclick: () => data.gaps.forEach((g) => onAdd(g.actor.id)) }, 'Add all to the canvas'));
}
