// The moving figure of the routine player: loads an exercise's animated SVG (served with an
// ETag, so each is fetched once) and plays it in time with the step. A hold moves into the
// pose and stays there; reps and timed moves loop. With prefers-reduced-motion the figure
// does not move: the keyframes are shown side by side instead.
(function () {
  'use strict';
  var reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var texts = {};

  function load(slug) {
    if (!texts[slug]) {
      texts[slug] = fetch('/library/' + encodeURIComponent(slug) + '/illustration.svg', { credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.text() : ''; })
        .catch(function () { return ''; });
    }
    return texts[slug];
  }

  function PlayerFigure(box, stills) {
    this.box = box;
    this.stills = stills;
    this.svg = null;
    this.mode = 'still';
    this.paused = false;
    this.watch = null;
  }

  // Shows an exercise; side 2 of a two-sided step is drawn mirrored.
  PlayerFigure.prototype.show = function (slug, keyframes, mirrored) {
    var self = this;
    this.box.classList.toggle('mirrored', !!mirrored);
    this.stills.classList.toggle('mirrored', !!mirrored);
    this.slug = slug;
    if (reduced) {
      this.box.hidden = true;
      this.stills.hidden = false;
      this.stills.textContent = '';
      for (var n = 1; n <= keyframes; n++) {
        var item = document.createElement('li'), picture = document.createElement('img');
        picture.src = '/library/' + encodeURIComponent(slug) + '/illustration/' + n + '.svg';
        picture.alt = '';
        picture.width = 160; picture.height = 120;
        item.appendChild(picture);
        this.stills.appendChild(item);
      }
      return Promise.resolve();
    }
    return load(slug).then(function (text) {
      if (self.slug !== slug) { return; }
      var parsed = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      self.box.textContent = '';
      if (!parsed || parsed.nodeName !== 'svg') { self.svg = null; return; }
      self.svg = document.importNode(parsed, true);
      self.box.appendChild(self.svg);
      self.svg.pauseAnimations();
    });
  };

  // Seconds of one loop through the keyframes: the pace of one repetition.
  PlayerFigure.prototype.cycle = function () {
    var seconds = this.svg && Number(this.svg.getAttribute('data-cycle'));
    return seconds > 0 ? seconds : 4;
  };

  PlayerFigure.prototype.lastKeyTime = function () {
    var times = this.svg && this.svg.getAttribute('data-key-times');
    return times ? Number(times.split(',').pop()) : 0;
  };

  PlayerFigure.prototype.play = function (mode) {
    var self = this;
    this.mode = mode;
    window.clearInterval(this.watch);
    if (!this.svg || !this.svg.setCurrentTime) { return; }
    this.svg.setCurrentTime(0);
    if (!this.paused) { this.svg.unpauseAnimations(); }
    if (mode === 'hold') {
      // stop where the move arrives, and stay there for the rest of the hold
      this.watch = window.setInterval(function () {
        if (self.svg && self.svg.getCurrentTime() >= self.lastKeyTime()) {
          self.svg.pauseAnimations();
          self.svg.setCurrentTime(self.lastKeyTime());
          window.clearInterval(self.watch);
          self.mode = 'held';
        }
      }, 100);
    }
  };

  PlayerFigure.prototype.pause = function () {
    this.paused = true;
    if (this.svg && this.svg.pauseAnimations) { this.svg.pauseAnimations(); }
  };

  PlayerFigure.prototype.resume = function () {
    this.paused = false;
    if (this.svg && this.svg.unpauseAnimations && this.mode !== 'held') { this.svg.unpauseAnimations(); }
  };

  window.LimberPlayerFigure = PlayerFigure;
})();
