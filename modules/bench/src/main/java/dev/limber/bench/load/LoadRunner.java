package dev.limber.bench.load;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.limber.bench.system.Machine;
import dev.limber.bench.system.ProcessMeter;

/**
 * Runs one load step with Gatling in this JVM and measures the process under test and
 * PostgreSQL over the measured window only.
 */
public final class LoadRunner {

	private final Path results;

	public LoadRunner(Path results) {
		this.results = results;
	}

	public Measurement run(String name, LoadStep step, ProcessMeter app, ProcessMeter database) {
		String[] load = new String[1];
		double[] cores = new double[2];
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		// the window is set when the simulation's users start, not when Gatling is called
		LoadStep.use(step, () -> {
			long start = System.currentTimeMillis() + step.warmUp().toMillis();
			long end = start + step.measure().toMillis();
			step.recorder().window(start, end);
			sampler.schedule(() -> {
				app.start();
				database.start();
				load[0] = Machine.loadAverage();
			}, start - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
			sampler.scheduleAtFixedRate(app::sample, 1, 1, TimeUnit.SECONDS);
			sampler.schedule(() -> {
				cores[0] = app.cores();
				cores[1] = database.cores();
			}, end - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
		});
		int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] { "-s", RequestSimulation.class.getName(),
				"-rf", this.results.toString(), "-nr", "-rd", name });
		sampler.shutdownNow();
		if (status != 0) {
			throw new IllegalStateException("Gatling failed for " + name + " (status " + status + ")");
		}
		double seconds = step.measure().toMillis() / 1000.0;
		return Measurement.of(name, step.recorder(), seconds, cores[0], cores[1], app.peakRssMb(), load[0]);
	}

}
