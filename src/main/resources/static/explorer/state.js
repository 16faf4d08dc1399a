// The whole view lives in one object, mirrored in the URL's fragment (never sent to the server, so never in its
// logs): the steps that built the canvas (add, expand, remove, path), the date, the selected node and the open tab.
// Opening a link replays the steps under the opener's own clearance.
export const state = { steps: [], asOf: '', selected: '', tab: 'profile' };

export function toHash() {
  const p = new URLSearchParams();
  if (state.steps.length) p.set('steps', JSON.stringify(state.steps));
  if (state.asOf) p.set('asOf', state.asOf);
  if (state.selected) p.set('sel', state.selected);
  if (state.tab && state.tab !== 'profile') p.set('tab', state.tab);
  return '#' + p.toString();
}

export function fromHash(hash) {
  const p = new URLSearchParams((hash || '').replace(/^#/, ''));
  let steps = [];
  try { steps = JSON.parse(p.get('steps') || '[]'); } catch (e) { steps = []; }
  state.steps = Array.isArray(steps) ? steps.filter(validStep) : [];
  state.asOf = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(p.get('asOf') || '') ? p.get('asOf') : '';
  state.selected = p.get('sel') || '';
  state.tab = ['profile', 'paths', 'coverage', 'timeline'].includes(p.get('tab')) ? p.get('tab') : 'profile';
}

function validStep(s) {
  if (!s || typeof s !== 'object') return false;
  if (s.op === 'add' || s.op === 'remove') return typeof s.id === 'string';
  if (s.op === 'expand') return typeof s.id === 'string';
  if (s.op === 'path') return typeof s.from === 'string' && typeof s.to === 'string';
  return false;
}

export function writeUrl() {
  const hash = toHash();
  if (location.hash !== hash) history.replaceState(null, '', location.pathname + location.search + hash);
}

export function shareUrl() {
  return location.origin + location.pathname + toHash();
}
