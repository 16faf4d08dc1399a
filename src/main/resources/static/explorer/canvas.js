// The drawing: Cytoscape.js with the fCoSE layout, nodes styled by label (shape and an Okabe-Ito colour, so the
// legend holds for colour-blind readers), every node and edge with its TLP marking in colour and in words.
import { h, $, clear, LABEL_NAMES, humanKind, tlpBadge } from './dom.js';

export const LABEL_STYLE = {
  UNION: { color: '#0072B2', shape: 'star' },
  COUNTRY: { color: '#56B4E9', shape: 'ellipse' },
  REGION: { color: '#009E73', shape: 'hexagon' },
  INSTITUTION: { color: '#CC79A7', shape: 'round-rectangle' },
  AGENCY: { color: '#D55E00', shape: 'diamond' },
  ORGANISATION: { color: '#E69F00', shape: 'rectangle' },
  COMMUNITY: { color: '#F0E442', shape: 'octagon' },
  INSTRUMENT: { color: '#BBBBBB', shape: 'tag' },
  PROGRAMME: { color: '#88CCEE', shape: 'barrel' },
  PROJECT: { color: '#44AA99', shape: 'pentagon' },
  CABLE: { color: '#332288', shape: 'vee' },
  TOPIC: { color: '#DDCC77', shape: 'round-octagon' },
  SOURCE: { color: '#888888', shape: 'rhomboid' },
};

const SHAPE_WORDS = { star: 'star', ellipse: 'circle', hexagon: 'hexagon', 'round-rectangle': 'rounded square',
  diamond: 'diamond', rectangle: 'square', octagon: 'octagon', tag: 'tag', barrel: 'barrel', pentagon: 'pentagon',
  vee: 'chevron', 'round-octagon': 'rounded octagon', rhomboid: 'rhomboid' };

export const TLP_COLOUR = { CLEAR: '#6b6b6b', GREEN: '#1f9e00', AMBER: '#FFC000', AMBER_STRICT: '#FFC000', RED: '#FF2B2B' };

let cy = null;
let onSelect = () => {};

export function tlpWord(tlp) { return 'TLP:' + String(tlp || 'CLEAR').replace('_', '+'); }

function short(name) { return name.length > 28 ? name.slice(0, 27) + '…' : name; }

