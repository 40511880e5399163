// Guided routine player. Without JavaScript the page still lists every step with its
// instructions and the "log it" form; this script coaches through them: the moving figure,
// the step's instructions and cue, a progress ring for holds, counted reps, the side, what
// comes next, optional spoken cues, the screen kept awake, keyboard shortcuts, and a paused
// routine that survives a reload.
(function () {
  'use strict';
  var root = document.getElementById('player');
  if (!root) { return; }
  var $ = function (selector) { return root.querySelector(selector); };
  var stage = $('.stage');
  var nameEl = $('.step-name'), countEl = $('.step-count'), sideEl = $('.step-side');
  var instructionEl = $('.step-instruction'), cueEl = $('.step-cue');
  var countdownEl = $('.countdown'), ringEl = $('.ring-fill'), repsEl = $('.reps');
  var nextName = $('.next-name'), nextPicture = $('.next-picture');
  var announcer = $('.announcer');
  var startButton = $('.start'), restartButton = $('.restart'), pauseButton = $('.pause');
  var repButton = $('.rep'), skipButton = $('.skip');
  var soundBox = $('.sound'), speakBox = $('.speak');
  var duration = $('#durationSeconds');
  var logButton = $('.log-it button');
  var msg = root.dataset;
  var figure = new window.LimberPlayerFigure($('.figure-box'), $('.figure-stills'));
  var storageKey = 'limber.player.' + msg.routine;
  var RING = 2 * Math.PI * 44;

  function number(value) { var n = parseInt(value, 10); return isNaN(n) ? null : n; }
  function format(template, values) {
    return template.replace(/\{(\d)\}/g, function (_, i) { return values[i]; });
  }

  // Each step becomes a list of segments: a timed hold, a timed move or a set of reps, per side.
  var segments = [];
  var items = root.querySelectorAll('ol.steps > li');
  items.forEach(function (item, index) {
    var d = item.dataset;
    var step = {
      index: index,
      name: item.querySelector('a').textContent.trim(),
      exercise: d.exercise,
      keyframes: number(d.keyframes) || 1,
      picture: item.querySelector('.step-picture').getAttribute('src'),
      instructions: Array.prototype.map.call(item.querySelectorAll('.how-to li'), function (li) { return li.textContent; }),
      cue: item.querySelector('.cue') ? item.querySelector('.cue span').textContent.trim() : ''
    };
    var sides = d.perSide === 'true' ? 2 : 1;
    var hold = number(d.hold), reps = number(d.reps) || 1, sets = number(d.sets) || 1, seconds = number(d.seconds);
    for (var side = 1; side <= sides; side++) {
      if (seconds) {
        segments.push({ step: step, side: side, sides: sides, seconds: seconds });
      } else if (hold) {
        for (var r = 1; r <= reps * sets; r++) {
          segments.push({ step: step, side: side, sides: sides, seconds: hold, rep: r, of: reps * sets });
        }
      } else {
        segments.push({ step: step, side: side, sides: sides, reps: reps * sets });
      }
    }
  });

  var current = -1, remaining = 0, repsDone = 0, segmentElapsed = 0, elapsed = 0;
  var timer = null, playing = false, paused = false, wakeLock = null;

  function announce(text) {
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
    speak(text);
  }

  // Spoken cues in the page's language, only when asked for.
  function speak(text) {
    if (!speakBox.checked || !window.speechSynthesis || !text) { return; }
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || 'en';
    window.speechSynthesis.speak(utterance);
  }

  function beep() {
    if (!soundBox.checked || !window.AudioContext) { return; }
    var context = new AudioContext(), tone = context.createOscillator();
    tone.frequency.value = 660; tone.connect(context.destination); tone.start(); tone.stop(context.currentTime + 0.25);
  }

  // Keeps the screen on while a routine plays, where the browser offers it.
  function keepAwake() {
    if (!('wakeLock' in navigator) || wakeLock) { return; }
    navigator.wakeLock.request('screen').then(function (lock) {
      wakeLock = lock;
      lock.addEventListener('release', function () { wakeLock = null; });
    }).catch(function () { wakeLock = null; });
  }
  function letSleep() { if (wakeLock) { wakeLock.release(); wakeLock = null; } }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && playing && !paused) { keepAwake(); }
  });

  function ring(fraction) {
    ringEl.setAttribute('stroke-dashoffset', String(RING * (1 - Math.max(0, Math.min(1, fraction)))));
  }

  function save() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({
        current: current, remaining: remaining, repsDone: repsDone, segmentElapsed: segmentElapsed,
        elapsed: elapsed, savedAt: Date.now()
      }));
    } catch (ignored) { /* private mode: the routine just starts over after a reload */ }
  }
  function saved() {
    try {
      var state = JSON.parse(localStorage.getItem(storageKey) || 'null');
      var fresh = state && Date.now() - state.savedAt < 12 * 3600 * 1000;
      return fresh && state.current >= 0 && state.current < segments.length ? state : null;
    } catch (ignored) { return null; }
  }
  function forget() { try { localStorage.removeItem(storageKey); } catch (ignored) { /* nothing kept */ } }

  function nextStepAfter(index) {
    for (var i = index + 1; i < segments.length; i++) {
      if (segments[i].step !== segments[index].step) { return segments[i].step; }
    }
    return null;
  }

  function showNext(index) {
    var upcoming = nextStepAfter(index);
    nextPicture.hidden = !upcoming;
    if (upcoming) {
      nextPicture.src = upcoming.picture;
      nextName.textContent = upcoming.name;
    } else {
      nextName.textContent = msg.msgLast;
    }
  }

  // Shows segment `index`; `resumed` keeps the time and reps a saved routine had.
  function show(index, resumed) {
    var segment = segments[index], step = segment.step;
    var firstOfStep = index === 0 || segments[index - 1].step !== step;
    countEl.textContent = (step.index + 1) + ' / ' + items.length;
    nameEl.textContent = step.name;
    sideEl.textContent = segment.sides > 1 ? (segment.side === 1 ? msg.msgRight : msg.msgLeft) : '';
    instructionEl.textContent = '';
    step.instructions.forEach(function (text) {
      var li = document.createElement('li'); li.textContent = text; instructionEl.appendChild(li);
    });
    cueEl.textContent = step.cue;
    showNext(index);
    repButton.hidden = !segment.reps;
    if (!resumed) { repsDone = 0; segmentElapsed = 0; remaining = segment.seconds || 0; }
    figure.show(step.exercise, step.keyframes, segment.side === 2).then(function () {
      if (current === index) { figure.play(segment.seconds && segment.rep ? 'hold' : 'loop'); }
    });
    var spoken;
    if (segment.reps) {
      countdownEl.textContent = '';
      repsEl.textContent = repsDone + ' / ' + segment.reps;
      ring(repsDone / segment.reps);
      spoken = format(msg.msgReps, [step.name, segment.reps]);
    } else {
      repsEl.textContent = segment.of ? segment.rep + ' / ' + segment.of : '';
      countdownEl.textContent = remaining + ' s';
      ring(1 - remaining / segment.seconds);
      spoken = format(msg.msgHold, [step.name, segment.seconds]);
    }
    if (firstOfStep || (segment.sides > 1 && (segment.rep || 1) === 1)) {
      announce(spoken + ' ' + sideEl.textContent + (firstOfStep && step.cue ? ' ' + step.cue : ''));
    }
    if (firstOfStep) { nameEl.focus(); }
    save();
  }

  function go(index) {
    current = index;
    if (current >= segments.length) { return finish(); }
    show(current, false);
  }

  function next() { go(current + 1); }

  function tick() {
    if (paused) { return; }
    elapsed++;
    var segment = segments[current];
    if (!segment) { return; }
    segmentElapsed++;
    if (segment.reps) {
      // reps are counted at the pace of the figure, one loop per repetition
      var counted = Math.floor(segmentElapsed / figure.cycle());
      if (counted > repsDone) { countRep(counted); }
    } else {
      remaining--;
      countdownEl.textContent = Math.max(remaining, 0) + ' s';
      ring(1 - Math.max(remaining, 0) / segment.seconds);
      if (remaining <= 0) { beep(); next(); return; }
    }
    save();
  }

  function countRep(count) {
    var segment = segments[current];
    repsDone = Math.min(count, segment.reps);
    repsEl.textContent = repsDone + ' / ' + segment.reps;
    ring(repsDone / segment.reps);
    speak(format(msg.msgRep, [repsDone, segment.reps]));
    if (repsDone >= segment.reps) { next(); }
  }

  function firstSegmentOf(stepIndex) {
    for (var i = 0; i < segments.length; i++) {
      if (segments[i].step.index === stepIndex) { return i; }
    }
    return segments.length;
  }

  function skipStep() { go(firstSegmentOf(segments[current].step.index + 1)); }
  function previousStep() { go(firstSegmentOf(Math.max(0, segments[current].step.index - 1))); }

  function setPaused(value) {
    paused = value;
    pauseButton.textContent = paused ? pauseButton.dataset.resume : pauseButton.dataset.pauseLabel;
    if (paused) {
      figure.pause(); letSleep(); save(); announce(msg.msgPaused);
    } else {
      figure.resume(); keepAwake();
    }
  }

  // The routine is done: the one place that completes it (logging hooks in here).
  function finish() {
    window.clearInterval(timer);
    playing = false;
    figure.pause();
    letSleep();
    forget();
    stage.hidden = true;
    duration.value = Math.max(1, elapsed);
    announce(msg.msgDone);
    logButton.focus();
    root.dispatchEvent(new CustomEvent('limber:routine-finished')); // offline.js keeps it when offline
  }

  function begin(state) {
    startButton.hidden = true; restartButton.hidden = true;
    pauseButton.hidden = false; skipButton.hidden = false;
    playing = true;
    keepAwake();
    timer = window.setInterval(tick, 1000);
    if (state) {
      elapsed = state.elapsed || 0;
      current = state.current; remaining = state.remaining; repsDone = state.repsDone;
      segmentElapsed = state.segmentElapsed || 0;
      show(current, true);
      nameEl.focus();
    } else {
      root.dispatchEvent(new CustomEvent('limber:routine-started')); // offline.js: the key this run is logged with
      next();
    }
  }

  var resumable = saved();
  startButton.addEventListener('click', function () { begin(resumable); });
  restartButton.addEventListener('click', function () { forget(); resumable = null; begin(null); });
  pauseButton.addEventListener('click', function () { setPaused(!paused); });
  repButton.addEventListener('click', function () {
    segmentElapsed = (repsDone + 1) * figure.cycle();
    countRep(repsDone + 1);
  });
  skipButton.addEventListener('click', skipStep);

  // Space pauses or resumes, the arrow keys go to the previous or next step (documented on the page).
  document.addEventListener('keydown', function (event) {
    if (!playing || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target, tag = target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) { return; }
    if (event.key === ' ' && tag !== 'BUTTON' && tag !== 'A' && tag !== 'SUMMARY') {
      event.preventDefault(); setPaused(!paused);
    } else if (event.key === 'ArrowRight') {
      event.preventDefault(); skipStep();
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault(); previousStep();
    }
  });

  // Before the start, the stage previews the first step (or where a paused routine stopped).
  var preview = resumable ? resumable.current : 0;
  if (segments.length) {
    countEl.textContent = (segments[preview].step.index + 1) + ' / ' + items.length;
    nameEl.textContent = segments[preview].step.name;
    figure.show(segments[preview].step.exercise, segments[preview].step.keyframes, false);
    showNext(preview);
  }
  if (resumable) { startButton.textContent = startButton.dataset.continue; }
  restartButton.hidden = !resumable;
  pauseButton.dataset.pauseLabel = pauseButton.textContent;
  pauseButton.hidden = true; skipButton.hidden = true; repButton.hidden = true;
  stage.removeAttribute('data-loading'); // its place was kept, so nothing on the page moves
})();
