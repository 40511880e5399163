package dev.limber.bench.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/** Reads /proc/[pid]/stat and /proc/[pid]/status. */
final class Processes {

	private Processes() {
	}

	/** utime + stime in clock ticks. */
	static OptionalLong cpuTicks(long pid) {
		String[] fields = statFields(pid);
		if (fields.length < 15) {
			return OptionalLong.empty();
		}
		// fields after "pid (comm)": state is index 0, utime index 11, stime index 12
		return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
	}

	static long rssKb(long pid) {
		return Machine.read("/proc/" + pid + "/status")
			.lines()
			.filter((line) -> line.startsWith("VmRSS:"))
			.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
			.findFirst()
			.orElse(0L);
	}

	static Set<Long> withChildren(long parent) {
		Set<Long> pids = new HashSet<>();
		pids.add(parent);
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path entry : entries) {
				long pid = Long.parseLong(entry.getFileName().toString());
				String[] fields = statFields(pid);
				if (fields.length > 1 && Long.parseLong(fields[1]) == parent) {
					pids.add(pid);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// a process that ended while listing is simply not counted
		}
		return pids;
	}

	private static String[] statFields(long pid) {
		String stat = Machine.read("/proc/" + pid + "/stat");
		int end = stat.lastIndexOf(')');
		return (end < 0) ? new String[0] : stat.substring(end + 2).trim().split("\\s+");
	}

}
