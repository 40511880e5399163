package dev.limber.bench.load;

/**
 * One measured step.
 *
 * @param appCores CPU of the process under test, in cores (1.0 = one core busy)
 * @param databaseCores CPU of PostgreSQL and its backends, in cores
 * @param appRssMb peak resident memory of the process under test
 */
public record Measurement(String name, long ok, long errors, double throughput, long p50, long p95, long p99,
		double appCores, double databaseCores, long appRssMb, String loadAverage) {

	public static Measurement of(String name, Recorder recorder, double seconds, double appCores, double databaseCores,
			long appRssMb, String loadAverage) {
		return new Measurement(name, recorder.ok(), recorder.errors(), recorder.ok() / seconds, recorder.percentile(50),
				recorder.percentile(95), recorder.percentile(99), appCores, databaseCores, appRssMb, loadAverage);
	}

}
