// Guided routine player. Without JavaScript the page still lists every step and the
// "log it" form; this script adds the timer, rep counter, side switching and announcements.
(function () {
  'use strict';
  var root = document.getElementById('player');
  if (!root) { return; }
  var stage = root.querySelector('.stage');
  var nameEl = root.querySelector('.step-name');
  var countEl = root.querySelector('.step-count');
  var sideEl = root.querySelector('.step-side');
  var countdownEl = root.querySelector('.countdown');
  var repsEl = root.querySelector('.reps');
  var announcer = root.querySelector('.announcer');
  var startButton = root.querySelector('.start');
  var pauseButton = root.querySelector('.pause');
  var repButton = root.querySelector('.rep');
  var skipButton = root.querySelector('.skip');
  var soundBox = root.querySelector('.sound');
  var duration = root.querySelector('#durationSeconds');
  var logButton = root.querySelector('.log-it button');
  var msg = root.dataset;

  function number(value) { var n = parseInt(value, 10); return isNaN(n) ? null : n; }
  function format(template, values) {
    return template.replace(/\{(\d)\}/g, function (_, i) { return values[i]; });
  }

  // Each step becomes a list of segments: a timed hold or a set of reps, per side.
  var segments = [];
  var items = root.querySelectorAll('.steps li');
  items.forEach(function (item, index) {
    var d = item.dataset;
    d.name = item.querySelector('a').textContent.trim();
    var sides = d.perSide === 'true' ? 2 : 1;
    var hold = number(d.hold), reps = number(d.reps) || 1, sets = number(d.sets) || 1, seconds = number(d.seconds);
    for (var side = 1; side <= sides; side++) {
      if (seconds) {
        segments.push({ step: index, name: d.name, side: side, sides: sides, seconds: seconds });
      } else if (hold) {
        for (var r = 1; r <= reps * sets; r++) {
          segments.push({ step: index, name: d.name, side: side, sides: sides, seconds: hold, rep: r, of: reps * sets });
        }
      } else {
        segments.push({ step: index, name: d.name, side: side, sides: sides, reps: reps * sets });
      }
    }
  });

  var current = -1, remaining = 0, repsDone = 0, timer = null, paused = false, elapsed = 0, clock = null;

  function announce(text) { announcer.textContent = ''; window.setTimeout(function () { announcer.textContent = text; }, 50); }

  function beep() {
    if (!soundBox.checked || !window.AudioContext) { return; }
    var context = new AudioContext(), tone = context.createOscillator();
    tone.frequency.value = 660; tone.connect(context.destination); tone.start(); tone.stop(context.currentTime + 0.25);
  }

  function show(segment) {
    var firstOfStep = current === 0 || segments[current - 1].step !== segment.step;
    countEl.textContent = (segment.step + 1) + ' / ' + items.length;
    nameEl.textContent = segment.name;
    sideEl.textContent = segment.sides > 1 ? format(msg.msgSide, [segment.side, segment.sides]) : '';
    repButton.hidden = !segment.reps;
    if (segment.reps) {
      repsDone = 0;
      countdownEl.textContent = '';
      repsEl.textContent = '0 / ' + segment.reps;
      announce(format(msg.msgReps, [segment.name, segment.reps]) + ' ' + sideEl.textContent);
    } else {
      remaining = segment.seconds;
      repsEl.textContent = segment.of ? segment.rep + ' / ' + segment.of : '';
      countdownEl.textContent = remaining + ' s';
      if (firstOfStep || segment.sides > 1 && segment.rep === 1) {
        announce(format(msg.msgHold, [segment.name, segment.seconds]) + ' ' + sideEl.textContent);
      }
    }
    if (firstOfStep) { nameEl.focus(); }
  }

  function next() {
    current++;
    if (current >= segments.length) { return finish(); }
    show(segments[current]);
  }

  function tick() {
    if (paused) { return; }
    var segment = segments[current];
    if (!segment || segment.reps) { return; }
    remaining--;
    countdownEl.textContent = Math.max(remaining, 0) + ' s';
    if (remaining <= 0) { beep(); next(); }
  }

  function finish() {
    window.clearInterval(timer); window.clearInterval(clock);
    stage.hidden = true;
    duration.value = Math.max(1, elapsed);
    announce(msg.msgDone);
    logButton.focus();
  }

  startButton.addEventListener('click', function () {
    startButton.hidden = true;
    pauseButton.hidden = false; skipButton.hidden = false;
    timer = window.setInterval(tick, 1000);
    clock = window.setInterval(function () { if (!paused) { elapsed++; } }, 1000);
    next();
  });
  pauseButton.addEventListener('click', function () {
    paused = !paused;
    pauseButton.textContent = paused ? pauseButton.dataset.resume : pauseButton.dataset.pauseLabel;
    if (paused) { announce(msg.msgPaused); }
  });
  repButton.addEventListener('click', function () {
    var segment = segments[current];
    repsDone++;
    repsEl.textContent = repsDone + ' / ' + segment.reps;
    if (repsDone >= segment.reps) { next(); }
  });
  skipButton.addEventListener('click', function () {
    var step = segments[current] ? segments[current].step : -1;
    while (current + 1 < segments.length && segments[current + 1].step === step) { current++; }
    next();
  });

  // Before the start, the stage previews the first step (an empty heading says nothing).
  if (segments.length) {
    countEl.textContent = '1 / ' + items.length;
    nameEl.textContent = segments[0].name;
  }
  pauseButton.dataset.pauseLabel = pauseButton.textContent;
  pauseButton.hidden = true; skipButton.hidden = true; repButton.hidden = true;
  stage.hidden = false;
})();
