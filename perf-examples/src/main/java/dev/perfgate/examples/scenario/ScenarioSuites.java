package dev.perfgate.examples.scenario;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Counter;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Target;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.scaling.Complexity;
import dev.perfgate.collectors.caffeine.CaffeineChecks;
import dev.perfgate.collectors.caffeine.CaffeineProbes;
import dev.perfgate.collectors.heap.LeakCheck;
import dev.perfgate.collectors.heap.LeakReport;
import dev.perfgate.collectors.heap.RetainedHeap;
import dev.perfgate.collectors.heap.RetentionCheck;
import dev.perfgate.collectors.jfr.JfrProbes;
import dev.perfgate.examples.generator.GenerationSummary;
import dev.perfgate.examples.generator.ServiceRegistry;
import dev.perfgate.examples.generator.files.FileService;
import dev.perfgate.generator.RunError;
import dev.perfgate.generator.SuiteCheck;
import dev.perfgate.generator.SuiteChecks;
import dev.perfgate.generator.Suite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The four suites of the reference scenario (shared/SCENARIO.md), each target measured on the real
 * generator: performance, cache, memory and regression. The JUnit suites and the main job both
 * build them from here, so what CI checks and what the main job reports are the same checks.
 */
public final class ScenarioSuites {
  private ScenarioSuites() {}

  /** The largest project, used where the scenario says "the largest generation". */
  static final int LARGEST = 100;
  /** The project size for single-size benchmarks. */
  static final int MEDIUM = 50;

  private static final Metric MODELS = Metric.of("models.generated", Unit.COUNT, dev.perfgate.api.Direction.NEUTRAL);

  /**
   * Core benchmarks and scalability: full generation per project size (time and peak memory),
   * service initialization, template rendering, file operations, concurrent degradation, and
   * linear scaling.
   *
   * @param suite a builder with the run's options and settings
   * @param fx the system under test
   * @return the builder with the performance suite added
   */
  public static Suite.Builder performance(Suite.Builder suite, ScenarioFixture fx) {
    Map<Integer, double[]> limits = Map.of(10, new double[] {8, 80}, 25, new double[] {15, 120},
        50, new double[] {25, 180}, 100, new double[] {40, 250});
    suite.probes("jfr.memory")
        .benchmark(fullGeneration(fx),
            Target.on(Metric.WALL_TIME).max().atMost(Duration.ofSeconds(30)))
        .check(SuiteChecks.scalesNoWorseThan("generation.full", Complexity.LINEAR))
        .benchmark(serviceInitialization(fx),
            Target.on(Metric.WALL_TIME).max().atMost(Duration.ofSeconds(2)))
        .benchmark(templateRendering(fx),
            Target.on(Metric.WALL_TIME).max().atMost(Duration.ofMillis(100)))
        .benchmark(fileOperations(fx),
            Target.on(Metric.WALL_TIME).max().atMost(Duration.ofMillis(50)))
        .benchmark(warmGeneration("generation.concurrent", fx, MEDIUM))
        .threads("generation.concurrent", 1, 2)
        .check(SuiteChecks.degradationAtMost("generation.concurrent", 2, 0.10));
    limits.forEach((size, l) -> suite.targetsAtSize("generation.full", size,
        Target.on(Metric.WALL_TIME).max().atMost(Duration.ofSeconds((long) l[0])),
        Target.on(JfrProbes.HEAP_PEAK_ABOVE_START).max().atMost(Quantity.megabytes(l[1]))));
    return suite;
  }

  /**
   * The cache targets: hit ratio above 95 % once warm, a warm run more than 80 % faster than a cold
   * one, caches under 100 MB of retained heap, invalidation after a schema change, and stability
   * over repeated generations.
   *
   * @param suite a builder with the run's options and settings
   * @param fx the system under test
   * @return the builder with the cache suite added
   */
  public static Suite.Builder cache(Suite.Builder suite, ScenarioFixture fx) {
    ServiceRegistry registry = fx.start(LARGEST);
    registry.generator().generate();
    suite.probe(CaffeineProbes.bind("schema", registry.schema().cache())
            .bind("templates", registry.templates().cache()).build())
        .benchmark(Benchmark.builder("generation.cold")
            .setUp(ctx -> registry)
            .beforeInvocation(ScenarioSuites::coldStart)
            .operation(r -> r.generator().generate())
            .singleShot().build())
        .benchmark(Benchmark.builder("generation.warm")
                .setUp(ctx -> registry)
                .operation(r -> r.generator().generate())
                .singleShot().build(),
            Target.on("cache.schema.hit.ratio").min().atLeast(Quantity.percent(95)),
            Target.on("cache.templates.hit.ratio").min().atLeast(Quantity.percent(95)))
        .check(SuiteChecks.improvementAtLeast("generation.cold", "generation.warm", 0.80))
        .check(named("cache memory", results -> List.of(cacheMemory(fx))))
        .check(named("cache invalidation", results -> List.of(invalidation(fx))))
        .check(named("cache stability", results -> List.of(stability(registry))));
    return suite;
  }

