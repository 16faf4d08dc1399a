// The catalogue panel: the named, reviewed (and promoted, and one's own saved) questions the caller may run, a form
// for each one's variables (actors suggested by the search, instrument kinds and labels from the vocabulary, regions
// from the graph, dates with a date picker), and the answer: drawn on the canvas when it is a graph (it becomes a
// step of the view), a table otherwise. The open question and its values live in the URL, so a link opens the panel on
// the same question with the same values.
import { run } from './api.js';
import { h, $, clear, LABEL_NAMES, humanKind, tlpBadge } from './dom.js';
import { combobox } from './search.js';
import { KINDS } from './coverage.js';
import { graphOf } from './view.js';

// the instrument kinds of the vocabulary (seed-data/README.md): the coverage matrix's and the rest
const INSTRUMENT_KINDS = [...new Set([...KINDS, 'cooperation-line', 'facility', 'pact', 'dialogue', 'norm', 'toolbox'])];

let entries = null;
let regions = null;
let hooks = { onDraw: () => {}, onAdd: () => {}, onChange: () => {} };

/** How the panel reaches the rest of the page: draw a graph answer, add a node, say the question changed. */
export function wireCatalogue(given) { hooks = { ...hooks, ...given }; }

async function load() {
  if (!entries) entries = (await run('x-explorer:catalogue')).queryCatalogue;
  return entries;
}

async function regionOptions() {
  if (!regions) regions = (await run('x-explorer:regions')).actors.edges.map((e) => e.node);
  return regions;
}

/** Shows the list of questions, and opens one (with values) when the state names it. */
export async function showCatalogue(open) {
  const panel = $('panel-catalogue');
  const list = await load();
  const picker = $('catalogue-pick');
  if (!picker.options.length) {
    picker.append(h('option', { value: '' }, `Choose a question (${list.length})`));
    list.forEach((e) => picker.append(h('option', { value: e.id }, e.name)));
    picker.addEventListener('change', () => openEntry(picker.value, {}));
  }
  if (open) return openEntry(open.id, open.values || {}, { runNow: true });
  return panel;
}

function entryOf(id) {
  const [base, version] = id.split('@');
  return entries.find((e) => e.id === base && (!version || String(e.version) === version));
}

async function openEntry(id, values, { runNow = false } = {}) {
  const form = clear($('catalogue-form'));
  clear($('catalogue-result'));
  if (!id) { hooks.onChange(null); return; }
  const entry = entryOf(id);
  $('catalogue-pick').value = entry ? entry.id : '';
  if (!entry) {
    form.append(h('p', { class: 'notice', id: 'catalogue-missing' }, 'This question is not in the catalogue, or you may not run it.'));
    hooks.onChange(null);
    return;
  }
  form.append(h('p', { class: 'desc', id: 'catalogue-description' }, entry.description),
    h('p', { class: 'muted' }, `${entry.origin === 'REVIEWED' ? 'Reviewed' : entry.origin === 'PROMOTED' ? 'Promoted' : 'Saved'} query, version ${entry.version}${entry.owner ? ', by ' + entry.owner : ''} `, tlpBadge(entry.marking)));
  const inputs = [];
  for (const v of entry.variables) inputs.push(await field(v, values[v.name]));
  inputs.forEach((i) => form.append(i.el));
  const go = h('button', { type: 'submit', id: 'catalogue-run' }, 'Run');
  form.append(go);
  form.onsubmit = (e) => { e.preventDefault(); ask(entry, inputs); };
  if (runNow) await ask(entry, inputs);
}

function parseType(type) {
  const required = type.endsWith('!');
  const inner = required ? type.slice(0, -1) : type;
  const list = inner.startsWith('[');
  const base = list ? inner.slice(1, -1).replace(/!$/, '') : inner;
  return { required, list, base };
}

function parseDefault(v) {
  if (v.defaultValue === null || v.defaultValue === undefined) return undefined;
  try { return JSON.parse(v.defaultValue); } catch (e) { return undefined; }
}

