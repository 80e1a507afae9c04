// Draws the player's pictures with the local plotly.js, up to the scrubbed step. The run itself is computed by the
// real simulator (C#, in WebAssembly); this script only turns the data of RunPicture.cs into three figures:
// the space-time diagram, the leadership timeline and the balances. Nothing here decides a verdict.
window.playground = (function () {
  'use strict';
  let run = null;
  const config = { displayModeBar: false, responsive: true };
  const markColors = {
    Elected: '#2b8a3e', SteppedDown: '#868e96', LeaseGranted: '#2b8a3e', LeaseExpired: '#868e96',
    WriteAccepted: '#1c7ed6', WriteRejected: '#e03131', Acknowledged: '#f08c00', JobRun: '#7048e8',
    Pause: '#495057', Resume: '#495057', Crash: '#000000', Restart: '#000000',
    Partition: '#c92a2a', Cut: '#c92a2a', Heal: '#2f9e44', ClockChange: '#ae3ec9'
  };
  const markSymbols = { WriteRejected: 'x', Crash: 'x-thin-open', Pause: 'line-ns-open', Resume: 'line-ns-open' };

  function load(json) { run = JSON.parse(json); }

  function timeAt(step) {
    if (!run || run.times.length === 0) return 0;
    return run.times[Math.max(0, Math.min(step, run.times.length - 1))];
  }

  function nowLine(now) {
    return { type: 'line', xref: 'x', yref: 'paper', x0: now, x1: now, y0: 0, y1: 1, line: { color: '#fa5252', width: 1, dash: 'dot' } };
  }

  function spaceTime(step, now) {
    const t = run.times;
    const arrows = { x: [], y: [] }, lost = { x: [], y: [] }, flying = { x: [], y: [] };
    for (const [s, e, from, to, drop] of run.messages) {
      if (s > step) break;
      if (e >= 0 && e <= step) {
        const target = drop ? lost : arrows;
        const reach = drop ? 0.4 : 1;
        target.x.push(t[s], t[e], null);
        target.y.push(from, from + (to - from) * reach, null);
      } else {
        flying.x.push(t[s], now, null);
        flying.y.push(from, from + (to - from) * 0.5, null);
      }
    }
    const data = [
      { type: 'scatter', mode: 'lines', name: 'delivered', x: arrows.x, y: arrows.y, line: { color: 'rgba(73,80,87,0.45)', width: 1 }, hoverinfo: 'skip' },
      { type: 'scatter', mode: 'lines', name: 'lost', x: lost.x, y: lost.y, line: { color: 'rgba(224,49,49,0.8)', width: 1, dash: 'dash' }, hoverinfo: 'skip' },
      { type: 'scatter', mode: 'lines', name: 'in flight', x: flying.x, y: flying.y, line: { color: 'rgba(28,126,214,0.6)', width: 1, dash: 'dot' }, hoverinfo: 'skip' }
    ];
    const groups = {};
    for (const [s, lane, kind, text] of run.marks) {
      if (s > step) break;
      const g = groups[kind] || (groups[kind] = { x: [], y: [], text: [] });
      g.x.push(t[s]); g.y.push(lane); g.text.push(text);
    }
    for (const kind of Object.keys(groups)) {
      const g = groups[kind];
      data.push({ type: 'scatter', mode: 'markers', name: kind, x: g.x, y: g.y, text: g.text, hoverinfo: 'text',
        marker: { size: kind === 'WriteRejected' ? 12 : 9, color: markColors[kind] || '#343a40', symbol: markSymbols[kind] || 'circle' } });
    }
    const lanes = run.nodes.map((_, i) => i);
    Plotly.react('spacetime', data, {
      title: { text: 'Space-time diagram: one lane per node, up to t=' + now.toFixed(3) + ' s' },
      height: 120 + 48 * (run.nodes.length + 1), margin: { l: 90, r: 20, t: 40, b: 40 },
      xaxis: { title: { text: 'virtual time (s)' }, range: [0, run.end], zeroline: false },
      yaxis: { tickvals: [-1].concat(lanes), ticktext: ['network'].concat(run.nodes), range: [run.nodes.length - 0.5, -1.5], zeroline: false },
      shapes: [nowLine(now)], showlegend: true, legend: { orientation: 'h', y: -0.25 }
    }, config);
  }

  function leaders(step, now) {
    const t = run.times;
    const data = [];
    let open = 0;
    for (const [lane, term, from, until] of run.leaders) {
      if (from > step) continue;
      const ended = until >= 0 && until <= step;
      if (!ended) open++;
      const end = ended ? t[until] : now;
      data.push({ type: 'scatter', mode: 'lines+text', x: [t[from], end], y: [run.nodes[lane], run.nodes[lane]],
        text: ['term ' + term, ''], textposition: 'top right', hoverinfo: 'text', hovertext: run.nodes[lane] + ' leads term ' + term,
        line: { width: 14, color: ['#1c7ed6', '#f08c00', '#2b8a3e', '#ae3ec9', '#e03131'][term % 5] }, showlegend: false });
    }
    Plotly.react('leaders', data, {
      title: { text: open > 1 ? open + ' leaders at t=' + now.toFixed(3) + ' s: split brain' : 'Who leads, by term (overlapping bars: split brain)' },
      height: 120 + 30 * run.nodes.length, margin: { l: 90, r: 20, t: 40, b: 40 },
      xaxis: { title: { text: 'virtual time (s)' }, range: [0, run.end] },
      yaxis: { type: 'category', categoryorder: 'array', categoryarray: run.nodes.slice().reverse() },
      shapes: [nowLine(now)]
    }, config);
  }

  function balances(step, now) {
    const t = run.times;
    const data = [];
    for (const name of Object.keys(run.balances)) {
      const x = [], y = [];
      for (const [s, dollars] of run.balances[name]) {
        if (s > step) break;
        x.push(t[s]); y.push(dollars);
      }
      if (x.length > 0) { x.push(now); y.push(y[y.length - 1]); }
      data.push({ type: 'scatter', mode: 'lines', name: name, x: x, y: y, line: { shape: 'hv', width: name === 'cash paid out' ? 3 : 2 } });
    }
    const empty = data.length === 0;
    Plotly.react('balances', data, {
      title: { text: empty ? 'No bank in this scenario: no balances to draw' : 'Balances up to t=' + now.toFixed(3) + ' s' },
      height: empty ? 120 : 300, margin: { l: 60, r: 20, t: 40, b: 40 },
      xaxis: { title: { text: 'virtual time (s)' }, range: [0, run.end] }, yaxis: { title: { text: '$' } },
      shapes: [nowLine(now)]
    }, config);
  }

  let pending = null;

  // Called when plotly.js has loaded: draws the step the player asked for while it was loading.
  function plotlyReady() {
    if (pending !== null) draw(pending);
  }

  function draw(step) {
    if (typeof Plotly === 'undefined') { pending = step; return; }
    pending = null;
    if (!run) return;
    const now = timeAt(step);
    spaceTime(step, now);
    leaders(step, now);
    balances(step, now);
    document.body.setAttribute('data-drawn-step', String(step));
  }

  return { load: load, draw: draw, plotlyReady: plotlyReady };
})();
