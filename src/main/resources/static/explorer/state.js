// The whole view lives in one object, mirrored in the URL's fragment (never sent to the server, so never in its
// logs): the steps that built the canvas (add, expand, remove, path, query), the date, the selected node, the open
// tab, and the catalogue question open in its panel with its values (`cq`, `cv`). Opening a link replays the steps
// under the opener's own clearance.
export const state = { steps: [], asOf: '', selected: '', tab: 'profile', catalogue: null };

export function toHash() {
  const p = new URLSearchParams();
  if (state.steps.length) p.set('steps', JSON.stringify(state.steps));
  if (state.asOf) p.set('asOf', state.asOf);
  if (state.selected) p.set('sel', state.selected);
  if (state.tab && state.tab !== 'profile') p.set('tab', state.tab);
  if (state.catalogue) {
    p.set('cq', state.catalogue.id);
    if (Object.keys(state.catalogue.values || {}).length) p.set('cv', JSON.stringify(state.catalogue.values));
  }
  return '#' + p.toString();
}

export function fromHash(hash) {
  const p = new URLSearchParams((hash || '').replace(/^#/, ''));
  let steps = [];
  try { steps = JSON.parse(p.get('steps') || '[]'); } catch (e) { steps = []; }
  state.steps = Array.isArray(steps) ? steps.filter(validStep) : [];
  state.asOf = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(p.get('asOf') || '') ? p.get('asOf') : '';
  state.selected = p.get('sel') || '';
  state.tab = ['profile', 'paths', 'coverage', 'timeline', 'catalogue'].includes(p.get('tab')) ? p.get('tab') : 'profile';
  let values = {};
  try { values = JSON.parse(p.get('cv') || '{}'); } catch (e) { values = {}; }
  state.catalogue = p.get('cq') ? { id: p.get('cq'), values: values && typeof values === 'object' && !Array.isArray(values) ? values : {} } : null;
}

function validStep(s) {
  if (!s || typeof s !== 'object') return false;
  if (s.op === 'add' || s.op === 'remove') return typeof s.id === 'string';
  if (s.op === 'expand') return typeof s.id === 'string';
  if (s.op === 'path') return typeof s.from === 'string' && typeof s.to === 'string';
  if (s.op === 'query') return typeof s.doc === 'string' && (s.vars === undefined || (s.vars && typeof s.vars === 'object'));
  return false;
}

export function writeUrl() {
  const hash = toHash();
  if (location.hash !== hash) history.replaceState(null, '', location.pathname + location.search + hash);
}

export function shareUrl() {
  return location.origin + location.pathname + toHash();
}
