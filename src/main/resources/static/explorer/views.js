// Saved views: "Save view" (name, description, marking) for the roles that may save, "My views", and opening a view
// by link (#view=<id> or #view=<id>@<version>). A view holds the question and the layout, never the answer: the
// service hands it over already cut to the opener (steps naming what they may not see are left out), and the page
// asks it again under the opener's own clearance, so nothing says what is missing.
import { run } from './api.js';
import { h, $, clear, tlpBadge } from './dom.js';
import { state } from './state.js';
import { getCy } from './canvas.js';

const SAVERS = ['ANALYST', 'EDITOR', 'ADMIN'];
const LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'];
const MARKING_WORDS = { CLEAR: 'TLP:CLEAR (anyone)', GREEN: 'TLP:GREEN', AMBER: 'TLP:AMBER', AMBER_STRICT: 'TLP:AMBER+STRICT (your organisation)' };
const STEP_KEYS = ['op', 'id', 'from', 'to', 'k', 'only', 'avoid', 'types', 'labels', 'limit', 'doc', 'vars'];


let me = null;
let current = null;
let positions = null;
let hooks = { say: () => {}, fail: () => {} };

/** The view a fragment names ({id, version}), or null when it names none. */
export function viewLink(hash) {
  const m = /(?:^#|&)view=([^&]+)/.exec(hash || '');
  if (!m) return null;
  const [id, version] = decodeURIComponent(m[1]).split('@');
  return { id, version: version && /^\d+$/.test(version) ? Number(version) : null };
}

export function initViews(given) {
  hooks = given;
  $('save-view').addEventListener('click', openSaveDialog);
  $('my-views').addEventListener('click', () => hooks.guarded(showMyViews));
  $('save-view-form').addEventListener('submit', (e) => { e.preventDefault(); hooks.guarded(saveView); });
  $('save-view-cancel').addEventListener('click', () => $('save-view-dialog').close());
  $('my-views-close').addEventListener('click', () => $('my-views-dialog').close());
}

/** Shows the actions the caller's role allows. */
export function viewsFor(caller) {
  me = caller;
  $('save-view').hidden = !caller || caller.anonymous || !SAVERS.includes(caller.role);
  $('my-views').hidden = !caller || caller.anonymous || !SAVERS.includes(caller.role);
}

/** Fetches a view and makes it the page's state; the caller then asks it again (restore). */
export async function openView(link) {
  const data = await run('x-explorer:open-view', { id: link.id, version: link.version });
  const view = data.view;
  if (!view) throw new Error('No such view: it does not exist, or it is not shared with you.');
  current = view;
  state.steps = view.state.steps.map((s) => {
    const step = {};
    for (const k of STEP_KEYS) if (s[k] !== null && s[k] !== undefined) step[k] = s[k];
    if (typeof step.vars === 'string') {
      try { step.vars = JSON.parse(step.vars); } catch (e) { step.vars = {}; }
    }
    return step;
  });
  state.asOf = view.state.asOf || '';
  state.selected = view.state.selected || '';
  state.tab = view.state.tab || 'profile';
  positions = view.state.positions;
  const older = view.version < view.latestVersion ? ` (a newer version, ${view.latestVersion}, exists)` : '';
  hooks.say(`View "${view.name}", version ${view.version}${older}, saved by ${view.owner}: shown as far as you may see it.`);
  return view;
}

/** Puts the nodes of an opened view where they stood when it was saved (once, after its first drawing). */
export function placeSavedNodes() {
  const cy = getCy();
  if (!positions || !cy) return;
  const at = positions;
  positions = null;
  cy.batch(() => at.forEach((p) => { const n = cy.getElementById(p.id); if (n.nonempty()) n.position({ x: p.x, y: p.y }); }));
  cy.fit(undefined, 30);
}

function openSaveDialog() {
  $('save-view-error').textContent = '';
  const mine = current && me && current.owner === me.name;
  $('save-view-name').value = mine ? current.name : '';
  $('save-view-description').value = mine ? current.description : '';
  $('save-view-again-row').hidden = !mine;
  $('save-view-again').checked = !!mine;
  if (mine) $('save-view-again-name').textContent = `"${current.name}"`;
  const select = clear($('save-view-marking'));
  const clearance = LEVELS.indexOf(me.clearance);
  ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT'].forEach((level, i) => {
    if (i > clearance || (level === 'AMBER_STRICT' && !me.organisation)) return;
    select.append(h('option', { value: level }, MARKING_WORDS[level]));
  });
  select.value = mine && [...select.options].some((o) => o.value === current.marking) ? current.marking : 'CLEAR';
  $('save-view-dialog').showModal();
  $('save-view-name').focus();
}

function stateInput() {
  const cy = getCy();
  return {
    steps: state.steps.map((s) => {
      const step = {};
      for (const k of STEP_KEYS) if (s[k] !== undefined && s[k] !== null) step[k] = s[k];
      if (step.op === 'query') step.vars = JSON.stringify(step.vars || {});
      return step;
    }),
    asOf: state.asOf || null,
    selected: state.selected || null,
    tab: state.tab,
    positions: cy ? cy.nodes().map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y') })) : [],
  };
}

async function saveView() {
  const name = $('save-view-name').value.trim();
  if (!name) { $('save-view-error').textContent = 'Give the view a name.'; return; }
  const input = { name, description: $('save-view-description').value.trim(), marking: $('save-view-marking').value, state: stateInput() };
  if (input.marking === 'AMBER_STRICT') input.organisation = me.organisation;
  if (!$('save-view-again-row').hidden && $('save-view-again').checked) input.id = current.id;
  let data;
  try {
    data = await run('x-explorer:save-view', { input });
  } catch (e) {
    $('save-view-error').textContent = e.message;
    return;
  }
  current = data.saveView;
  $('save-view-dialog').close();
  const url = location.origin + location.pathname + current.link;
  $('share-box').hidden = false;
  $('share-url').value = url;
  hooks.say(`Saved "${current.name}" as version ${current.version}. Whoever opens the link sees it as far as they may see it.`);
}

async function showMyViews() {
  const data = await run('x-explorer:my-views');
  const list = clear($('my-views-list'));
  if (!data.myViews.length) list.append(h('li', { class: 'hint' }, 'You have saved no views yet.'));
  data.myViews.forEach((v) => list.append(h('li', { class: 'saved-view', 'data-id': v.id },
    h('a', { href: v.link, onclick: () => $('my-views-dialog').close() }, v.name), ' ', tlpBadge(v.marking),
    h('span', { class: 'muted' }, ` version ${v.version}, saved ${v.savedAt.slice(0, 10)}`))));
  $('my-views-dialog').showModal();
}
