// tip dashboard: reads only the public HTTP API (README, "HTTP API") and the SSE impact stream.
// Every piece of data is put into the page as text (textContent), never as HTML.
'use strict';

const STATUSES = ['STEADY', 'STRENGTHENING', 'CHALLENGED', 'CONTESTED'];
const STANCE_COLOURS = { SUPPORTS: '#1b6e35', CHALLENGES: '#b3261e', REVIEW: '#8a5000' };
const RETRY_MAX_MS = 10000;

const main = document.getElementById('main');
const banner = document.getElementById('banner');
const live = document.getElementById('live');

// ---------- small DOM helpers ----------

/** h('a', {href: '#'}, 'text', child...): an element; strings become text nodes. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const text = (value) => (value === undefined || value === null ? '' : String(value));
const badge = (kind, value) => h('span', { class: `badge ${kind}-${text(value)}` }, text(value));
const day = (iso) => (iso ? new Date(iso).toISOString().slice(0, 10) : '');
const score = (n) => (typeof n === 'number' ? (n > 0 ? '+' : '') + n.toFixed(2) : '');
const thesisHref = (id) => `#/thesis/${encodeURIComponent(id)}`;
/** A field another version of the API may or may not have: the first of the names present. */
const field = (object, ...names) => names.map((n) => object && object[n]).find((v) => v !== undefined && v !== null && v !== '');

// ---------- talking to the API ----------

class ApiDown extends Error {}
class NotFound extends Error {}

async function api(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiDown('Cannot reach the tip API');
  }
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (response.status === 404) throw new NotFound((body && body.error) || 'not found');
  if (!response.ok) throw new ApiDown((body && body.error) || `the API answered ${response.status}`);
  return body;
}

let retryDelay = 1000;
let retryTimer = null;

function apiDown(error) {
  const seconds = Math.round(retryDelay / 1000);
  banner.hidden = false;
  banner.textContent = `${error.message}. Retrying in ${seconds} s…`;
  live.textContent = 'offline';
  live.className = 'live off';
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => { retryTimer = null; route(); }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
}

function apiUp() {
  retryDelay = 1000;
  clearTimeout(retryTimer);
  retryTimer = null;
  banner.hidden = true;
  banner.textContent = '';
}

// ---------- live impacts (SSE) ----------

let stream = null;
const impactListeners = new Set();

function connectStream() {
  if (stream) return;
  stream = new EventSource('/api/impacts/stream');
  stream.addEventListener('open', () => { live.textContent = 'live'; live.className = 'live on'; });
  stream.addEventListener('impact', (event) => {
    let impact;
    try { impact = JSON.parse(event.data); } catch (e) { return; }
    impactListeners.forEach((listener) => listener(impact));
  });
  stream.addEventListener('error', () => {
    // EventSource reconnects by itself; a failed reconnect closes it, so open a new one after a pause.
    live.textContent = 'reconnecting…';
    live.className = 'live off';
    // the stream dropped: if the API itself is gone, say so (and retry) rather than show stale data quietly
    api('/health/live').catch((e) => { if (e instanceof ApiDown && !retryTimer) apiDown(e); });
    if (stream.readyState === EventSource.CLOSED) {
      stream = null;
      setTimeout(connectStream, retryDelay);
    }
  });
}

// ---------- router ----------

let leaveView = () => {};

function parseHash() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  return { path, params: new URLSearchParams(query || '') };
}

async function route() {
  leaveView();
  leaveView = () => {};
  const { path, params } = parseHash();
  const thesis = path.match(/^\/thesis\/(.+)$/);
  document.querySelectorAll('[data-nav]').forEach((a) => a.removeAttribute('aria-current'));
  const section = path === '/inbox' ? 'inbox' : path === '/' ? 'theses' : null;
  if (section) document.querySelector(`[data-nav="${section}"]`).setAttribute('aria-current', 'page');
  try {
    if (path === '/') await thesesView(params);
    else if (thesis) await thesisView(decodeURIComponent(thesis[1]));
    else if (path === '/inbox') await inboxView();
    else notFoundView('Page not found', 'There is no page at this address.');
    apiUp();
  } catch (e) {
    if (e instanceof ApiDown) apiDown(e);
    else throw e;
  }
}

