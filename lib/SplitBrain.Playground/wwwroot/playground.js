// Shows the player's pictures with the local plotly.js. The pictures are the lessons' own (SplitBrain.Visuals,
// Plotly.NET charts built in C# for the run cut at the scrubbed step, see ScrubbedPictures.cs); this script only
// hands each figure's JSON to Plotly.react, with the page's frame: the whole run's time axis, so the picture grows
// as you scrub, and a dotted line at the scrubbed moment. Nothing here decides a verdict or draws a mark of its own.
window.playground = (function () {
  'use strict';
  const config = { displayModeBar: false, responsive: true };
  const charts = ['spacetime', 'leaders', 'balances', 'history'];
  const unchanged = '='; // ScrubbedPictures.Unchanged: the figure is the one drawn last time
  const sharedTemplate = 'T'; // ScrubbedPictures.SharedTemplate: the figure's layout.template is `template`
  const drawn = {}; // chart id -> { json, shape: index of the dotted line in its layout.shapes }
  let pending = null, last = null, plotly = null;
  let template = null; // the JSON text of the template the figures leave out (ScrubbedPictures.Template), sent once

  function frame(layout, now, end) {
    layout.xaxis = Object.assign({}, layout.xaxis, { range: [0, end], autorange: false });
    layout.shapes = (layout.shapes || []).concat([moment(now)]);
    return layout;
  }

  function moment(now) {
    return { type: 'line', xref: 'x', yref: 'paper', x0: now, x1: now, y0: 0, y1: 1, line: { color: '#fa5252', width: 1, dash: 'dot' } };
  }

  // Resolves once the browser has painted what is on the page now (the first verdict), so heavy work comes after it.
  function afterPaint() {
    return new Promise(function (done) { requestAnimationFrame(function () { setTimeout(done, 0); }); });
  }

  // plotly.js (4.6 MB) is fetched when the first picture is drawn, after the verdict is on screen, not before it.
  function loadPlotly() {
    if (plotly === null) {
      plotly = document.createElement('script');
      plotly.src = 'plotly.min.js';
      plotly.onload = plotlyReady;
      document.body.appendChild(plotly);
    }
  }

  // Called when plotly.js has loaded: draws the step the player asked for while it was loading.
  function plotlyReady() {
    if (pending !== null) draw.apply(null, pending);
  }

  // A figure from its JSON; one sent without its template gets the template back, so it is the lesson's figure.
  function parse(json) {
    if (json.charAt(0) !== sharedTemplate) return JSON.parse(json);
    const figure = JSON.parse(json.slice(1));
    figure.layout.template = JSON.parse(template);
    return figure;
  }

  // figures: the JSON of each chart in the order of `charts`, null for a chart this run does not have, '=' for a
  // chart whose figure is the one drawn last time (only its dotted line moves). newTemplate: the template's JSON
  // when it is not the one sent before, else null.
  function draw(step, now, end, figures, newTemplate) {
    if (typeof newTemplate === 'string') template = newTemplate;
    if (typeof Plotly === 'undefined') {
      // Keep what a later call leaves unchanged from an earlier one that was never drawn.
      if (pending !== null) figures = figures.map(function (json, k) { return json === unchanged ? pending[3][k] : json; });
      pending = [step, now, end, figures];
      loadPlotly();
      return;
    }
    pending = null;
    charts.forEach(function (id, k) {
      let json = figures[k];
      if (json === unchanged && drawn[id]) {
        Plotly.relayout(id, { ['shapes[' + drawn[id].shape + ']']: moment(now) });
        return;
      }
      if (json === unchanged) json = null;
      if (json === null || json === undefined) { delete drawn[id]; Plotly.purge(id); return; }
      const figure = parse(json);
      const layout = frame(figure.layout, now, end);
      Plotly.react(id, figure.data, layout, config);
      drawn[id] = { json: json, shape: layout.shapes.length - 1 };
    });
    last = [step, now, end, charts.map(function (id) { return drawn[id] ? drawn[id].json : null; })];
    document.body.setAttribute('data-drawn-step', String(step));
  }

  // Draws the last figures again in full, every chart or only the one with the id `only`: scripts/PlaygroundFigures
  // times plotly.js alone with it.
  function redraw(only) {
    if (last === null) return;
    if (only === undefined) { draw.apply(null, last); return; }
    draw(last[0], last[1], last[2], last[3].map(function (json, k) { return charts[k] === only ? json : unchanged; }));
  }

  return { draw: draw, redraw: redraw, afterPaint: afterPaint, loadPlotly: loadPlotly, plotlyReady: plotlyReady };
})();
