// Wires the page: the view state (state.js) is the single truth; every action changes it, then the canvas and the
// panels are rebuilt from it, and the URL mirrors it.
import { run, onServiceWait } from './api.js';
import { token, setToken, startOidc, finishOidc } from './auth.js';
import { h, $, clear, LABEL_NAMES, humanKind } from './dom.js';
import { state, fromHash, writeUrl, shareUrl } from './state.js';
import { model, rebuild, EXPAND_LIMIT } from './view.js';
import { initCanvas, draw, layout, fit, png, tlpWord } from './canvas.js';
import { showProfile } from './panel.js';
import { combobox } from './search.js';
import { showPaths } from './paths.js';
import { KINDS, fillKindPickers, fillRegions, showCoverage, showGaps } from './coverage.js';
import { showTimeline } from './timeline.js';
import { initViews, viewsFor, viewLink, openView, placeSavedNodes } from './views.js';
import { wireCatalogue, showCatalogue } from './catalogue.js';

const undoStack = [];
let config = { mode: 'tokens' };
const perf = (window.explorerPerf = { marks: [] });

function say(message) {
  const s = $('status');
  s.textContent = message || '';
  s.hidden = !message;
}
function fail(e) {
  const el = $('error');
  el.textContent = e ? (e.message || String(e)) : '';
  el.hidden = !e;
  if (e) console.warn(e);
}
onServiceWait((m) => say(m));

// Runs a piece of work and shows its error in words; an error stays shown until the next action of the user's.
async function guarded(work) {
  try { return await work(); } catch (e) { fail(e); return undefined; }
}

// ---- the view ------------------------------------------------------------------------------------------------

async function refresh({ relayout = false, mark = null } = {}) {
  const t0 = performance.now();
  await rebuild();
  draw(model, state.selected, { relayout });
  writeUrl();
  updateMore();
  $('undo').disabled = undoStack.length === 0;
  const selected = state.selected && model.nodes.has(state.selected);
  $('expand').disabled = !selected;
  $('remove').disabled = !selected;
  if (model.paths) showPaths(model.paths.answer, model.paths.step);
  if (model.missing) say(`${model.missing} part${model.missing === 1 ? '' : 's'} of this view could not be shown: missing, or not visible to you.`);
  if (mark) { perf.marks.push({ name: mark, ms: performance.now() - t0, at: performance.now() }); document.body.dataset.drawn = mark + ':' + perf.marks.length; }
}

function change(mutate, opts) {
  fail(null);
  undoStack.push(JSON.stringify(state.steps));
  mutate(state.steps);
  return guarded(() => refresh(opts));
}

function updateMore() {
  const el = clear($('more'));
  const entries = [...model.more.entries()].filter(([id]) => model.nodes.has(id));
  el.hidden = entries.length === 0;
  entries.forEach(([id, m]) => {
    const name = model.nodes.get(id).name;
    el.append(h('button', { type: 'button', class: 'more-button', onclick: () => change((steps) => {
      const s = steps[m.step];
      steps[m.step] = { ...s, limit: Math.min(500, (s.limit || EXPAND_LIMIT) + Math.max(m.count, 25)) };
    }, { relayout: true, mark: 'more' }) }, m.exact ? `+${m.count} more around ${name}` : `${m.count}+ more around ${name}`));
  });
}

export async function select(id, { openTab = true } = {}) {
  fail(null);
  state.selected = id;
  writeUrl();
  draw(model, id);
  const has = model.nodes.has(id);
  $('expand').disabled = !has;
  $('remove').disabled = !has;
  if (openTab && state.tab !== 'profile' && state.tab !== 'timeline') showTab('profile');
  await guarded(async () => {
    await showProfile(id, { onAdd: addNode, onSelect: (o) => select(o) });
    if (state.tab === 'timeline') await showTimeline(id, setDate);
  });
}