function show(title, ...content) {
  document.title = `tip — ${title}`;
  main.replaceChildren(...content.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

function focusMain() {
  main.focus({ preventScroll: true });
}

function notFoundView(title, message) {
  show(title, h('section', { class: 'not-found' },
    h('h1', {}, title),
    h('p', {}, message),
    h('p', {}, h('a', { href: '#/' }, 'Back to all theses'))));
}

// ---------- sparklines and charts ----------

/** Re-renders {@code box} with {@code build()} and gives the focus back to the same control (by its data-focus key). */
function keepingFocus(box, build) {
  const active = document.activeElement;
  const key = box.contains(active) && active.closest('[data-focus]') ? active.closest('[data-focus]').dataset.focus : null;
  build();
  if (key) {
    const again = [...box.querySelectorAll('[data-focus]')].find((el) => el.dataset.focus === key);
    if (again) again.focus({ preventScroll: true });
  }
}

const charts = [];
function chart(canvas, config) {
  if (!window.Chart) return null; // the vendor script failed to load: the tables still say everything
  const c = new window.Chart(canvas, config);
  charts.push(c);
  return c;
}
function destroyCharts() {
  while (charts.length) charts.pop().destroy();
}

function sparkline(scores, label) {
  const canvas = h('canvas', { class: 'spark', role: 'img', 'aria-label': label, width: 120, height: 32 });
  if (scores.length < 2) return scores.length ? canvas : h('span', { class: 'muted' }, '—');
  chart(canvas, {
    type: 'line',
    data: { labels: scores.map((_, i) => i), datasets: [{ data: scores, borderColor: '#0b57b0', borderWidth: 1.5, pointRadius: 0, stepped: true }] },
    options: {
      responsive: false, animation: false, events: [],
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: { x: { display: false }, y: { display: false } },
    },
  });
  return canvas;
}

/**
 * Score, status and history come from thesis-state and thesis-alerts, a moment behind the impact the
 * stream delivers: look again shortly after an impact, once more a little later, and every 15 s anyway.
 */
function refresher(refresh) {
  const timers = [];
  const periodic = setInterval(refresh, 15000);
  return {
    soon() {
      timers.splice(0).forEach(clearTimeout);
      timers.push(setTimeout(refresh, 300), setTimeout(refresh, 1000), setTimeout(refresh, 3000));
    },
    stop() {
      timers.splice(0).forEach(clearTimeout);
      clearInterval(periodic);
    },
  };
}

// ---------- theses ----------

const SORTS = {
  lastImpact: { label: 'Last impact', key: (t) => (t.lastImpact ? Date.parse(t.lastImpact.eventTime) : -Infinity) },
  title: { label: 'Thesis', key: (t) => text(t.title).toLowerCase() },
  status: { label: 'Status', key: (t) => STATUSES.indexOf(t.status) },
  score: { label: 'Score', key: (t) => t.score },
  impacts: { label: 'Impacts', key: (t) => t.impacts },
};

async function thesesView(params) {
  let theses = await api('/api/theses');
  const state = {
    tag: params.get('tag') || '',
    status: params.get('status') || '',
    sort: SORTS[params.get('sort')] ? params.get('sort') : 'lastImpact',
    desc: params.get('dir') !== 'asc',
  };
  const moved = new Set();
  const tableBox = h('div');
  const counter = h('p', { class: 'muted', 'aria-live': 'polite' });

  const tags = [...new Set(theses.flatMap((t) => t.tags || []))].sort();
  const tagSelect = h('select', { id: 'filter-tag', onchange: (e) => { state.tag = e.target.value; rememberAndRender(); } },
    h('option', { value: '' }, 'All tags'), tags.map((t) => h('option', { value: t, selected: t === state.tag }, `#${t}`)));
  const statusSelect = h('select', { id: 'filter-status', onchange: (e) => { state.status = e.target.value; rememberAndRender(); } },
    h('option', { value: '' }, 'All statuses'), STATUSES.map((s) => h('option', { value: s, selected: s === state.status }, s)));
  const sortSelect = h('select', { id: 'sort', onchange: (e) => { state.sort = e.target.value; rememberAndRender(); } },
    Object.entries(SORTS).map(([k, s]) => h('option', { value: k, selected: k === state.sort }, s.label)));
  const dirButton = h('button', { class: 'plain', type: 'button', id: 'sort-dir', onclick: () => { state.desc = !state.desc; rememberAndRender(); } });

  function rememberAndRender() {
    const q = new URLSearchParams();
    if (state.tag) q.set('tag', state.tag);
    if (state.status) q.set('status', state.status);
    if (state.sort !== 'lastImpact') q.set('sort', state.sort);
    if (!state.desc) q.set('dir', 'asc');
    history.replaceState(null, '', `#/${q.toString() ? '?' + q : ''}`);
    render();
  }

  function sortHeader(key, label, cls) {
    const active = state.sort === key;
    return h('th', { class: cls, scope: 'col', 'aria-sort': active ? (state.desc ? 'descending' : 'ascending') : 'none' },
      h('button', { class: 'linkish', type: 'button', 'data-focus': `sort-${key}`, onclick: () => {
        if (state.sort === key) state.desc = !state.desc; else { state.sort = key; state.desc = key !== 'title'; }
        rememberAndRender();
      } }, label, active ? (state.desc ? ' ▼' : ' ▲') : ''));
  }

  function render() {
    destroyCharts();
    dirButton.textContent = state.desc ? 'Descending' : 'Ascending';
    dirButton.setAttribute('aria-label', `Sort direction: ${dirButton.textContent}`);
    sortSelect.value = state.sort;
    const key = SORTS[state.sort].key;
    const shown = theses
      .filter((t) => !state.tag || (t.tags || []).includes(state.tag))
      .filter((t) => !state.status || t.status === state.status)
      .sort((a, b) => {
        const ka = key(a); const kb = key(b);
        const c = ka < kb ? -1 : ka > kb ? 1 : text(a.id).localeCompare(text(b.id));
        return state.desc ? -c : c;
      });
    counter.textContent = `${shown.length} of ${theses.length} theses`;
    const rows = shown.map((t) => {
      const last = t.lastImpact;
      return h('tr', { 'data-thesis': t.id, class: moved.has(t.id) ? 'moved' : null },
        h('td', { 'data-label': 'Thesis' }, h('a', { href: thesisHref(t.id), class: 'thesis-title', 'data-focus': `thesis-${t.id}` }, text(t.title)),
          h('div', {}, (t.tags || []).map((tag) => h('span', { class: 'tag' }, `#${tag}`)))),
        h('td', { 'data-label': 'Status' }, badge('status', t.status)),
        h('td', { 'data-label': 'Score', class: 'num' }, score(t.score)),
        h('td', { 'data-label': 'Trend' }, sparkline(t.recentScores || [], `Score over its last ${(t.recentScores || []).length} impacts`)),
        h('td', { 'data-label': 'Last impact', class: 'last-impact' }, last
          ? [h('span', { class: 'headline' }, text(last.headline || last.eventId)), badge('stance', last.stance), ' ',
            h('span', { class: 'when' }, day(last.eventTime)), last.order > 1 ? h('span', { class: 'when' }, ' · downstream') : '']
          : h('span', { class: 'muted' }, 'none yet')),
        h('td', { 'data-label': 'Impacts', class: 'num' }, text(t.impacts)));
    });
    const table = h('table', { class: 'cards', id: 'theses', 'aria-label': 'Every thesis, where it stands and what last moved it' },
      h('thead', {}, h('tr', {}, sortHeader('title', 'Thesis'), sortHeader('status', 'Status'), sortHeader('score', 'Score', 'num'),
        h('th', { scope: 'col' }, 'Trend'), sortHeader('lastImpact', 'Last impact'), sortHeader('impacts', 'Impacts', 'num'))),
      h('tbody', {}, rows));
    keepingFocus(tableBox, () => tableBox.replaceChildren(shown.length ? table : h('p', {}, 'No thesis matches these filters.')));
    moved.clear();
  }

  async function refresh() {
    try {
      const fresh = await api('/api/theses');
      // keep a live impact that the state has not caught up with yet
      const byId = new Map(theses.map((t) => [t.id, t]));
      theses = fresh.map((t) => {
        const known = byId.get(t.id);
        if (known && known.lastImpact && (!t.lastImpact || Date.parse(known.lastImpact.eventTime) > Date.parse(t.lastImpact.eventTime))) {
          t.lastImpact = known.lastImpact;
        }
        return t;
      });
      apiUp();
      render();
    } catch (e) {
      if (e instanceof ApiDown) apiDown(e);
    }
  }
  const onImpact = (impact) => {
    const row = theses.find((t) => t.id === impact.thesisId);
    if (!row) { refresh(); return; }
    if (!row.lastImpact || Date.parse(impact.eventTime) >= Date.parse(row.lastImpact.eventTime)) {
      row.lastImpact = { eventId: impact.eventId, headline: impact.eventHeadline, stance: impact.stance, order: impact.order, eventTime: impact.eventTime };
    }
    moved.add(row.id);
    render();
    later.soon();
  };
  const later = refresher(refresh);
  impactListeners.add(onImpact);
  leaveView = () => { impactListeners.delete(onImpact); later.stop(); destroyCharts(); };

  show('theses',
    h('h1', {}, 'Theses'),
    h('div', { class: 'controls' },
      h('label', { for: 'filter-tag' }, 'Tag', tagSelect),
      h('label', { for: 'filter-status' }, 'Status', statusSelect),
      h('label', { for: 'sort' }, 'Sort by', sortSelect),
      dirButton),
    counter, tableBox);
  render();
}

// ---------- one thesis ----------

async function thesisView(id) {
  let data;
  let history;
  try {
    [data, history] = await Promise.all([api(`/api/theses/${encodeURIComponent(id)}`), api(`/api/theses/${encodeURIComponent(id)}/history`)]);
  } catch (e) {
    if (e instanceof NotFound) {
      notFoundView('Thesis not found', `There is no thesis “${id}”. It may have been renamed or removed from the vault.`);
      return;
    }
    throw e;
  }
  const thesis = data.thesis || {};
  const state = data.state || {};
  const implications = data.implications || { out: [], in: [] };
  let impacts = history.impacts || [];
  let selected = null;
  const fresh = new Set();

  const statusBox = h('span');
  const timelineList = h('ol', { class: 'timeline', id: 'timeline', 'aria-label': 'Impacts, newest first' });
  const detail = h('div', { class: 'detail panel', id: 'impact-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Choose an impact (on the chart or in the list) to see why it happened.'));
  const chartCanvas = h('canvas', { role: 'img', 'aria-label': 'Evidence timeline: score over event time, one point per impact coloured by stance; downstream impacts paler' });
  const historyBox = h('div');
  let timelineChart = null;

  function renderStatus(s) {
    statusBox.replaceChildren(badge('status', s.status || 'STEADY'), ' ', h('span', { class: 'muted' }, `score ${score(s.score || 0)} · `
      + `${s.supports || 0} supports, ${s.challenges || 0} challenges, ${s.reviews || 0} reviews`));
  }

  function select(impact) {
    selected = impact.id;
    const source = field(impact, 'link', 'sourceUrl', 'eventUrl', 'url');
    const note = field(impact, 'noteLocation', 'location');
    const signals = impact.signals || [];
    detail.replaceChildren(
      h('h3', {}, text(impact.eventHeadline || impact.eventId)),
      h('p', {}, badge('stance', impact.stance), ' ', h('span', { class: 'when' }, `${day(impact.eventTime)} · ${text(impact.eventType)} · `
        + (impact.order > 1 ? `downstream, ${impact.order - 1} implication(s) away` : 'direct') + ` · magnitude ${Number(impact.magnitude).toFixed(2)}`)),
      h('dl', {},
        h('dt', {}, 'Why'), h('dd', {}, text(impact.why) || '—'),
        signals.length ? [h('dt', {}, 'Signals that fired'), h('dd', {}, h('ul', {}, signals.map((s) => h('li', {}, badge('stance', s.stance), ' ', h('code', {}, text(s.rule)), ' — ', text(s.why)))))] : null,
        (impact.path || []).length > 1 ? [h('dt', {}, 'Path'), h('dd', {}, (impact.path || []).map((p, i) => [i ? ' → ' : '', h('a', { href: thesisHref(p) }, text(p))]))] : null,
        field(impact, 'actor') ? [h('dt', {}, 'Actor / target'), h('dd', {}, `${text(impact.actor)}${impact.target ? ' → ' + text(impact.target) : ''}`)] : null,
        field(impact, 'rule') ? [h('dt', {}, 'Rule'), h('dd', {}, h('code', {}, text(impact.rule)))] : null,
        note ? [h('dt', {}, 'Note'), h('dd', {}, text(note))] : null,
        h('dt', {}, 'Source'), h('dd', {}, source && /^https?:|^obsidian:/i.test(source)
          ? h('a', { href: source, target: '_blank', rel: 'noopener noreferrer' }, text(source))
          : text(source || field(impact, 'source')) || h('span', { class: 'muted' }, 'no link in this impact')),
        h('dt', {}, 'Event'), h('dd', {}, h('code', {}, text(impact.eventId)))));
    timelineList.querySelectorAll('li').forEach((li) => li.classList.toggle('selected', li.dataset.impact === selected));
  }

  function renderTimeline() {
    const newestFirst = [...impacts].sort((a, b) => Date.parse(b.eventTime) - Date.parse(a.eventTime) || text(a.eventId).localeCompare(text(b.eventId)));
    keepingFocus(timelineList, () => timelineList.replaceChildren(...(newestFirst.length ? newestFirst.map((i) => h('li', {
      class: `${text(i.stance)}${i.order > 1 ? ' downstream' : ''}${fresh.has(i.id) ? ' new' : ''}${i.id === selected ? ' selected' : ''}`,
      'data-impact': i.id, 'data-stance': i.stance,
    },
    h('button', { class: 'linkish', type: 'button', 'data-focus': `impact-${i.id}`, onclick: () => select(i) }, text(i.eventHeadline || i.eventId)), ' ',
    badge('stance', i.stance), ' ', h('span', { class: 'when' }, day(i.eventTime) + (i.order > 1 ? ' · downstream' : ''))))
      : [h('li', { class: 'muted' }, 'No impact yet.')])));
    fresh.clear();

    const points = impacts.filter((i) => typeof i.scoreAfter === 'number');
    const colour = (i) => STANCE_COLOURS[i.stance] + (i.order > 1 ? '59' : ''); // downstream: 35 % opacity
    const chartData = {
      datasets: [
        { type: 'line', label: 'Score', data: points.map((i) => ({ x: Date.parse(i.eventTime), y: i.scoreAfter, impact: i })),
          borderColor: '#4a5561', borderWidth: 1.5, stepped: true, pointRadius: 6, pointHoverRadius: 8,
          pointBackgroundColor: points.map(colour), pointBorderColor: points.map(colour) },
      ],
    };
    if (timelineChart) {
      timelineChart.data = chartData;
      timelineChart.update('none');
      return;
    }
    timelineChart = chart(chartCanvas, {
      data: chartData,
      options: {
        maintainAspectRatio: false, animation: false,
        interaction: { mode: 'nearest', intersect: true },
        scales: {
          x: { type: 'linear', ticks: { callback: (v) => day(new Date(v).toISOString()), maxTicksLimit: 6, color: '#4a5561' } },
          y: { title: { display: true, text: 'score', color: '#4a5561' }, ticks: { color: '#4a5561' } },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: {
            title: (items) => text(items[0].raw.impact.eventHeadline),
            label: (item) => `${item.raw.impact.stance} · ${day(item.raw.impact.eventTime)} · score ${score(item.raw.y)}`,
            afterLabel: (item) => { const why = text(item.raw.impact.why); return why.length > 140 ? why.slice(0, 140) + '…' : why; },
          } },
        },
        onClick: (event, elements) => { if (elements.length) select(points[elements[0].index]); },
      },
    });
  }

  function renderHistory(changes) {
    historyBox.replaceChildren(changes.length
      ? h('table', { class: 'cards', id: 'state-history' },
        h('thead', {}, h('tr', {}, ['Recorded', 'Change', 'Score', 'Caused by'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, [...changes].reverse().map((c) => h('tr', {},
          h('td', { 'data-label': 'Recorded' }, day(c.recordedAt)),
          h('td', { 'data-label': 'Change' }, badge('status', c.previousStatus), ' → ', badge('status', c.status)),
          h('td', { 'data-label': 'Score', class: 'num' }, score(c.score)),
          h('td', { 'data-label': 'Caused by' }, text(c.causeHeadline || c.causeEventId), ' ', badge('stance', c.causeStance))))))
      : h('p', { class: 'muted' }, 'The status has not changed yet.'));
  }

  function implicationItem(i, outgoing) {
    const polarity = { SAME: ['(+) same way', 'stance-SUPPORTS'], INVERSE: ['(−) opposite way', 'stance-CHALLENGES'], REVIEW: ['(?) review', 'stance-REVIEW'] }[i.polarity]
      || [text(i.polarity), 'stance-REVIEW'];
    const other = outgoing
      ? (i.toThesis ? h('a', { href: thesisHref(i.to) }, text(i.toName || i.to)) : h('span', {}, text(i.toName || i.to), h('span', { class: 'muted' }, ' (topic, no note)')))
      : h('a', { href: thesisHref(i.fromThesis) }, text(i.fromTitle || i.fromThesis));
    return h('li', {}, other, ' ', h('span', { class: `badge ${polarity[1]}` }, polarity[0]),
      (i.statements || []).length ? h('ul', {}, i.statements.map((s) => h('li', {}, text(s)))) : null);
  }

  async function refresh() {
    try {
      const [d, hist] = await Promise.all([api(`/api/theses/${encodeURIComponent(id)}`), api(`/api/theses/${encodeURIComponent(id)}/history`)]);
      const known = new Set((hist.impacts || []).map((i) => i.id));
      impacts = [...(hist.impacts || []), ...impacts.filter((i) => !known.has(i.id) && typeof i.scoreAfter !== 'number')];
      renderStatus(d.state || {});
      renderTimeline();
      renderHistory(hist.statusChanges || []);
      apiUp();
    } catch (e) {
      if (e instanceof ApiDown) apiDown(e);
    }
  }
  const onImpact = (impact) => {
    if (impact.thesisId !== id) return;
    if (!impacts.some((i) => i.id === impact.id)) impacts.push(impact); // shown now; its score comes with the refresh
    fresh.add(impact.id);
    renderTimeline();
    later.soon();
  };
  const later = refresher(refresh);
  impactListeners.add(onImpact);
  leaveView = () => { impactListeners.delete(onImpact); later.stop(); destroyCharts(); timelineChart = null; };

  const signals = thesis.signals || [];
  show(text(thesis.title),
    h('p', {}, h('a', { href: '#/' }, '← All theses')),
    h('h1', { id: 'thesis-title' }, text(thesis.title)),
    h('div', { class: 'meta' }, statusBox, (thesis.tags || []).map((t) => h('a', { class: 'tag', href: `#/?tag=${encodeURIComponent(t)}` }, `#${t}`))),
    thesis.summary ? h('p', { class: 'summary' }, text(thesis.summary)) : null,
    h('p', { class: 'muted' }, text(thesis.sourcePath), thesis.sourceLine ? `:${thesis.sourceLine}` : '', thesis.updated ? ` · updated ${text(thesis.updated)}` : ''),

    h('h2', {}, 'Evidence timeline'),
    h('div', { class: 'legend' }, ['SUPPORTS', 'CHALLENGES', 'REVIEW'].map((s) => h('span', {}, h('span', { class: `dot ${s}` }), s)),
      h('span', {}, h('span', { class: 'dot REVIEW dim' }), 'paler: downstream (through an implication)')),
    h('div', { class: 'chart-box' }, chartCanvas),
    h('div', { class: 'grid2' }, h('div', {}, h('h3', {}, 'Impacts'), timelineList), detail),
    history.truncated ? h('p', { class: 'muted' }, 'Older impacts are no longer kept by the dashboard; the score line includes them.') : null,

    h('h2', {}, 'Signals'),
    signals.length ? h('table', { class: 'cards', id: 'signals' },
      h('thead', {}, h('tr', {}, ['Stance', 'When (rule)', 'Why', 'Weight'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, signals.map((s) => h('tr', {},
        h('td', { 'data-label': 'Stance' }, badge('stance', s.stance)),
        h('td', { 'data-label': 'When' }, h('code', {}, text(s.rule))),
        h('td', { 'data-label': 'Why' }, text(s.why)),
        h('td', { 'data-label': 'Weight', class: 'num' }, text(s.weight))))))
      : h('p', { class: 'muted' }, 'No signals: events that involve its linked entities give REVIEW impacts.'),

    h('h2', {}, 'Implications'),
    h('div', { class: 'grid2' },
      h('div', { class: 'panel' }, h('h3', {}, 'This thesis moves'), implications.out.length
        ? h('ul', { class: 'plain', id: 'implications-out' }, implications.out.map((i) => implicationItem(i, true))) : h('p', { class: 'muted' }, 'Nothing.')),
      h('div', { class: 'panel' }, h('h3', {}, 'Moved by'), implications.in.length
        ? h('ul', { class: 'plain', id: 'implications-in' }, implications.in.map((i) => implicationItem(i, false))) : h('p', { class: 'muted' }, 'No other thesis.'))),

    h('h2', {}, 'State history'),
    historyBox);
  renderStatus(state);
  renderTimeline();
  renderHistory(history.statusChanges || []);
}

// ---------- inbox ----------

async function inboxView() {
  let shown = null;
  async function poll() {
    try {
      const inbox = await api('/api/inbox');
      apiUp();
      const now = JSON.stringify(inbox);
      if (now !== shown) { shown = now; renderInbox(inbox); }
    } catch (e) {
      if (e instanceof ApiDown) apiDown(e);
    }
  }
  const first = await api('/api/inbox');
  shown = JSON.stringify(first);
  renderInbox(first);
  const pollTimer = setInterval(poll, 5000); // no stream for the inbox: look again every few seconds
  leaveView = () => clearInterval(pollTimer);
}

function renderInbox(inbox) {
  const dead = inbox.deadLetters || { count: 0, reasons: [], recent: [] };
  const unmatched = inbox.unmatched || [];
  keepingFocus(main, () => show('inbox',
    h('h1', {}, 'Inbox'),
    h('h2', {}, `Unmatched events (${unmatched.length})`),
    h('p', { class: 'muted' }, 'Valid events no thesis cared about: candidates for a new thesis or a new signal. '
      + 'Each links to its JSON line: save it as event.jsonl and try a thesis with tip test VAULT event.jsonl.'),
    unmatched.length ? h('table', { class: 'cards', id: 'unmatched' },
      h('thead', {}, h('tr', {}, ['Headline', 'Type', 'Actor', 'Happened', 'JSON for tip test'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, unmatched.map((e) => h('tr', { 'data-event': e.id },
        h('td', { 'data-label': 'Headline' }, text(e.headline)),
        h('td', { 'data-label': 'Type' }, text(e.type)),
        h('td', { 'data-label': 'Actor' }, text(e.actor)),
        h('td', { 'data-label': 'Happened' }, day(e.occurredAt)),
        h('td', { 'data-label': 'JSON' }, h('a', { href: e.json, download: `${text(e.id)}.jsonl`, 'aria-label': `JSON of ${text(e.id)}`, 'data-focus': `json-${e.id}` }, 'event JSON'))))))
      : h('p', {}, 'No unmatched event.'),
    h('h2', {}, `Dead letters (${dead.count})`),
    h('p', { class: 'muted' }, 'Events tip rejected, kept on market-events.dlq with the reason.'),
    dead.reasons.length ? h('table', { class: 'cards', id: 'dead-letters' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Reason'), h('th', { scope: 'col', class: 'num' }, 'Count'))),
      h('tbody', {}, dead.reasons.map((r) => h('tr', {},
        h('td', { 'data-label': 'Reason' }, text(r.reason)), h('td', { 'data-label': 'Count', class: 'num' }, text(r.count))))))
      : h('p', {}, 'None.'),
    inbox.unreadableRecords ? h('p', { class: 'muted' }, `${inbox.unreadableRecords} records could not be read by this version (another schema).`) : null));
}

// ---------- start ----------

window.addEventListener('hashchange', () => { route(); focusMain(); });
document.querySelector('[data-skip]').addEventListener('click', (e) => { e.preventDefault(); focusMain(); });
connectStream();
route();
