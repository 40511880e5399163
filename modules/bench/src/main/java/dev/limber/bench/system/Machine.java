package dev.limber.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the numbers were measured on, read from /proc. */
public record Machine(int processors, String cpuModel, long memoryMb, String loadAverageAtStart, String javaVersion) {

	public static Machine describe() {
		return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMb(), loadAverage(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
	}

	/** One-, five- and fifteen-minute load averages, as uptime prints them. */
	public static String loadAverage() {
		String[] parts = read("/proc/loadavg").trim().split("\\s+");
		return (parts.length >= 3) ? parts[0] + ", " + parts[1] + ", " + parts[2] : "unknown";
	}

	private static String readCpuModel() {
		return read("/proc/cpuinfo").lines()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("unknown");
	}

	private static long readMemoryMb() {
		return read("/proc/meminfo").lines()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
			.findFirst()
			.orElse(0L);
	}

	static String read(String file) {
		try {
			return Files.readString(Path.of(file));
		}
		catch (IOException ex) {
			return "";
		}
	}

}