export function initCanvas(container, select) {
  onSelect = select;
  if (window.cytoscapeFcose && window.cytoscape) window.cytoscape.use(window.cytoscapeFcose);
  cy = window.cytoscape({
    container,
    wheelSensitivity: 0.3,
    minZoom: 0.2, maxZoom: 3,
    style: [
      { selector: 'node', style: {
        label: 'data(display)', 'text-wrap': 'wrap', 'text-max-width': 140, 'font-size': 10, 'text-valign': 'bottom',
        'text-margin-y': 3, color: '#111', 'text-background-color': '#fff', 'text-background-opacity': 0.85,
        'text-background-padding': 1, 'background-color': 'data(color)', shape: 'data(shape)', width: 26, height: 26,
        'border-width': 3, 'border-color': 'data(tlpColour)' } },
      { selector: 'node[tlp != "CLEAR"]', style: { 'border-style': 'double', 'border-width': 5 } },
      { selector: 'node:selected', style: { 'overlay-color': '#000', 'overlay-opacity': 0.15, 'underlay-color': '#0072B2', 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
      { selector: 'edge', style: {
        width: 1.5, 'line-color': 'data(tlpColour)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
        'target-arrow-color': 'data(tlpColour)', 'arrow-scale': 0.7, label: 'data(display)', 'font-size': 8,
        'text-rotation': 'autorotate', color: '#333', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      { selector: 'edge[tlp != "CLEAR"]', style: { 'line-style': 'dashed', width: 2.5 } },
      { selector: 'edge.path', style: { width: 4, 'line-color': '#000', 'target-arrow-color': '#000', 'z-index': 10 } },
      { selector: 'node.path', style: { 'underlay-color': '#000', 'underlay-opacity': 0.25, 'underlay-padding': 5 } },
    ],
  });
  cy.on("tap", "node", (evt) => onSelect(evt.target.id()));
  window.explorerCy = cy;
  return cy;
}

export function getCy() { return cy; }

/** Draws the model: adds what is new, drops what is gone, lays out when anything was added. */
export function draw(model, selected, { relayout = false } = {}) {
  const wanted = new Set([...model.nodes.keys(), ...model.edges.keys()]);
  cy.batch(() => {
    cy.elements().forEach((el) => { if (!wanted.has(el.id())) el.remove(); });
    for (const n of model.nodes.values()) {
      const s = LABEL_STYLE[n.label] || LABEL_STYLE.SOURCE;
      const data = { id: n.id, display: short(n.acronym || n.name) + '\n' + tlpWord(n.tlp), color: s.color, shape: s.shape,
        tlp: n.tlp, tlpColour: TLP_COLOUR[n.tlp] || '#000', label: n.label };
      const el = cy.getElementById(n.id);
      if (el.nonempty()) el.data(data); else { cy.add({ group: 'nodes', data }); relayout = true; }
    }
    for (const e of model.edges.values()) {
      const data = { id: e.id, source: e.from, target: e.to, tlp: e.tlp, tlpColour: TLP_COLOUR[e.tlp] || '#000',
        display: e.tlp === 'CLEAR' ? '' : tlpWord(e.tlp) };
      const el = cy.getElementById(e.id);
      if (el.nonempty()) el.data(data); else { cy.add({ group: 'edges', data }); relayout = true; }
    }
    cy.elements().removeClass('path');
    model.pathIds.forEach((id) => cy.getElementById(id).addClass('path'));
    cy.nodes().unselect();
    if (selected && cy.getElementById(selected).nonempty()) cy.getElementById(selected).select();
  });
  if (relayout) layout();
  describe(model);
}

export function layout() {
  if (cy.nodes().length === 0) return;
  const name = window.cytoscapeFcose ? 'fcose' : 'cose';
  cy.layout({ name, animate: false, randomize: true, quality: 'default', nodeDimensionsIncludeLabels: true,
    idealEdgeLength: 90, nodeRepulsion: 6000, fit: true, padding: 30 }).run();
}

export function fit() { cy.fit(undefined, 30); }

/** What a screen reader gets: the canvas summed up in its label, and the list view's tables. */
function describe(model) {
  const n = model.nodes.size, m = model.edges.size;
  $('cy').setAttribute('aria-label', n === 0 ? 'Graph canvas: empty. The list view below reads it as text.'
    : `Graph canvas: ${n} node${n === 1 ? '' : 's'} and ${m} tie${m === 1 ? '' : 's'}. The list view below reads them as text.`);
  $('empty-hint').hidden = n > 0;
  const nodes = clear($('list-nodes'));
  const byId = model.nodes;
  [...model.nodes.values()].sort((a, b) => a.name.localeCompare(b.name)).forEach((node) => {
    nodes.append(h('tr', {},
      h('td', {}, h('button', { type: 'button', class: 'link', 'data-id': node.id, onclick: () => onSelect(node.id) }, node.name)),
      h('td', {}, LABEL_NAMES[node.label] + (node.kind ? ' · ' + humanKind(node.kind) : '')),
      h('td', {}, tlpBadge(node.tlp))));
  });
  const edges = clear($('list-edges'));
  for (const e of model.edges.values()) {
    edges.append(h('tr', {},
      h('td', {}, byId.get(e.from).name),
      h('td', {}, e.type.toLowerCase().replaceAll('_', ' ') + (e.role ? ` (${e.role})` : '')),
      h('td', {}, byId.get(e.to).name),
      h('td', {}, tlpBadge(e.tlp))));
  }
  legend(model);
}

function legend(model) {
  const el = clear($('legend'));
  const labels = [...new Set([...model.nodes.values()].map((n) => n.label))].sort();
  if (!labels.length) return;
  el.append(h('span', { class: 'legend-title' }, 'Legend:'));
  labels.forEach((l) => {
    const s = LABEL_STYLE[l] || LABEL_STYLE.SOURCE;
    el.append(h('span', { class: 'legend-item' },
      h('span', { class: 'swatch shape-' + s.shape, 'data-colour': s.color, 'aria-hidden': 'true' }),
      `${LABEL_NAMES[l]} (${SHAPE_WORDS[s.shape]})`));
  });
  el.append(h('span', { class: 'legend-item' }, 'Border and words: TLP marking; double border or dashed tie: not CLEAR'));
  // colours set through the CSSOM (allowed by the CSP, unlike style attributes in markup)
  el.querySelectorAll('.swatch').forEach((sw) => { sw.style.backgroundColor = sw.dataset.colour; });
}

export function png() {
  return cy.png({ full: true, bg: '#ffffff', scale: 2, output: 'blob' });
}