  /**
   * The memory targets: peak heap under 200 MB during the largest generation (each measured on a
   * collected heap, garbage included), GC efficiency above 80 % over sustained generations, growth under 10 MB per iteration and under 50 MB unexplained over a run, memory
   * back at its starting level, and nothing reachable once the generator is closed.
   *
   * @param suite a builder with the run's options and settings
   * @param fx the system under test
   * @return the builder with the memory suite added
   */
  public static Suite.Builder memory(Suite.Builder suite, ScenarioFixture fx) {
    int cyclesPerOperation = 5;
    suite.probes("jfr.memory")
        .benchmark(Benchmark.builder("generation.largest")
                .setUp(ctx -> fx.start(LARGEST))
                .beforeInvocation(ScenarioSuites::coldStartOnCleanHeap)
                .operation(r -> r.generator().generate())
                .tearDown(ServiceRegistry::close)
                .singleShot().build(),
            Target.on(JfrProbes.HEAP_PEAK_ABOVE_START).max().atMost(Quantity.megabytes(200)))
        .benchmark(Benchmark.builder("generation.sustained")
                .setUp(ctx -> fx.start(LARGEST))
                .operation(r -> {
                  // Several cold generations per sample, so that collections happen inside the window
                  // and GC efficiency has something to measure.
                  GenerationSummary last = null;
                  for (int i = 0; i < cyclesPerOperation; i++) {
                    coldStart(r);
                    last = r.generator().generate();
                  }
                  return last;
                })
                .operationsPerInvocation(cyclesPerOperation)
                .tearDown(ServiceRegistry::close)
                .singleShot().build(),
            Target.on(JfrProbes.GC_EFFICIENCY).min().atLeast(Quantity.percent(80)))
        .check(named("memory growth", results -> leakCheck(fx)))
        .check(named("retention after close", results -> List.of(retention(fx))));
    return suite;
  }

  /**
   * The regression suite: full and warm generation compared with the stored baseline (20 %
   * tolerance) and their trend over the stored history. Baselines are kept where the settings say
   * ({@code perfgate.baseline.dir}, default {@code .perfgate}) and replaced only with
   * {@code -Dperfgate.baseline.update=true}.
   *
   * @param suite a builder with the run's options and settings
   * @param fx the system under test
   * @return the builder with the regression suite added
   */
  public static Suite.Builder regression(Suite.Builder suite, ScenarioFixture fx) {
    return regressionBenchmarks(suite.baselines(), fx);
  }

  /**
   * The regression suite against a given store, for a check that records and compares within one
   * run (the test command) instead of against what an earlier run left in {@code .perfgate}.
   *
   * @param suite a builder with the run's options and settings
   * @param fx the system under test
   * @param store where the baselines and the history go
   * @return the builder with the regression suite added
   */
  public static Suite.Builder regression(Suite.Builder suite, ScenarioFixture fx, BaselineStore store) {
    return regressionBenchmarks(suite.baselines(store), fx);
  }

  private static Suite.Builder regressionBenchmarks(Suite.Builder suite, ScenarioFixture fx) {
    return suite
        .benchmark(regressionCold(fx, MEDIUM))
        .benchmark(regressionWarm(fx, MEDIUM));
  }

  /**
   * The regression suite's cold generation, {@code regression.generation.cold}: a generation with no
   * cached schema or template into an emptied directory, on a collected heap. The suite uses 50
   * tables; the benchmark commands use more for "more work" under the same name.
   *
   * @param fx the system under test
   * @param tables the project size
   * @return the benchmark
   */
  public static Benchmark regressionCold(ScenarioFixture fx, int tables) {
    return Benchmark.builder("regression.generation.cold")
        .setUp(ctx -> fx.start(tables))
        // On a collected heap: a young collection inside a 60 ms operation otherwise makes the
        // figures bimodal, and the baseline comparison needlessly inconclusive.
        .beforeInvocation(ScenarioSuites::coldStartOnCleanHeap)
        .operation(r -> r.generator().generate())
        .tearDown(ServiceRegistry::close)
        .singleShot().build();
  }

