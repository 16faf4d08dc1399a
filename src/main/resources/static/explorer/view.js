// Turns the steps of the view into requests for the page's own trusted documents (queries/explorer/ on the server:
// one for the added nodes, one per expansion, the path, the catalogue question), asked side by side, and folds the
// answers into the model the canvas draws: nodes, edges, the path highlighted, and the "+N more" left out by each
// expansion. Fixed documents by id (not one document made up per view) are what lets the page run where only trusted
// documents do; each request also stays within the limit of expensive questions a request may ask.
import { run } from './api.js';
import { state } from './state.js';

export const EXPAND_LIMIT = 25;

export const model = { nodes: new Map(), edges: new Map(), more: new Map(), pathIds: new Set(), paths: null, missing: 0 };

export function pathFilter(step) {
  const only = {};
  if (step.only && step.only.length) only.kinds = step.only;
  if (step.avoid && step.avoid.length) only.avoidKinds = step.avoid;
  return Object.keys(only).length ? only : null;
}

export async function rebuild() {
  const asOf = state.asOf || null;
  const data = {};
  const asked = new Map();
  // the same question asked by two steps is asked once
  const ask = (documentId, variables) => {
    const key = documentId + JSON.stringify(variables);
    if (!asked.has(key)) asked.set(key, run(documentId, variables));
    return asked.get(key);
  };
  const adds = [...new Set(state.steps.filter((s) => s.op === 'add').map((s) => s.id))];
  const found = new Map();
  const work = [];
  for (let i = 0; i < adds.length; i += 100) {
    work.push(ask('x-explorer:nodes', { ids: adds.slice(i, i + 100) })
      .then((d) => d.nodes.forEach((n) => { if (n) found.set(n.id, n); })));
  }
  state.steps.forEach((s, i) => {
    if (s.op === 'expand') {
      work.push(ask('x-explorer:expand', { id: s.id, types: s.types && s.types.length ? s.types : null,
        labels: s.labels && s.labels.length ? s.labels : null, limit: s.limit || EXPAND_LIMIT, asOf })
        .then((d) => { data['s' + i] = d.neighbourhood; }));
    } else if (s.op === 'path') {
      work.push(ask('x-explorer:paths', { from: s.from, to: s.to, k: s.k || 3, only: pathFilter(s), asOf })
        .then((d) => { data['s' + i] = d.paths; }));
    } else if (s.op === 'query') {
      // a catalogue question the opener of a link may not see (or that is gone) is a part not shown, not a failure
      work.push(ask(s.doc, s.vars || {}).then((d) => { data['s' + i] = graphOf(d); })
        .catch((e) => { if (e.kind !== 'PersistedQueryNotFound') throw e; }));
    }
  });
  await Promise.all(work);
  state.steps.forEach((s, i) => { if (s.op === 'add') data['s' + i] = found.get(s.id) || null; });
  fold(data);
  return model;
}

/**
 * The graph an answer holds: every object with an id, a label and a name is a node; every object with an id, a type,
 * a from and a to is a tie. An answer is graph-shaped when at least one of its ties joins two of its nodes.
 */
export function graphOf(answer) {
  const nodes = new Map(), edges = new Map();
  (function walk(x) {
    if (Array.isArray(x)) { x.forEach(walk); return; }
    if (!x || typeof x !== 'object') return;
    if (typeof x.id === 'string' && typeof x.label === 'string' && typeof x.name === 'string') {
      nodes.set(x.id, { ...(nodes.get(x.id) || {}), ...x });
    } else if (typeof x.id === 'string' && typeof x.type === 'string' && typeof x.from === 'string' && typeof x.to === 'string') {
      edges.set(x.id, { ...(edges.get(x.id) || {}), ...x });
    }
    Object.values(x).forEach(walk);
  })(answer);
  const drawn = [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to));
  return { nodes: [...nodes.values()], edges: drawn, graph: drawn.length > 0 };
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
    } else if (s.op === 'query') {
      a.nodes.forEach((n) => model.nodes.set(n.id, { ...(model.nodes.get(n.id) || {}), ...n }));
      a.edges.forEach((e) => model.edges.set(e.id, e));
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
