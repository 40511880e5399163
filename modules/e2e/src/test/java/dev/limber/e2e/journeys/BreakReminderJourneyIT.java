package dev.limber.e2e.journeys;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.limber.e2e.support.BrowserSuite;
import dev.limber.e2e.support.LocalPushService;
import dev.limber.e2e.support.Run;
import dev.limber.e2e.support.Visit;
import dev.limber.e2e.support.Visits;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employee turns on break reminders for this browser, sets their working day so that a
 * break begins now, gets the reminder from Limber's own scheduler and outbox, and its
 * click opens the routine player (after the safety questions, which a new employee
 * answers first); then removes the device and deletes their data, leaving the demo
 * employee fresh.
 *
 * <p>
 * Real: the pages and forms, the notification permission (granted to the origin as a
 * person would), the service worker's registration, the reminder scheduled from the saved
 * working day, the encrypted and VAPID-signed push request, the service worker's push
 * event (delivered by DevTools) with its notification, and the service worker's own click
 * handler. Substituted, because headless Chromium cannot do them here:
 * {@code PushManager.subscribe} (it waits for Google's push service forever offline)
 * hands the page a subscription of {@link LocalPushService}, which decrypts what Limber
 * sends as the browser would; and the click on the notification is the
 * {@code notificationclick} event dispatched in the service worker, whose
 * {@code clients.openWindow} (refused without a real click) is recorded and then opened
 * in the page.
 */
@ExtendWith(BrowserSuite.class)
class BreakReminderJourneyIT {

	private static final String PLAYER = "/routines/desk-reset-5-min";

	/** The scheduler looks every 30 seconds; the outbox sends within a second or two. */
	private static final Duration REMINDER_TIMEOUT = Duration.ofSeconds(120);

	/**
	 * In place of the browser's own subscribe: the local push service's subscription, and
	 * the key asked for.
	 */
	private static final String SUBSTITUTE_SUBSCRIBE = """
			PushManager.prototype.subscribe = function (options) {
			  const key = new Uint8Array(options.applicationServerKey);
			  sessionStorage.setItem('subscribedWith', btoa(String.fromCharCode(...key))
			    .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, ''));
			  const subscription = %s;
			  return Promise.resolve({ endpoint: subscription.endpoint, toJSON: () => subscription });
			};""";

	private static final String NOTIFICATIONS = """
			async () => {
			  const registration = await navigator.serviceWorker.getRegistration('/js/');
			  const shown = registration ? await registration.getNotifications() : [];
			  return shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: n.data && n.data.url }));
			}""";

	/**
	 * Runs the worker's notificationclick listener on the notification it shows, as a
	 * click would; records the window it opens and whether it closed the notification.
	 */
	private static final String CLICK = """
			async () => {
			  const [notification] = await self.registration.getNotifications();
			  let opened = null;
			  let pending = Promise.resolve();
			  self.clients.openWindow = (url) => { opened = url; return Promise.resolve(null); };
			  const click = new NotificationEvent('notificationclick', { notification });
			  click.waitUntil = (promise) => { pending = promise; };
			  try {
			    self.dispatchEvent(click);
			    await pending;
			  } finally {
			    delete self.clients.openWindow;
			  }
			  return { opened, stillShown: (await self.registration.getNotifications()).length };
			}""";

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.limber.e2e.support.Run#all")
	void reminderOpensThePlayer(Run run, Visits visits) {
		try (LocalPushService pushService = new LocalPushService()) {
			Visit employee = visits.open(run);
			Page page = employee.page();
			page.context()
				.grantPermissions(List.of("notifications"),
						new BrowserContext.GrantPermissionsOptions().setOrigin(employee.baseUrl()));
			page.addInitScript(SUBSTITUTE_SUBSCRIBE.formatted(pushService.subscriptionJson()));
			employee.signIn("employee");

			subscribeThisBrowser(employee);
			startABreakNow(employee);

			String serverKey = (String) page.evaluate("() => sessionStorage.getItem('subscribedWith')");
			String plaintext = pushService.awaitMessage(REMINDER_TIMEOUT, serverKey);
			JsonObject message = JsonParser.parseString(plaintext).getAsJsonObject();
			assertThat(message.get("title").getAsString()).isEqualTo(employee.text("push.break-reminder.title"));
			assertThat(message.get("url").getAsString()).isEqualTo(employee.baseUrl() + PLAYER);

			deliverToTheServiceWorker(page, employee.baseUrl(), plaintext);
			Map<?, ?> shown = awaitNotification(page);
			assertThat(shown.get("title")).isEqualTo(employee.text("push.break-reminder.title"));
			assertThat(shown.get("body")).isEqualTo(employee.text("push.break-reminder.body", 5));

			JsonObject clicked = inPushWorker(page, CLICK);
			assertThat(clicked.get("stillShown").getAsInt()).as("the click closes the notification").isZero();
			assertThat(clicked.get("opened").getAsString()).isEqualTo(employee.baseUrl() + PLAYER);
			page.navigate(clicked.get("opened").getAsString());
			// the demo employee has not answered the safety questions yet: they come
			// first, then the player
			employee.arrivedAt("/screening");
			page.getByLabel(employee.text("screening.none")).check();
			employee.button("screening.submit").click();
			employee.arrivedAt(PLAYER);
			assertThat(employee.button("player.start")).isVisible();

			removeThisBrowser(employee);
			deleteMyData(employee);
		}
	}

	/** Break reminders on, in the run's language; then this browser added as a device. */
	private static void subscribeThisBrowser(Visit employee) {
		Page page = employee.page();
		employee.nav("nav.notifications").click();
		employee.arrivedAt("/notifications");
		page.getByLabel(employee.text("notifications.breakReminders")).check();
		page.locator("#language").selectOption(employee.run().locale().getLanguage());
		employee.button("notifications.save").click();
		employee.arrivedAt("/notifications");
		assertThat(page.getByText(employee.text("notifications.saved"))).isVisible();
		employee.button("notifications.deviceAdd").click();
		page.waitForURL((url) -> url.endsWith("/notifications?device"));
		employee.checkPage();
		assertThat(page.getByText(employee.text("notifications.deviceAdded"))).isVisible();
		assertThat(page.getByText("127.0.0.1")).isVisible();
	}

	/**
	 * A working day whose first break begins this minute: it starts half an hour ago with
	 * a break every half hour, in a zone where it is about noon now, so it never crosses
	 * midnight.
	 */
	private static void startABreakNow(Visit employee) {
		Page page = employee.page();
		employee.nav("nav.reminders").click();
		employee.arrivedAt("/reminders");
		ZoneId zone = zoneAtNoon();
		LocalTime now = LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
		page.locator("#workStart").fill(now.minusMinutes(30).toString());
		page.locator("#workEnd").fill(now.plusMinutes(60).toString());
		for (DayOfWeek day : DayOfWeek.values()) {
			page.locator("#day-" + day).check();
		}
		page.locator("#intervalMinutes").selectOption("30");
		page.locator("#breakMinutes").fill("5");
		page.locator("#timeZone").fill(zone.getId());
		employee.button("reminders.save").click();
		page.waitForURL((url) -> url.endsWith("/reminders?saved"));
		employee.checkPage();
	}

	private static ZoneId zoneAtNoon() {
		int hoursAhead = Math.floorMod(12 - ZonedDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
		// Etc/GMT names count the other way round: Etc/GMT-3 is three hours ahead of UTC
		return (hoursAhead == 0) ? ZoneId.of("UTC")
				: ZoneId.of("Etc/GMT" + ((hoursAhead > 0) ? "-" + hoursAhead : "+" + (-hoursAhead)));
	}

	/**
	 * What the push service does with a message for this browser: a push event in its
	 * service worker.
	 */
	private static void deliverToTheServiceWorker(Page page, String origin, String plaintext) {
		CDPSession devtools = page.context().newCDPSession(page);
		List<String> registrations = new ArrayList<>();
		devtools.on("ServiceWorker.workerRegistrationUpdated",
				(event) -> event.getAsJsonArray("registrations").forEach((each) -> {
					JsonObject registration = each.getAsJsonObject();
					if (registration.get("scopeURL").getAsString().equals(origin + "/js/")
							&& !registration.get("isDeleted").getAsBoolean()) {
						registrations.add(registration.get("registrationId").getAsString());
					}
				}));
		devtools.send("ServiceWorker.enable");
		page.waitForCondition(() -> !registrations.isEmpty());
		JsonObject push = new JsonObject();
		push.addProperty("origin", origin);
		push.addProperty("registrationId", registrations.get(0));
		push.addProperty("data", plaintext);
		devtools.send("ServiceWorker.deliverPushMessage", push);
	}

	private static Map<?, ?> awaitNotification(Page page) {
		List<?> shown = List.of();
		for (int attempt = 0; attempt < 40 && shown.isEmpty(); attempt++) {
			page.waitForTimeout(250);
			shown = (List<?>) page.evaluate(NOTIFICATIONS);
		}
		assertThat(shown).as("notifications shown by the service worker").hasSize(1);
		return (Map<?, ?>) shown.get(0);
	}

	/**
	 * Runs {@code function} in the push service worker and gives its value. Playwright
	 * for Java does not reach service workers, so this goes through DevTools' Target
	 * domain.
	 */
	private static JsonObject inPushWorker(Page page, String function) {
		CDPSession browser = page.context().browser().newBrowserCDPSession();
		JsonObject targets = browser.send("Target.getTargets");
		String worker = targets.getAsJsonArray("targetInfos")
			.asList()
			.stream()
			.map(JsonElement::getAsJsonObject)
			.filter((target) -> target.get("type").getAsString().equals("service_worker")
					&& target.get("url").getAsString().endsWith("/js/push-worker.js"))
			.map((target) -> target.get("targetId").getAsString())
			.findFirst()
			.orElseThrow(() -> new AssertionError("the push service worker is not running: " + targets));
		JsonObject attach = new JsonObject();
		attach.addProperty("targetId", worker);
		attach.addProperty("flatten", false);
		String session = browser.send("Target.attachToTarget", attach).get("sessionId").getAsString();
		List<JsonObject> replies = new ArrayList<>();
		browser.on("Target.receivedMessageFromTarget", (event) -> {
			JsonObject reply = JsonParser.parseString(event.get("message").getAsString()).getAsJsonObject();
			if (reply.has("id") && reply.get("id").getAsInt() == 1) {
				replies.add(reply);
			}
		});
		JsonObject evaluate = new JsonObject();
		evaluate.addProperty("id", 1);
		evaluate.addProperty("method", "Runtime.evaluate");
		JsonObject parameters = new JsonObject();
		parameters.addProperty("expression", "(" + function + ")()");
		parameters.addProperty("awaitPromise", true);
		parameters.addProperty("returnByValue", true);
		evaluate.add("params", parameters);
		JsonObject message = new JsonObject();
		message.addProperty("sessionId", session);
		message.addProperty("message", evaluate.toString());
		browser.send("Target.sendMessageToTarget", message);
		page.waitForCondition(() -> !replies.isEmpty());
		browser.detach();
		JsonObject result = replies.get(0).getAsJsonObject("result");
		assertThat(result.has("exceptionDetails")).as(() -> "the service worker threw: " + result).isFalse();
		return result.getAsJsonObject("result").getAsJsonObject("value");
	}

	/**
	 * As the employee journey ends: the demo employee is fresh (not screened) for the
	 * next journey.
	 */
	private static void deleteMyData(Visit employee) {
		Page page = employee.page();
		employee.nav("nav.myData").click();
		employee.arrivedAt("/my-data");
		page.getByLabel(employee.text("mydata.confirm")).check();
		employee.button("mydata.deleteButton").click();
		employee.arrivedAt("/");
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(employee.text("home.deleted"));
	}

	/**
	 * Leaves the demo employee without devices, so no later run's reminder reaches this
	 * closed browser.
	 */
	private static void removeThisBrowser(Visit employee) {
		Page page = employee.page();
		employee.nav("nav.notifications").click();
		employee.arrivedAt("/notifications");
		employee.button("notifications.deviceRemove").click();
		employee.arrivedAt("/notifications");
		assertThat(page.getByText("127.0.0.1")).not().isVisible();
	}

}
