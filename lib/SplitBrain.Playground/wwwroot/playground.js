// Shows the player's pictures with the local plotly.js. The pictures are the lessons' own (SplitBrain.Visuals,
// Plotly.NET charts built in C# for the run cut at the scrubbed step, see ScrubbedPictures.cs); this script only
// hands each figure's JSON to Plotly.react, with the page's frame: the whole run's time axis, so the picture grows
// as you scrub, and a dotted line at the scrubbed moment. Nothing here decides a verdict or draws a mark of its own.
window.playground = (function () {
  'use strict';
  const config = { displayModeBar: false, responsive: true };
  const charts = ['spacetime', 'leaders', 'balances', 'history'];
  let pending = null, last = null;

  function frame(layout, now, end) {
    layout.xaxis = Object.assign({}, layout.xaxis, { range: [0, end], autorange: false });
    layout.shapes = (layout.shapes || []).concat([{ type: 'line', xref: 'x', yref: 'paper', x0: now, x1: now, y0: 0, y1: 1,
      line: { color: '#fa5252', width: 1, dash: 'dot' } }]);
    return layout;
  }

  // Called when plotly.js has loaded: draws the step the player asked for while it was loading.
  function plotlyReady() {
    if (pending !== null) draw.apply(null, pending);
  }

  // figures: the JSON of each chart in the order of `charts`, null for a chart this run does not have.
  function draw(step, now, end, figures) {
    if (typeof Plotly === 'undefined') { pending = [step, now, end, figures]; return; }
    pending = null;
    last = [step, now, end, figures];
    charts.forEach(function (id, k) {
      const json = figures[k];
      if (json === null || json === undefined) { Plotly.purge(id); return; }
      const figure = JSON.parse(json);
      Plotly.react(id, figure.data, frame(figure.layout, now, end), config);
    });
    document.body.setAttribute('data-drawn-step', String(step));
  }

  // Draws the last figures again: scripts/PlaygroundFigures times plotly.js alone with it.
  function redraw() {
    if (last !== null) draw.apply(null, last);
  }

  return { draw: draw, redraw: redraw, plotlyReady: plotlyReady };
})();