function addNode(id) {
  if (model.nodes.has(id)) return select(id);
  return change((steps) => steps.push({ op: 'add', id }), { mark: 'add' })
    .then(() => { if ($('error').hidden) return select(id, { openTab: false }); return undefined; });
}

function expandSelected() {
  const id = state.selected;
  if (!id) return;
  const step = { op: 'expand', id };
  if ($('expand-type').value) step.types = [$('expand-type').value];
  if ($('expand-label').value) step.labels = [$('expand-label').value];
  return change((steps) => steps.push(step), { mark: 'expand' });
}

function removeSelected() {
  const id = state.selected;
  if (!id) return;
  state.selected = '';
  clear($('panel-profile')).append(h('p', { class: 'hint' }, 'Select a node to see its facts, ties and sources.'));
  return change((steps) => steps.push({ op: 'remove', id }));
}

function undo() {
  if (!undoStack.length) return;
  state.steps = JSON.parse(undoStack.pop());
  return guarded(() => refresh({ relayout: true }));
}

function setDate(date) {
  state.asOf = date || '';
  $('asof-input').value = state.asOf.length === 10 ? state.asOf : '';
  guarded(async () => {
    await refresh({ mark: 'date' });
    if (state.tab === 'coverage' && $('coverage-result').firstChild) await showCoverage(state.asOf, addNode);
    say(state.asOf ? `Showing the view as of ${state.asOf}: ties not yet started or already ended are left out.` : '');
  });
}

// ---- tabs ----------------------------------------------------------------------------------------------------

const TABS = ['profile', 'paths', 'coverage', 'timeline', 'catalogue'];
function showTab(name) {
  state.tab = name;
  for (const t of TABS) {
    const tab = $('tab-' + t);
    tab.setAttribute('aria-selected', String(t === name));
    tab.tabIndex = t === name ? 0 : -1;
    $('panel-' + t).hidden = t !== name;
  }
  writeUrl();
  if (name === 'timeline') guarded(() => showTimeline(state.selected, setDate));
  if (name === 'catalogue') guarded(() => showCatalogue());
}
function wireTabs() {
  TABS.forEach((t, i) => {
    const tab = $('tab-' + t);
    tab.addEventListener('click', () => showTab(t));
    tab.addEventListener('keydown', (e) => {
      const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!d) return;
      const next = TABS[(i + d + TABS.length) % TABS.length];
      showTab(next); $('tab-' + next).focus();
    });
  });
}

// ---- paths ---------------------------------------------------------------------------------------------------

function kindChecks(container, name) {
  KINDS.forEach((k) => container.append(h('label', { class: 'check' },
    h('input', { type: 'checkbox', name, value: k }), humanKind(k))));
}
function checked(name) { return [...document.querySelectorAll(`input[name="${name}"]:checked`)].map((x) => x.value); }

function askPath(e) {
  e.preventDefault();
  const from = $('path-from').dataset.id, to = $('path-to').dataset.id;
  if (!from || !to) { fail(new Error('Pick both ends from the suggestions (or use the selected node).')); return; }
  const step = { op: 'path', from, to, k: Number($('path-k').value) };
  const only = checked('only'), avoid = checked('avoid');
  if (only.length) step.only = only;
  if (avoid.length) step.avoid = avoid;
  return change((steps) => {
    for (let i = steps.length - 1; i >= 0; i--) if (steps[i].op === 'path') steps.splice(i, 1);
    steps.push(step);
  }, { relayout: true, mark: 'path' });
}

function fillPathForm(step) {
  for (const [field, id] of [['path-from', step.from], ['path-to', step.to]]) {
    $(field).dataset.id = id;
    const n = model.nodes.get(id);
    $(field).value = n ? n.name : id;
  }
  $('path-k').value = String(step.k || 3);
  document.querySelectorAll('input[name="only"]').forEach((x) => { x.checked = (step.only || []).includes(x.value); });
  document.querySelectorAll('input[name="avoid"]').forEach((x) => { x.checked = (step.avoid || []).includes(x.value); });
}