// One input for one variable; `value()` reads it back (undefined when left empty, so the document's default holds).
async function field(v, given) {
  const t = parseType(v.type);
  const id = 'cq-' + v.name;
  const initial = given !== undefined ? given : parseDefault(v);
  const label = h('label', { for: id }, `${v.name}${t.required && parseDefault(v) === undefined ? ' (required)' : ''}`);
  const help = h('span', { class: 'muted', id: id + '-help' }, v.description);
  const wrap = (...children) => h('div', { class: 'cq-field', 'data-variable': v.name }, label, ...children, help);
  const choices = v.suggest === 'instrumentKind' ? INSTRUMENT_KINDS.map((k) => [k, humanKind(k)])
    : v.suggest === 'label' ? Object.entries(LABEL_NAMES)
      : v.suggest === 'region' ? (await regionOptions()).map((r) => [r.id, r.name]) : null;
  if (choices && t.list) {
    const chosen = new Set(Array.isArray(initial) ? initial : []);
    const boxes = choices.map(([value, text]) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: id, value, checked: chosen.has(value) }), text));
    const set = h('fieldset', { id, 'aria-describedby': id + '-help' }, h('legend', { class: 'visually-hidden' }, v.name), boxes);
    return { name: v.name, el: wrap(h('div', { class: 'kinds' }, set)),
      value: () => { const x = [...set.querySelectorAll('input:checked')].map((c) => c.value); return x.length ? x : undefined; } };
  }
  if (choices) {
    const select = h('select', { id, 'aria-describedby': id + '-help' }, h('option', { value: '' }, t.required ? 'choose…' : 'any'),
      choices.map(([value, text]) => h('option', { value }, text)));
    select.value = typeof initial === 'string' ? initial : '';
    return { name: v.name, el: wrap(select), value: () => select.value || undefined };
  }
  if (v.suggest === 'actor') {
    const listId = id + '-list';
    const input = h('input', { id, type: 'text', autocomplete: 'off', role: 'combobox', 'aria-autocomplete': 'list',
      'aria-expanded': 'false', 'aria-controls': listId, 'aria-describedby': id + '-help' });
    const suggestions = h('ul', { id: listId, role: 'listbox', 'aria-label': 'Suggestions for ' + v.name, hidden: true });
    if (t.list) {
      const picked = Array.isArray(initial) ? [...initial] : [];
      const chips = h('ul', { class: 'cq-chips', 'aria-label': v.name + ' chosen' });
      const draw = () => { clear(chips); picked.forEach((x, i) => chips.append(h('li', {}, x, ' ',
        h('button', { type: 'button', class: 'link', 'aria-label': 'Remove ' + x, onclick: () => { picked.splice(i, 1); draw(); } }, '×')))); };
      draw();
      combobox(input, suggestions, (n) => { if (!picked.includes(n.id)) picked.push(n.id); input.value = ''; draw(); });
      return { name: v.name, el: wrap(h('div', { class: 'picker' }, input, suggestions), chips),
        value: () => (picked.length ? [...picked] : undefined) };
    }
    if (typeof initial === 'string') { input.value = initial; input.dataset.id = initial; }
    combobox(input, suggestions, () => {});
    // a chosen suggestion gives its id; typed text that is already an id is taken as it is
    return { name: v.name, el: wrap(h('div', { class: 'picker' }, input, suggestions)),
      value: () => input.dataset.id || (input.value.trim() || undefined) };
  }
  if (v.suggest === 'date') {
    const input = h('input', { id, type: 'date', 'aria-describedby': id + '-help' });
    if (typeof initial === 'string') input.value = initial;
    return { name: v.name, el: wrap(input), value: () => input.value || undefined };
  }
  if (t.base === 'Boolean' && !t.list) {
    const input = h('input', { id, type: 'checkbox', checked: initial === true, 'aria-describedby': id + '-help' });
    return { name: v.name, el: wrap(input), value: () => input.checked };
  }
  const number = (t.base === 'Int' || t.base === 'Float') && !t.list;
  const input = h('input', { id, type: number ? 'number' : 'text', 'aria-describedby': id + '-help' });
  if (initial !== undefined && initial !== null) input.value = Array.isArray(initial) ? initial.join(', ') : String(initial);
  return { name: v.name, el: wrap(input), value: () => {
    const text = input.value.trim();
    if (!text) return undefined;
    if (t.list) return text.split(',').map((x) => x.trim()).filter(Boolean).map((x) => (t.base === 'Int' ? Number(x) : x));
    return number ? Number(text) : text;
  } };
}

