package dev.limber.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Starts the app as {@code make run} does (infra/dev/run.sh): from the jar extracted by
 * Spring Boot's jar tools, with a class data sharing archive that the first run writes
 * when it exits and every later run maps instead of loading and verifying thousands of
 * classes again (JDK 13+; the same JVM and jar must read it, else the JVM ignores it).
 */
public final class ClassDataSharing {

	private final Path jar;

	private final Path archive;

	private ClassDataSharing(Path jar, Path archive) {
		this.jar = jar;
		this.archive = archive;
	}

	/** Extracts {@code appJar} into {@code directory}, replacing what was there. */
	public static ClassDataSharing extract(Path appJar, Path directory) throws IOException, InterruptedException {
		if (Files.exists(directory)) {
			try (var paths = Files.walk(directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
		Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djarmode=tools", "-jar", appJar.toString(), "extract", "--destination", directory.toString())
			.inheritIO()
			.start();
		if (extract.waitFor() != 0) {
			throw new IllegalStateException("Extracting " + appJar + " failed with " + extract.exitValue());
		}
		return new ClassDataSharing(directory.resolve(appJar.getFileName()), directory.resolve("limber.jsa"));
	}

	/** The JVM options and jar of the next start. */
	public List<String> launch() {
		String archiveOption = archived() ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=";
		// the dump lists every class it skips (generated, unverifiable) as a warning
		return List.of(archiveOption + this.archive, "-Xlog:cds*=off", "-jar", this.jar.toString());
	}

	/** Whether an earlier run left the archive, so the next start maps it. */
	public boolean archived() {
		return Files.isRegularFile(this.archive);
	}

}
