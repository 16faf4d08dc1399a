// Turns the steps of the view into one GraphQL request (one alias a step) and folds the answers into the model the
// canvas draws: nodes, edges, the path highlighted, and the "+N more" left out by each expansion.
import { gql, NODE, EDGE, CITE } from './api.js';
import { state } from './state.js';

export const EXPAND_LIMIT = 25;

export const model = { nodes: new Map(), edges: new Map(), more: new Map(), pathIds: new Set(), paths: null, missing: 0 };

export function pathFilter(step) {
  const only = {};
  if (step.only && step.only.length) only.kinds = step.only;
  if (step.avoid && step.avoid.length) only.avoidKinds = step.avoid;
  return Object.keys(only).length ? only : null;
}

export const PATH_FIELDS = `found cut message from { id name } to { id name }
  paths { length nodes { ${NODE} } edges { ${EDGE} }
    steps { from { id name label } fromRole via { id name label kind } to { id name label } toRole
      edges { id type from to role tlp sources { ${CITE} } } } }`;

export async function rebuild() {
  const decl = ['$asOf: String'];
  const parts = [];
  const vars = { asOf: state.asOf || null };
  state.steps.forEach((s, i) => {
    if (s.op === 'add') {
      decl.push(`$v${i}: ID!`); vars['v' + i] = s.id;
      parts.push(`s${i}: node(id: $v${i}) { ${NODE} }`);
    } else if (s.op === 'expand') {
      decl.push(`$v${i}: ID!`, `$t${i}: [RelType!]`, `$l${i}: [Label!]`, `$m${i}: Int`);
      Object.assign(vars, { ['v' + i]: s.id, ['t' + i]: s.types && s.types.length ? s.types : null,
        ['l' + i]: s.labels && s.labels.length ? s.labels : null, ['m' + i]: s.limit || EXPAND_LIMIT });
      parts.push(`s${i}: neighbourhood(id: $v${i}, depth: 1, types: $t${i}, labels: $l${i}, limit: $m${i}, asOf: $asOf) {
        centre { id } nodes { ${NODE} } edges { ${EDGE} } omittedNodes omittedNodesExact }`);
    } else if (s.op === 'path') {
      decl.push(`$f${i}: ID!`, `$e${i}: ID!`, `$k${i}: Int`, `$o${i}: PathFilter`);
      Object.assign(vars, { ['f' + i]: s.from, ['e' + i]: s.to, ['k' + i]: s.k || 3, ['o' + i]: pathFilter(s) });
      parts.push(`s${i}: paths(from: $f${i}, to: $e${i}, k: $k${i}, only: $o${i}, asOf: $asOf) { ${PATH_FIELDS} }`);
    }
  });
  // a declared variable must be used: the date only where an expansion or a path asks for it
  if (!state.steps.some((s) => s.op === 'expand' || s.op === 'path')) { decl.shift(); delete vars.asOf; }
  const data = parts.length ? await gql(`query View(${decl.join(', ')}) { ${parts.join('\n')} }`, vars) : {};
  fold(data);
  return model;
}

function fold(data) {
  model.nodes = new Map(); model.edges = new Map(); model.more = new Map(); model.pathIds = new Set();
  model.paths = null; model.missing = 0;
  state.steps.forEach((s, i) => {
    const a = data['s' + i];
    if (s.op === 'remove') {
      model.nodes.delete(s.id);
      for (const [id, e] of model.edges) if (e.from === s.id || e.to === s.id) model.edges.delete(id);
      model.more.delete(s.id);
      return;
    }
    if (!a) { model.missing++; return; }
    if (s.op === 'add') model.nodes.set(a.id, a);
    else if (s.op === 'expand') {
      a.nodes.forEach((n) => model.nodes.set(n.id, n));
      a.edges.forEach((e) => model.edges.set(e.id, e));
      // a walk cut at its work bound counted only part of what is there: "N+ more", never a made-up exact N
      if (a.omittedNodes > 0 || a.omittedNodesExact === false) {
        model.more.set(s.id, { count: a.omittedNodes, exact: a.omittedNodesExact !== false, step: i });
      }
      else model.more.delete(s.id);
    } else if (s.op === 'path') {
      model.paths = { step: s, answer: a };
      model.pathIds = new Set();
      a.paths.forEach((p) => {
        p.nodes.forEach((n) => { model.nodes.set(n.id, n); model.pathIds.add(n.id); });
        p.edges.forEach((e) => { model.edges.set(e.id, e); model.pathIds.add(e.id); });
      });
    }
  });
  for (const [id, e] of model.edges) if (!model.nodes.has(e.from) || !model.nodes.has(e.to)) model.edges.delete(id);
}