function useSelected(field) {
  const n = model.nodes.get(state.selected);
  if (!n) { fail(new Error('Select a node on the canvas first.')); return; }
  $(field).value = n.name;
  $(field).dataset.id = n.id;
}

// ---- catalogue ------------------------------------------------------------------------------------------------

// A graph-shaped catalogue answer becomes a step of the view (replacing an earlier catalogue question), so undo,
// share and date work on it as on any other.
function drawQuery(doc, vars) {
  const same = state.steps.some((s) => s.op === 'query' && s.doc === doc && JSON.stringify(s.vars) === JSON.stringify(vars));
  if (same) return Promise.resolve();
  return change((steps) => {
    for (let i = steps.length - 1; i >= 0; i--) if (steps[i].op === 'query') steps.splice(i, 1);
    steps.push({ op: 'query', doc, vars });
  }, { relayout: true, mark: 'catalogue' });
}

// ---- who is calling --------------------------------------------------------------------------------------------

async function whoAmI() {
  const data = await run('x-explorer:me');
  const me = data.me;
  const badge = $('clearance');
  badge.textContent = 'Cleared for ' + tlpWord(me.clearance);
  badge.className = 'tlp tlp-' + me.clearance;
  $('who-name').textContent = me.anonymous ? 'Guest' : `${me.name} (${me.role.toLowerCase()})`;
  $('sign-in').hidden = !me.anonymous;
  $('sign-out').hidden = me.anonymous;
  viewsFor(me);
}

function openSignIn() {
  if (config.mode === 'oidc') { guarded(() => startOidc(config.oidc)); return; }
  $('sign-in-error').textContent = '';
  $('token-input').value = '';
  $('sign-in-dialog').showModal();
  $('token-input').focus();
}

async function saveToken(e) {
  e.preventDefault();
  const previous = token();
  setToken($('token-input').value.trim());
  try {
    await whoAmI();
    $('sign-in-dialog').close();
    await guarded(() => refresh());
    if (state.selected && model.nodes.has(state.selected)) await select(state.selected, { openTab: false });
  } catch (err) {
    setToken(previous);
    $('sign-in-error').textContent = err.message;
  }
}

async function signOut() {
  setToken(null);
  await guarded(whoAmI);
  await guarded(() => refresh());
  if (state.selected && model.nodes.has(state.selected)) await select(state.selected, { openTab: false });
  else clear($('panel-profile')).append(h('p', { class: 'hint' }, 'Select a node to see its facts, ties and sources.'));
}

// ---- share and export ------------------------------------------------------------------------------------------

async function copyLink() {
  const url = shareUrl();
  $('share-box').hidden = false;
  $('share-url').value = url;
  $('share-url').select();
  try { await navigator.clipboard.writeText(url); say('Link copied. Whoever opens it sees this view as far as they may see it.'); }
  catch (e) { say('Copy the link from the box below the canvas.'); }
}

function download(blob, name) {
  const a = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}

async function exportView() {
  const ids = [...model.nodes.keys()];
  if (!ids.length) { fail(new Error('The canvas is empty: nothing to export.')); return; }
  const headers = {};
  if (token()) headers.Authorization = 'Bearer ' + token();
  const r = await fetch('/export?format=graphml&scope=view&ids=' + encodeURIComponent(ids.join(',')), { headers });
  if (!r.ok) throw new Error(r.status === 404 ? 'This service has no export endpoint.' : `The export failed (${r.status}): ${await r.text()}`);
  download(await r.blob(), 'partner-atlas-view.graphml');
}

// ---- start -----------------------------------------------------------------------------------------------------

