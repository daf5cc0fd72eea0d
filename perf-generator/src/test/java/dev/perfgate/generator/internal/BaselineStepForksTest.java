package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import dev.perfgate.baseline.BaselineStores;
import dev.perfgate.baseline.RegressionJudge;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code perfgate.forks=auto} asks of the store: whether each variant's history of this
 * environment holds the runs that give the noise between runs, measured in one JVM as this run
 * would be.
 */
final class BaselineStepForksTest {

  private static final Environment ENV = Environment.current();
  private static final BenchmarkKey PARSE = BenchmarkKey.of("parse");
  private static final BenchmarkKey RENDER = BenchmarkKey.of("render");

  @TempDir
  Path dir;

  /** A run whose trials spread 1 % around the center; runs with other centers spread between runs. */
  private static Result run(BenchmarkKey key, double center, Environment env) {
    double[] factors = {0.99, 1.0, 1.01, 0.995, 1.005, 0.998, 1.002, 1.0};
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < factors.length; i++) {
      trials.add(new Trial(i, List.of(new Sample(1000, 1_000_000, Map.of(Metric.WALL_TIME, center * factors[i]))),
          Map.of()));
    }
    return new Result(key, trials, Map.of(), List.of(), Optional.empty(), env, Instant.parse("2026-12-02T12:00:00Z"),
        Duration.ofSeconds(1));
  }

  private BaselineStep step(BaselineStore store) {
    return new BaselineStep(store, RegressionJudge.defaults(), false, "-Dupdate=true",
        MeasureMore.Budget.of(Duration.ZERO), Ticker.system());
  }

  private static void append(BaselineStore store, BenchmarkKey key, int runs, Environment env) throws Exception {
    double[] centers = {1000, 1012, 995, 1006, 990, 1003, 1009};
    for (int i = 0; i < runs; i++) {
      store.append(run(key, centers[i % centers.length], env));
    }
  }

  @Test
  void emptyStore_cannotGiveTheNoiseBetweenRuns() {
    assertFalse(step(BaselineStores.directory(dir)).judgedInThisJvm(List.of(PARSE), ENV));
  }

  @Test
  void fourRuns_areTooFew_fiveRunsGiveIt() throws Exception {
    BaselineStore store = BaselineStores.directory(dir);
    append(store, PARSE, 4, ENV);
    assertFalse(step(store).judgedInThisJvm(List.of(PARSE), ENV), "4 stored runs");
    append(store, PARSE, 1, ENV);
    assertTrue(step(store).judgedInThisJvm(List.of(PARSE), ENV), "5 stored runs");
  }

  @Test
  void everyVariant_needsItsOwnRuns() throws Exception {
    BaselineStore store = BaselineStores.directory(dir);
    append(store, PARSE, 5, ENV);
    append(store, RENDER, 2, ENV);
    assertFalse(step(store).judgedInThisJvm(List.of(PARSE, RENDER), ENV),
        "render has 2 runs: its comparison would see one JVM's noise only");
  }

  @Test
  void aHistoryMeasuredInForks_isAnotherEnvironment_soAutoKeepsForking() throws Exception {
    BaselineStore store = BaselineStores.directory(dir);
    Map<String, String> properties = new java.util.LinkedHashMap<>(ENV.properties());
    properties.put(Environment.FORKS_PROPERTY, "4");
    Environment forked = new Environment(ENV.jvmVendor(), ENV.jvmVersion(), ENV.jvmName(), ENV.garbageCollectors(),
        ENV.maxHeapBytes(), ENV.jvmArguments(), ENV.cpuModel(), ENV.cpus(), ENV.os(), ENV.arch(), ENV.warnings(),
        properties, ENV.ruler());
    append(store, PARSE, 6, forked);
    assertFalse(step(store).judgedInThisJvm(List.of(PARSE), ENV),
        "6 forked runs: a run in this JVM would be compared with figures measured another way");
    append(store, PARSE, 5, ENV);
    assertTrue(step(store).judgedInThisJvm(List.of(PARSE), ENV), "5 runs of this JVM, the forked ones beside them");
  }

  @Test
  void runsOfAnotherEnvironment_doNotCount() throws Exception {
    BaselineStore store = BaselineStores.directory(dir);
    Environment otherHeap = new Environment(ENV.jvmVendor(), ENV.jvmVersion(), ENV.jvmName(),
        ENV.garbageCollectors(), ENV.maxHeapBytes() * 2, ENV.jvmArguments(), ENV.cpuModel(), ENV.cpus(), ENV.os(),
        ENV.arch(), ENV.warnings(), ENV.properties(), ENV.ruler());
    append(store, PARSE, 6, otherHeap);
    assertFalse(step(store).judgedInThisJvm(List.of(PARSE), ENV), "6 runs, all with another heap");
  }
}
