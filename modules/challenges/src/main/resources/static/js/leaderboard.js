// Keeps the leaderboard table current from the page's server-sent event stream.
(function () {
  'use strict';
  var board = document.getElementById('leaderboard');
  var script = document.currentScript;
  if (!board || !script || !window.EventSource) { return; }
  var status = document.getElementById('leaderboard-status');
  // one decimal, written the way the page's language writes numbers (2.5 or 2,5)
  var format = function (value) {
    return Number(value).toLocaleString(document.documentElement.lang || undefined,
      { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  };
  var cell = function (tag, text) { var el = document.createElement(tag); el.textContent = text; return el; };

  function render(view) {
    var body = document.getElementById('leaderboard-teams');
    var rows = document.createDocumentFragment();
    view.teams.forEach(function (team) {
      var row = document.createElement('tr');
      row.appendChild(cell('td', team.rank != null ? team.rank : script.dataset.unranked));
      var name = cell('th', team.name);
      name.setAttribute('scope', 'row');
      row.appendChild(name);
      if (team.fewerThan != null) {
        // a team of fewer than k contributors has no figures to show, only that it is small
        var small = cell('td', script.dataset.fewer.replace('{0}', team.fewerThan));
        small.setAttribute('colspan', '3');
        row.appendChild(small);
      } else {
        row.appendChild(cell('td', team.members));
        row.appendChild(cell('td', format(team.average)));
        row.appendChild(cell('td', format(team.total)));
      }
      rows.appendChild(row);
    });
    body.replaceChildren(rows);
    var you = document.getElementById('leaderboard-you');
    if (you && view.you && script) {
      you.textContent = script.dataset.you.replace('{0}', format(view.you.contribution))
        .replace('{1}', view.you.team || '-');
    }
    if (status && script) { status.textContent = script.dataset.updated; }
    board.dataset.updatedAt = view.updatedAt;
  }

  var source = new EventSource(board.dataset.live);
  source.addEventListener('standing', function (event) { render(JSON.parse(event.data)); });
})();