  /**
   * The regression suite's warm generation, {@code regression.generation.warm}: caches filled by a
   * generation in set-up.
   *
   * @param fx the system under test
   * @param tables the project size
   * @return the benchmark
   */
  public static Benchmark regressionWarm(ScenarioFixture fx, int tables) {
    return warmGeneration("regression.generation.warm", fx, tables);
  }

  /** Cold: no cached schema or template, and an empty output directory, as in a first run. */
  static void coldStart(ServiceRegistry r) {
    r.schema().invalidateAll();
    r.templates().cache().invalidateAll();
    ScenarioFixture.empty(r.config().outputDir());
  }

  /**
   * A cold start on a collected heap. Peak heap is measured garbage included, so without a
   * collection first it would also count the garbage earlier samples left behind, and read the
   * collector's sizing policy rather than what one generation needs.
   */
  static void coldStartOnCleanHeap(ServiceRegistry r) {
    coldStart(r);
    System.gc();
  }

  private static Benchmark fullGeneration(ScenarioFixture fx) {
    return Benchmark.builder("generation.full")
        .setUp(ctx -> new Counting(fx.start(ctx.size().orElseThrow()), ctx.counter("models.generated"),
            ctx.counter("files.created")))
        .beforeInvocation(c -> coldStartOnCleanHeap(c.registry))
        .operation(c -> {
          GenerationSummary s = c.registry.generator().generate();
          c.models.add(s.modelsGenerated());
          c.files.add(s.filesCreated());
          return s;
        })
        .tearDown(c -> c.registry.close())
        .sizes(ScenarioFixture.SIZES.stream().mapToInt(Integer::intValue).toArray())
        .singleShot().build();
  }

  private static Benchmark serviceInitialization(ScenarioFixture fx) {
    return Benchmark.builder("service.init")
        .setUp(ctx -> {
          fx.database(MEDIUM);
          return new Holder();
        })
        .beforeInvocation(Holder::close)
        .operation(h -> h.registry = ServiceRegistry.start(fx.config(MEDIUM)))
        .tearDown(Holder::close)
        .singleShot().build();
  }

  private static Benchmark templateRendering(ScenarioFixture fx) {
    return Benchmark.builder("template.render")
        .setUp(ctx -> {
          ServiceRegistry r = fx.start(MEDIUM);
          r.generator().generate();
          return r;
        })
        .operation(r -> {
          List<String> rendered = new ArrayList<>();
          for (String table : r.schema().tableNames()) {
            rendered.addAll(r.generator().render(table));
          }
          return rendered;
        })
        // Two templates (model class and type definition) per table: time per template.
        .operationsPerInvocation(2L * MEDIUM)
        .tearDown(ServiceRegistry::close)
        .build();
  }

  private static Benchmark fileOperations(ScenarioFixture fx) {
    return Benchmark.builder("file.write")
        .setUp(ctx -> new Files(FileService.create(fx.newOutputDir(MEDIUM)), MEDIUM))
        .operation(Files::writeAll)
        .operationsPerInvocation(MEDIUM)
        .build();
  }

  private static Benchmark warmGeneration(String name, ScenarioFixture fx, int tables) {
    return Benchmark.builder(name)
        .setUp(ctx -> {
          ServiceRegistry r = fx.start(tables);
          r.generator().generate();
          return r;
        })
        .operation(r -> r.generator().generate())
        .tearDown(ServiceRegistry::close)
        .build();
  }

  /** Retained heap of the populated caches: populated against emptied, each after full collections. */
  static Verdict cacheMemory(ScenarioFixture fx) {
    try (ServiceRegistry r = fx.start(LARGEST)) {
      r.generator().generate();
      long populated = RetainedHeap.measure();
      r.schema().invalidateAll();
      r.templates().cache().invalidateAll();
      long empty = RetainedHeap.measure();
      long size = Math.max(0, populated - empty);
      double limit = Quantity.megabytes(100).value();
      Status status = size <= limit ? Status.PASS : Status.FAIL;
      String message = String.format(Locale.ROOT, "caches[size=%d]  retained heap of the populated caches %s  <= 100 MB  %s",
          LARGEST, Unit.BYTES.format(size), status);
      return verdict(Subject.of(BenchmarkKey.of("caches", LARGEST)), "cache memory <= 100 MB", status, message, size,
          limit);
    }
  }

