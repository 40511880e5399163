// Subscribes this browser to push notifications and hands the subscription to the page's
// form (CSRF-protected), which stores it. The service worker shows what arrives.
(function () {
  'use strict';
  var form = document.getElementById('push-device');
  var button = document.getElementById('push-enable');
  var status = document.getElementById('push-status');
  if (!form || !button) {
    return;
  }
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) {
    status.textContent = status.dataset.unsupported;
    button.disabled = true;
    return;
  }
  function key(base64url) {
    var padded = (base64url + '===='.slice(base64url.length % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }
  button.addEventListener('click', function () {
    Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') {
        status.textContent = status.dataset.denied;
        return null;
      }
      return navigator.serviceWorker.register('/js/push-worker.js', { scope: '/js/' })
        .then(function (registration) { return navigator.serviceWorker.ready.then(function () { return registration; }); })
        .then(function (registration) {
          return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key(form.dataset.serverKey) });
        })
        .then(function (subscription) {
          var json = subscription.toJSON();
          form.elements.endpoint.value = json.endpoint;
          form.elements.p256dh.value = json.keys.p256dh;
          form.elements.auth.value = json.keys.auth;
          form.submit();
        });
    }).catch(function () {
      status.textContent = status.dataset.unsupported;
    });
  });
}());
