package dev.perfgate.baseline;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Result;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A child JVM for the directory store's torture: appends runs {@link JdbcTorture#run(String, int)}
 * to one variant in a loop (with "baseline", saving every second one as the baseline as well),
 * printing {@code begin <i>} before each write and {@code ok <i>} once the append returned, so
 * that the parent knows which runs were acknowledged.
 */
public final class DirectoryWriterMain {
  private DirectoryWriterMain() {}

  /**
   * Runs the writer.
   *
   * @param args root directory, variant name, writer name, number of runs, history limit, "baseline" or "append"
   * @throws Exception if the store fails
   */
  public static void main(String[] args) throws Exception {
    DirectoryBaselineStore store = BaselineStores.directory(Path.of(args[0]), Integer.parseInt(args[4]));
    BenchmarkKey key = BenchmarkKey.of(args[1]);
    String writer = args[2];
    int runs = Integer.parseInt(args[3]);
    boolean baseline = args[5].equals("baseline");
    PrintStream out = System.out;
    for (int i = 0; i < runs; i++) {
      out.println("begin " + i);
      out.flush();
      Result r = DirectoryTorture.rename(JdbcTorture.run(writer, i), key);
      store.append(r);
      out.println("ok " + i);
      out.flush();
      if (baseline && i % 2 == 1) {
        store.saveBaseline(r);
      }
    }
  }
}