  /** A schema change: the affected table's entry is gone and the next access misses; others stay. */
  static Verdict invalidation(ScenarioFixture fx) {
    try (ServiceRegistry r = fx.start(MEDIUM)) {
      r.generator().generate();
      List<String> tables = r.schema().tableNames();
      String changed = tables.get(0);
      return CaffeineChecks.invalidation("schema", r.schema().cache())
          .affects(List.of(changed))
          .keeps(tables.subList(1, 4))
          .check(() -> {
            fx.database(MEDIUM).execute("ALTER TABLE " + changed + " ADD COLUMN IF NOT EXISTS PERFGATE_NOTE VARCHAR(40)");
            r.schema().invalidate(changed);
          });
    }
  }

  /** Hit ratio and size stay within bounds over repeated warm generations. */
  static Verdict stability(ServiceRegistry registry) {
    return CaffeineChecks.stability("schema", registry.schema().cache())
        .rounds(10).hitRatioAtLeast(0.95).sizeAtMost(LARGEST)
        .check(() -> registry.generator().generate());
  }

  /** Growth per iteration, unexplained growth over the run, and the return to the starting level. */
  static List<Verdict> leakCheck(ScenarioFixture fx) {
    try (ServiceRegistry r = fx.start(LARGEST)) {
      LeakReport report = LeakCheck.newBuilder().cycles(30).warmupCycles(3)
          .allowedGrowthPerCycle((long) Quantity.megabytes(10).value())
          .returnTolerance((long) Quantity.megabytes(50).value())
          .build()
          .run(() -> {
            coldStart(r);
            r.generator().generate();
          });
      return report.verdicts(Subject.of(BenchmarkKey.of("generation", LARGEST)));
    } catch (Exception e) {
      return List.of(Verdict.of(Subject.benchmark("generation"), "leak check", Status.ERROR,
          new RunError(RunError.Kind.CHECK, "generation", "leak check", String.valueOf(e), 0)));
    }
  }

  /** No object stays reachable once the generator is closed. */
  static Verdict retention(ScenarioFixture fx) {
    try {
      return RetentionCheck.newBuilder().build().run(() -> {
        ServiceRegistry r = ServiceRegistry.start(fx.config(10));
        r.generator().generate();
        r.close();
        return r;
      }).verdict(Subject.of(BenchmarkKey.of("generator", 10)));
    } catch (Exception e) {
      return Verdict.of(Subject.benchmark("generator"), "retention", Status.ERROR,
          new RunError(RunError.Kind.CHECK, "generator", "retention check", String.valueOf(e), 0));
    }
  }

  /** A verdict of this scenario's own memory checks: its words, with the measured figure and its limit. */
  private static Verdict verdict(Subject subject, String check, Status status, String message, double measured,
      double limit) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("measured", measured);
    figures.put("limit", limit);
    return Verdict.of(subject, check, status, new Verdict.Note(message, figures));
  }

  private static SuiteCheck named(String name, SuiteCheck check) {
    return new SuiteCheck() {
      @Override
      public List<Verdict> check(List<dev.perfgate.api.Result> results) {
        return check.check(results);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** A registry with the benchmark's own counters. */
  private static final class Counting {
    final ServiceRegistry registry;
    final Counter models;
    final Counter files;

    Counting(ServiceRegistry registry, Counter models, Counter files) {
      this.registry = registry;
      this.models = models;
      this.files = files;
    }
  }

  /** The registry of the latest service initialization, closed before the next one. */
  private static final class Holder {
    ServiceRegistry registry;

    void close() {
      if (registry != null) {
        registry.close();
        registry = null;
      }
    }
  }

  /** Files of realistic size whose content changes every time, so every write is a real write. */
  private static final class Files {
    private final FileService service;
    private final String[] contents;
    private long round;

    Files(FileService service, int count) {
      this.service = service;
      this.contents = new String[count];
      for (int i = 0; i < count; i++) {
        contents[i] = ("public final class Model" + i + " {\n  private long id;\n}\n").repeat(40);
      }
    }

    Object writeAll() {
      round++;
      Object last = null;
      for (int i = 0; i < contents.length; i++) {
        last = service.write("file-" + i + ".java", contents[i] + "// " + round + "\n");
      }
      return last;
    }
  }
}
