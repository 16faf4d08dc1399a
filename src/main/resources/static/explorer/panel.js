// The profile panel: a node's facts, its ties grouped by instrument kind (or by relationship), and for every fact the
// passage it comes from.
import { run } from './api.js';
import { h, $, clear, LABEL_NAMES, humanKind, tlpBadge, nodeTitle } from './dom.js';
import { sourceList, namesOf } from './sources.js';

const TYPE_HEADINGS = { MEMBER_OF: 'Memberships', PART_OF: 'Part of', COOPERATES_WITH: 'Cooperates with',
  FUNDS: 'Funding', LANDS_IN: 'Cable landings', UNDER: 'Under', CONCERNS: 'Topics', PARTICIPATES_IN: 'Takes part in' };
const INBOUND_HEADINGS = { MEMBER_OF: 'Members', PART_OF: 'Parts', FUNDS: 'Funded by', LANDS_IN: 'Cables landing here',
  PARTY_TO: 'Parties', PARTICIPATES_IN: 'Participants', UNDER: 'Under it', CONCERNS: 'Concerned by it' };
const TIED_LABELS = ['INSTRUMENT', 'PROGRAMME', 'PROJECT', 'CABLE'];

function fmtDates(x) {
  if (x.start && x.end) return `${x.start} to ${x.end}`;
  if (x.start) return `since ${x.start}`;
  if (x.end) return `until ${x.end}`;
  return '';
}

function facts(n) {
  const rows = [['Type', LABEL_NAMES[n.label]]];
  if (n.kind) rows.push(['Kind', humanKind(n.kind)]);
  if (n.status) rows.push(['Status', humanKind(n.status)]);
  const d = fmtDates(n); if (d) rows.push(['Dates', d]);
  rows.push(['Confidence', n.confidence || 'high']);
  if (n.aliases && n.aliases.length) rows.push(['Also called', n.aliases.join(', ')]);
  return h('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    h('dt', {}, 'Marking'), h('dd', {}, tlpBadge(n.tlp)));
}

function groupKey(t) {
  if (TIED_LABELS.includes(t.other.label) && t.direction === 'OUT') {
    return t.other.kind ? humanKind(t.other.kind) : LABEL_NAMES[t.other.label];
  }
  return (t.direction === 'OUT' ? TYPE_HEADINGS : INBOUND_HEADINGS)[t.edge.type] || t.edge.type;
}

export async function showProfile(id, { onAdd, onSelect }) {
  const panel = $('panel-profile');
  clear(panel).append(h('p', { class: 'muted' }, 'Loading…'));
  const data = await run('x-explorer:profile', { id });
  clear(panel);
  const p = data.profile;
  if (!p) { panel.append(h('p', {}, 'This node does not exist, or you may not see it.')); return null; }
  const n = p.node;
  panel.append(h('h2', { id: 'profile-title' }, nodeTitle(n)), facts(n));
  if (n.description) panel.append(h('p', { class: 'desc' }, n.description));
  panel.append(h('h3', {}, 'Sources'), sourceList(n.sources, namesOf(n)));
  const groups = new Map();
  for (const t of p.ties) {
    const k = groupKey(t);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(t);
  }
  // a hub's ties are answered in part: say how many more there are (an exact count), never show part as the whole
  const total = p.ties.length + (p.omittedTies || 0);
  panel.append(h('h3', {}, `Ties (${total})`));
  if (p.truncated) {
    panel.append(h('p', { class: 'notice', id: 'ties-omitted' },
      `Showing the first ${p.ties.length} of ${total} ties: ${p.omittedTies} more not shown.` + (p.cut && p.message ? ' ' + p.message : '')));
  }
  const sorted = [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  for (const [k, ties] of sorted) {
    const section = h('section', { class: 'tie-group', 'aria-label': k }, h('h4', {}, `${k[0].toUpperCase()}${k.slice(1)} (${ties.length})`));
    const list = h('ul', { class: 'ties' });
    for (const t of ties) {
      const o = t.other;
      const others = t.counterparts.map((c) => c.node);
      const sentence = TIED_LABELS.includes(o.label) && t.direction === 'OUT'
        ? [others.length ? others.slice(0, 6).map((x) => x.acronym || x.name).join(', ') + (t.counterpartCount > 6 ? ` and ${t.counterpartCount - 6} more` : '') : null,
          o.name, n.acronym || n.name].filter(Boolean).join(' – ')
        : `${n.acronym || n.name} – ${t.edge.type.toLowerCase().replaceAll('_', ' ')}${t.edge.role ? ' (' + t.edge.role + ')' : ''} – ${o.name}`;
      const meta = [o.status ? humanKind(o.status) : null, t.edge.status ? 'tie ' + humanKind(t.edge.status) : null, fmtDates(t.edge) || fmtDates(o) || null, t.edge.confidence && t.edge.confidence !== 'high' ? 'confidence ' + t.edge.confidence : null].filter(Boolean).join(' · ');
      list.append(h('li', { class: 'tie', 'data-other': o.id },
        h('div', { class: 'tie-line' },
          h('button', { type: 'button', class: 'link', onclick: () => onSelect(o.id), 'aria-label': `Show ${o.name}` }, sentence),
          ' ', tlpBadge(t.edge.tlp),
          h('button', { type: 'button', class: 'small', onclick: () => onAdd(o.id), 'aria-label': `Add ${o.name} to the canvas` }, '+ canvas')),
        meta ? h('div', { class: 'muted' }, meta) : null,
        sourceList(t.edge.sources, namesOf(n, o, ...others))));
    }
    section.append(list);
    panel.append(section);
  }
  return n;
}
