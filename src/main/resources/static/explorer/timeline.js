// A node's dated events, oldest first; each can set the as-of date.
import { run } from './api.js';
import { h, $, clear, nodeTitle } from './dom.js';

export async function showTimeline(id, onDate) {
  const panel = clear($('panel-timeline'));
  if (!id) { panel.append(h('p', { class: 'hint' }, 'Select a node to see its dated events.')); return; }
  const data = await run('x-explorer:timeline', { id });
  const t = data.timeline;
  if (!t) { panel.append(h('p', {}, 'This node does not exist, or you may not see it.')); return; }
  panel.append(h('h2', {}, 'Timeline of ' + nodeTitle(t.node)));
  if (!t.events.length) { panel.append(h('p', {}, 'No dated events: the sources give no dates for it or its ties.')); return; }
  panel.append(h('ol', { class: 'timeline' }, t.events.map((e) => h('li', {},
    h('time', { datetime: e.earliest }, e.date), ' ',
    `${e.node.name} ${e.kind === 'STARTED' ? 'started' : 'ended'}`,
    e.edge ? ` (${e.edge.type.toLowerCase().replaceAll('_', ' ')}${e.edge.role ? ', ' + e.edge.role : ''})` : '',
    ' ', h('button', { type: 'button', class: 'small', onclick: () => onDate(e.earliest), 'aria-label': `Show the view as of ${e.earliest}` }, 'view at this date')))));
  // a hub's timeline is answered in part, oldest first: say how many later events are not shown
  if (t.omittedEvents > 0) panel.append(h('p', { class: 'notice', id: 'events-omitted' }, `${t.omittedEvents} more events after these, not shown.`));
}