async function ask(entry, inputs) {
  const out = clear($('catalogue-result'));
  const values = {};
  for (const i of inputs) {
    const value = i.value();
    if (value !== undefined) values[i.name] = value;
  }
  const missing = entry.variables.filter((v) => parseType(v.type).required && parseDefault(v) === undefined && values[v.name] === undefined);
  const documentId = `${entry.id}@${entry.version}`;
  hooks.onChange({ id: documentId, values });
  if (missing.length) { out.append(h('p', { class: 'notice' }, 'Fill in ' + missing.map((v) => v.name).join(', ') + '.')); return; }
  out.append(h('p', { class: 'muted' }, 'Asking…'));
  const data = await run(documentId, values);
  clear(out);
  const graph = graphOf(data);
  if (graph.graph) {
    await hooks.onDraw(documentId, values);
    out.append(h('p', { id: 'catalogue-summary' }, `Drawn on the canvas: ${graph.nodes.length} node${graph.nodes.length === 1 ? '' : 's'} and ${graph.edges.length} tie${graph.edges.length === 1 ? '' : 's'}.`));
  }
  out.append(table(data, graph.graph));
}

// The answer as a table: the rows of its first list of objects (or the answer itself), a column for each value in
// them; a node is a button that puts it on the canvas.
function table(data, drawn) {
  const rows = firstList(data) || [data];
  if (!rows.length) return h('p', { id: 'catalogue-empty' }, 'No answer: nothing matches these values.');
  const isNode = (x) => x && typeof x === 'object' && typeof x.id === 'string' && typeof x.label === 'string' && typeof x.name === 'string';
  // a row that is itself a node is named in its first column (a button), then its other values
  const columns = isNode(rows[0]) ? [''] : [];
  rows.slice(0, 50).forEach((r) => flatten(r, '', {}, columns));
  if (isNode(rows[0])) columns.splice(columns.indexOf('name'), columns.includes('name') ? 1 : 0);
  const cell = (x) => {
    if (isNode(x)) return h('button', { type: 'button', class: 'link', onclick: () => hooks.onAdd(x.id) }, x.name);
    if (Array.isArray(x)) return x.map((y) => (isNode(y) ? y.name : typeof y === 'object' ? '' : String(y))).filter(Boolean).join(', ');
    return x === null || x === undefined ? '' : String(x);
  };
  const shown = columns.slice(0, 8);
  return h('div', { class: 'scroll' }, h('table', { class: 'matrix', id: 'catalogue-table' },
    h('caption', {}, `${rows.length} row${rows.length === 1 ? '' : 's'}${drawn ? ' (also on the canvas)' : ''}`),
    h('thead', {}, h('tr', {}, shown.map((c) => h('th', { scope: 'col' }, c || 'name')))),
    h('tbody', {}, rows.map((r) => h('tr', {}, shown.map((c) => h('td', {}, cell(pick(r, c)))))))));
}

function firstList(x) {
  if (Array.isArray(x)) return x.length && typeof x[0] === 'object' && !Array.isArray(x[0]) ? x : null;
  if (!x || typeof x !== 'object') return null;
  for (const v of Object.values(x)) { const found = firstList(v); if (found) return found; }
  return null;
}

// column paths: a node is one column, other objects are opened, lists are one column
function flatten(x, prefix, seen, columns) {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return;
  for (const [k, v] of Object.entries(x)) {
    const path = prefix ? prefix + '.' + k : k;
    const node = v && typeof v === 'object' && !Array.isArray(v) && typeof v.label === 'string' && typeof v.name === 'string';
    if (v && typeof v === 'object' && !Array.isArray(v) && !node) flatten(v, path, seen, columns);
    else if (!columns.includes(path) && !(k === 'id' && typeof x.name === 'string')) columns.push(path);
  }
}

function pick(x, path) {
  if (path === '') return x;
  return path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), x);
}
