package dev.perfgate.baseline;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Result;
import java.nio.file.Path;
import java.util.List;

/**
 * A child JVM for the crash and concurrency tests: appends (and, with "baseline", also saves as
 * baseline) rich results to a directory store in a loop. Each result carries the warning
 * {@code <writer>#<i>} so that the parent can check which runs survived.
 */
public final class StoreWriterMain {
  private StoreWriterMain() {}

  /**
   * Runs the writer.
   *
   * @param args root directory, writer name, number of runs, history limit, "baseline" or "append"
   * @throws Exception if the store fails
   */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    String writer = args[1];
    int runs = Integer.parseInt(args[2]);
    DirectoryBaselineStore store = BaselineStores.directory(root, Integer.parseInt(args[3]));
    boolean baseline = args[4].equals("baseline");
    BenchmarkKey key = BenchmarkKey.of("render");
    for (int i = 0; i < runs; i++) {
      Result rich = Fixtures.rich(key, i);
      Result r = new Result(key, rich.trials(), rich.notMeasured(), List.of(writer + "#" + i), rich.error(),
          rich.environment(), rich.startedAt(), rich.elapsed());
      store.append(r);
      if (baseline) {
        store.saveBaseline(r);
      }
    }
  }
}
