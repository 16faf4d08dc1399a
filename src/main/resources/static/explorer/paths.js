// Paths between two actors, read as sentences: "ECSO cooperates with ENISA, which is party to ... with India".
import { h, $, clear, humanKind } from './dom.js';
import { sourceList, namesOf } from './sources.js';

const VERB = { PARTY_TO: 'is party to', PARTICIPATES_IN: 'takes part in', MEMBER_OF: 'is a member of',
  PART_OF: 'is part of', COOPERATES_WITH: 'cooperates with', FUNDS: 'funds', LANDS_IN: 'lands in' };
const VERB_BACK = { MEMBER_OF: 'has as a member', PART_OF: 'includes', FUNDS: 'is funded by', LANDS_IN: 'is reached by',
  COOPERATES_WITH: 'cooperates with' };

function clause(step) {
  const e0 = step.edges[0];
  if (step.via) {
    const verb = VERB[e0.type] || e0.type.toLowerCase();
    return `${verb} ${step.via.name}${step.via.kind ? ' (' + humanKind(step.via.kind) + ')' : ''} with ${step.to.name}`;
  }
  const forward = e0.from === step.from.id;
  return `${forward ? (VERB[e0.type] || e0.type.toLowerCase()) : (VERB_BACK[e0.type] || 'is tied to')} ${step.to.name}`;
}

export function pathSentence(path) {
  const steps = path.steps;
  if (!steps.length) return '';
  let s = `${steps[0].from.name} ${clause(steps[0])}`;
  for (let i = 1; i < steps.length; i++) s += `, which ${clause(steps[i])}`;
  return s + '.';
}

export function showPaths(answer, step) {
  const out = clear($('path-result'));
  if (!answer) { out.append(h('p', { class: 'notice' }, 'One of the two ends does not exist, or you may not see it.')); return; }
  const filters = [step.only && step.only.length ? 'only through ' + step.only.map(humanKind).join(', ') : null,
    step.avoid && step.avoid.length ? 'never through ' + step.avoid.map(humanKind).join(', ') : null].filter(Boolean).join('; ');
  out.append(h('h3', {}, `From ${answer.from.name} to ${answer.to.name}`));
  if (filters) out.append(h('p', { class: 'muted' }, filters));
  if (!answer.found) {
    // a cut search found nothing yet: that is not "no path"
    out.append(h('p', { class: 'notice', id: 'no-path' }, (answer.cut ? 'No path found yet. ' : 'No path. ') + (answer.message || '')));
    return;
  }
  if (answer.cut) out.append(h('p', { class: 'notice', id: 'path-cut' }, answer.message || 'The search was cut: more paths may exist.'));
  const list = h('ol', { class: 'paths' });
  answer.paths.forEach((p, i) => {
    list.append(h('li', { class: 'path' },
      h('p', { class: 'path-sentence' }, pathSentence(p)),
      h('p', { class: 'muted' }, `${p.length} tie${p.length === 1 ? '' : 's'}`),
      h('details', {}, h('summary', {}, `Sources of path ${i + 1}`),
        p.steps.map((st) => h('div', { class: 'hop' },
          h('p', { class: 'hop-title' }, `${st.from.name} → ${st.via ? st.via.name + ' → ' : ''}${st.to.name}`),
          st.edges.map((e) => sourceList(e.sources, namesOf(st.from, st.via, st.to))))))));
  });
  out.append(list);
}
