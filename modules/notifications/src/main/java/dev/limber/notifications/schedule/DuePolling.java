package dev.limber.notifications.schedule;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.limber.kernel.database.RepeatedWork;
import dev.limber.notifications.outbox.NotificationProperties;

/**
 * Starts looking for {@link DueMessages} once the application is ready (when the
 * notification worker is enabled) and stops on shutdown; a failed look is logged under
 * the source's name.
 */
@Component
class DuePolling implements DisposableBean {

	private final List<DueMessages> sources;

	private final boolean enabled;

	private final List<Disposable> loops = new ArrayList<>();

	DuePolling(List<DueMessages> sources, NotificationProperties properties) {
		this.sources = sources;
		this.enabled = properties.worker().enabled();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.enabled) {
			return;
		}
		for (DueMessages source : this.sources) {
			this.loops.add(RepeatedWork.every(source.period(), source.period(), source::enqueueDue,
					LogFactory.getLog(source.getClass()),
					source.getClass().getSimpleName() + " could not enqueue what is due; trying again"));
		}
	}

	@Override
	public void destroy() {
		this.loops.forEach(Disposable::dispose);
	}

}
