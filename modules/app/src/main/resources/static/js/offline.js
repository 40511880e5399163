// Offline support for every page, with the service worker (/sw.js): says plainly when the
// browser is offline, asks the worker to keep the routines a page links to, and keeps a
// routine finished without a network on this device until it can be logged. It is sent with
// the idempotency key the player got when the routine started, so however often it is sent
// (a retry, a second tab, the "log it" button afterwards), it counts once, and only for the
// person who finished it.
(function () {
  'use strict';
  var PENDING = 'limber.offline.pending';
  var status = document.getElementById('connection');
  if (!status) { return; }
  var text = status.dataset;
  var flushing = null;

  function say(message) { status.textContent = message; }

  // What is kept, less what nobody could log any more (the server takes up to 72 hours back).
  function pending() {
    var list;
    try { list = JSON.parse(window.localStorage.getItem(PENDING)) || []; } catch (e) { list = []; }
    var oldest = Date.now() - 7 * 24 * 3600 * 1000;
    return list.filter(function (entry) { return Date.parse(entry.completedAt) > oldest; });
  }

  function store(list) {
    if (list.length) { window.localStorage.setItem(PENDING, JSON.stringify(list)); }
    else { window.localStorage.removeItem(PENDING); }
  }

  function remember(entry) {
    store(pending().filter(function (other) { return other.key !== entry.key; }).concat([entry]));
  }

  function forget(key) {
    store(pending().filter(function (other) { return other.key !== key; }));
  }

  function csrf() {
    var field = document.querySelector('input[name="_csrf"]');
    return field ? field.value : null;
  }

  // 'logged', 'refused' (the server will never take it: too old, unknown routine) or 'later'
  // (no network, signed out, a server in trouble).
  function send(entry, token) {
    var body = new URLSearchParams();
    body.set('logKey', entry.key);
    body.set('durationSeconds', entry.durationSeconds);
    body.set('completedAt', entry.completedAt);
    body.set('_csrf', token);
    return window.fetch(entry.action, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok && new URL(response.url).pathname === '/history') { return 'logged'; }
        if (response.status === 400 || response.status === 404 || response.status === 422) { return 'refused'; }
        return 'later';
      }, function () { return 'later'; });
  }

  // Sends what was kept, one after the other; resolves to how many were logged.
  function flush() {
    var token = csrf();
    // only what this person finished: someone else may have signed in since
    var list = pending().filter(function (entry) { return entry.member === text.member; });
    if (flushing) { return flushing; }
    if (!token || !text.member || !list.length || !navigator.onLine) { return Promise.resolve(0); }
    var logged = 0, refused = 0;
    flushing = list.reduce(function (previous, entry) {
      return previous.then(function () {
        return send(entry, token).then(function (outcome) {
          if (outcome === 'later') { return; }
          forget(entry.key);
          if (outcome === 'logged') { logged++; } else { refused++; }
        });
      });
    }, Promise.resolve()).then(function () {
      flushing = null;
      if (refused) { say(text.refused); }
      else if (logged) { say(logged === 1 ? text.loggedOne : text.loggedMany.replace('{0}', logged)); }
      document.dispatchEvent(new CustomEvent('limber:offline-flushed', { detail: { logged: logged } }));
      return logged;
    });
    return flushing;
  }

  function showConnection() {
    if (!navigator.onLine) { say(text.offline); }
    else if (status.textContent === text.offline) { say(text.online); }
  }

  window.addEventListener('offline', showConnection);
  window.addEventListener('online', function () { showConnection(); flush(); });
  showConnection();

  // The player: a fresh key when a routine starts; a routine finished (or "log it" pressed)
  // while offline is kept with its key and the time it ended, and the form carries the same
  // time, so the kept entry and the form are one request to the server.
  var player = document.getElementById('player');
  var form = player && player.querySelector('form.log-it');
  if (form) {
    var finishedAt = null;
    var entryOf = function () {
      var completedAt = form.querySelector('input[name="completedAt"]');
      if (!completedAt) {
        completedAt = document.createElement('input');
        completedAt.type = 'hidden';
        completedAt.name = 'completedAt';
        form.appendChild(completedAt);
      }
      completedAt.value = completedAt.value || (finishedAt || new Date()).toISOString();
      return { key: form.elements.logKey.value, member: text.member, action: form.getAttribute('action'),
        title: document.title, durationSeconds: form.elements.durationSeconds.value, completedAt: completedAt.value };
    };
    var keep = function () { remember(entryOf()); say(text.saved); };
    var isKept = function () {
      var key = form.elements.logKey.value;
      return pending().some(function (entry) { return entry.key === key; });
    };
    player.addEventListener('limber:routine-started', function () {
      if (window.crypto && window.crypto.randomUUID) { form.elements.logKey.value = window.crypto.randomUUID(); }
    });
    player.addEventListener('limber:routine-finished', function () {
      finishedAt = new Date();
      if (!navigator.onLine) { keep(); }
    });
    form.addEventListener('submit', function (event) {
      if (!navigator.onLine) { event.preventDefault(); keep(); return; }
      if (isKept()) {
        // kept while offline and not sent yet: send it now, as the kept entry
        event.preventDefault();
        remember(entryOf());
        flush().then(function () {
          if (!isKept()) { window.location.assign('/history?logged=' + form.getAttribute('action').split('/')[2]); }
        });
      }
    });
  }

  // A moment after the page has loaded: on a slow phone, installing the worker and storing
  // pages for later must not compete with showing this one.
  window.addEventListener('load', function () {
    window.setTimeout(function () {
      flush();
      if ('serviceWorker' in navigator) { registerWorker(); }
    }, 2000);
  });

  function registerWorker() {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* works on without offline pages */ });
    navigator.serviceWorker.ready.then(tellWorker);
  }

  function tellWorker(registration) {
    var worker = registration.active;
    if (!worker) { return; }
    worker.postMessage({ type: 'language', language: document.documentElement.lang });
    if (document.querySelector('form.sign-out')) {
      var links = [].map.call(document.querySelectorAll('main a[href^="/routines/"], #player a[href^="/library/"]'),
        function (link) { return link.getAttribute('href'); });
      if (links.length) { worker.postMessage({ type: 'keep', urls: links }); }
    }
  }
})();