async function start() {
  initCanvas($('cy'), (id) => select(id));
  Object.entries(LABEL_NAMES).filter(([k]) => k !== 'SOURCE').forEach(([k, v]) => $('expand-label').append(h('option', { value: k }, v)));
  kindChecks($('path-only'), 'only');
  kindChecks($('path-avoid'), 'avoid');
  fillKindPickers();
  wireTabs();
  combobox($('search-input'), $('search-list'), (n) => addNode(n.id), { onError: fail });
  combobox($('path-from'), $('path-from-list'), () => {}, { onError: fail });
  combobox($('path-to'), $('path-to-list'), () => {}, { onError: fail });
  $('path-from-selected').addEventListener('click', () => useSelected('path-from'));
  $('path-to-selected').addEventListener('click', () => useSelected('path-to'));
  $('path-form').addEventListener('submit', (e) => guarded(() => askPath(e)));
  $('coverage-form').addEventListener('submit', (e) => { e.preventDefault(); guarded(() => showCoverage(state.asOf, addNode)); });
  $('gap-form').addEventListener('submit', (e) => { e.preventDefault(); guarded(() => showGaps(state.asOf, addNode)); });
  $('expand').addEventListener('click', expandSelected);
  $('remove').addEventListener('click', removeSelected);
  $('undo').addEventListener('click', undo);
  $('relayout').addEventListener('click', () => layout());
  $('fit').addEventListener('click', () => fit());
  $('clear-canvas').addEventListener('click', () => { state.selected = ''; change((steps) => steps.splice(0, steps.length)); });
  $('share').addEventListener('click', copyLink);
  $('png').addEventListener('click', () => guarded(async () => download(await png(), 'partner-atlas.png')));
  $('export-view').addEventListener('click', () => guarded(exportView));
  $('asof-input').addEventListener('change', () => setDate($('asof-input').value));
  $('asof-clear').addEventListener('click', () => setDate(''));
  $('sign-in').addEventListener('click', openSignIn);
  $('sign-out').addEventListener('click', signOut);
  $('sign-in-form').addEventListener('submit', saveToken);
  $('token-cancel').addEventListener('click', () => $('sign-in-dialog').close());
  initViews({ say, fail, guarded });
  wireCatalogue({ onDraw: drawQuery, onAdd: addNode, onChange: (q) => { state.catalogue = q; writeUrl(); } });
  window.addEventListener('hashchange', () => guarded(async () => {
    const link = viewLink(location.hash);
    if (link) await openView(link); else fromHash(location.hash);
    await restore();
  }));

  const configured = fetch('/explorer/config.json').then((r) => r.json()).catch(() => ({ mode: 'tokens' }))
    .then((c) => { config = c; return c; });
  // back from the identity provider: the token must be in hand before the first question
  if (new URLSearchParams(location.search).has('code') || new URLSearchParams(location.search).has('error')) {
    const c = await configured;
    if (c.mode === 'oidc') await guarded(() => finishOidc(c.oidc));
  }
  // a saved view (#view=<id>@<version>) is fetched, already cut to this caller, before it is asked
  const link = viewLink(location.hash);
  if (link) await guarded(() => openView(link)); else fromHash(location.hash);
  // who is calling and the view are asked side by side: the first picture waits for neither
  await Promise.all([guarded(whoAmI), restore(), configured]);
  guarded(fillRegions);
  document.body.dataset.ready = 'true';
}

async function restore() {
  $('asof-input').value = state.asOf.length === 10 ? state.asOf : '';
  showTab(state.tab);
  await guarded(() => refresh({ relayout: true, mark: 'first-view' }));
  placeSavedNodes();
  const path = [...state.steps].reverse().find((s) => s.op === 'path');
  if (path) fillPathForm(path);
  // a link to a catalogue question opens its panel with the link's values and asks it
  if (state.catalogue) await guarded(() => { showTab('catalogue'); return showCatalogue(state.catalogue); });
  // a selection the caller cannot see stays in the state (signing in may show it) but opens no panel
  if (state.selected && model.nodes.has(state.selected)) await select(state.selected, { openTab: false });
}

start();
