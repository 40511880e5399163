// Shows Limber's push notifications; a click opens the page the message names (the player
// for a break reminder), on Limber's own origin only.
self.addEventListener('push', function (event) {
  var data = event.data ? event.data.json() : {};
  event.waitUntil(self.registration.showNotification(data.title || 'Limber', {
    body: data.body || '',
    tag: data.tag,
    data: { url: data.url }
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var url = event.notification.data && event.notification.data.url;
  if (!url || new URL(url).origin !== self.location.origin) {
    url = self.location.origin + '/';
  }
  event.waitUntil(self.clients.openWindow(url));
});
