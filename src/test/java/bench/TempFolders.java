package bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmarks' temporary folders (their H2 databases), removed with what they hold when the JVM ends: the H2 file
 * of a lifecycle run grows to several GB (the group commit's chunks, docs/benchmarks.md), and runs that kept theirs
 * filled a disk of 80 GB.
 */
final class TempFolders {

  private TempFolders() {}

  /** A new folder in the system's temporary folder, its name starting with the prefix. */
  static Path create(String prefix) throws IOException {
    Path folder = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "delete " + folder.getFileName()));
    return folder;
  }

  private static void delete(Path folder) {
    // the deepest first; a database still open is unlinked all the same (its space returns when the JVM ends)
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove the benchmark's folder " + folder, e);
    }
  }
}
