// Every DOM write goes through here: text is always set with textContent (never innerHTML), so a name such as
// <img src=x onerror=alert(1)> is shown as the characters it is.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export const $ = (id) => document.getElementById(id);

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function tlpBadge(tlp) {
  const word = 'TLP:' + String(tlp || 'CLEAR').replace('_', '+');
  return h('span', { class: 'tlp tlp-' + (tlp || 'CLEAR'), title: 'Traffic Light Protocol marking' }, word);
}

export const LABEL_NAMES = {
  UNION: 'Union', COUNTRY: 'Country', REGION: 'Region', INSTITUTION: 'Institution', AGENCY: 'Agency',
  ORGANISATION: 'Organisation', COMMUNITY: 'Community', INSTRUMENT: 'Instrument', PROGRAMME: 'Programme',
  PROJECT: 'Project', CABLE: 'Cable', TOPIC: 'Topic', SOURCE: 'Source',
};

export function humanKind(kind) {
  return kind ? String(kind).replaceAll('-', ' ') : '';
}

export function nodeTitle(n) {
  return n.acronym && n.acronym !== n.name ? `${n.name} (${n.acronym})` : n.name;
}
