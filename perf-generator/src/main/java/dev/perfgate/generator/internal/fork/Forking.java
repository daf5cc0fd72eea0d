package dev.perfgate.generator.internal.fork;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.jar.JarFile;

/**
 * What one run call of a suite does about forks, in the parent and in a child. In a child JVM every
 * run call is counted: the calls before the requested one are skipped (they return an empty report,
 * their benchmarks belong to the parent), the requested one measures in process, writes each
 * variant's result as it finishes, and is then stopped with {@link ForkFinished}.
 */
public final class Forking {
  private static volatile ForkRequest child;
  private static final AtomicInteger CHILD_CALLS = new AtomicInteger();
  private static volatile boolean finished;

  private final ForkEntry.Call call;
  private final boolean requested;

  private Forking(ForkEntry.Call call, boolean requested) {
    this.call = call;
    this.requested = requested;
  }

  /** Makes this JVM a child that serves the request. */
  static void child(ForkRequest request) {
    child = request;
  }

  static boolean finished() {
    return finished;
  }

  static int childCalls() {
    return CHILD_CALLS.get();
  }

  /**
   * Counts a run call of a suite with these variants. In a child, the requested call must have the
   * variants the parent asked for; if not, the child says so and halts.
   *
   * @param keys the call's variants
   * @return what the call is to do
   */
  public static Forking begin(List<BenchmarkKey> keys) {
    ForkRequest r = child;
    if (r == null) {
      return new Forking(ForkEntry.nextCall(), false);
    }
    boolean counted = r.entry().kind() == ForkEntry.Kind.TEST ? ForkEntry.inTest() : ForkedMain.onEntryThread();
    if (!counted) {
      // A call the parent did not count either (a @BeforeEach's, another thread's): it runs here as it ran there.
      return new Forking(new ForkEntry.Call(Optional.empty(), -1), false);
    }
    int n = CHILD_CALLS.getAndIncrement();
    if (finished || n > r.ordinal()) {
      // The user's code caught ForkFinished and went on: what follows belongs to the parent.
      Runtime.getRuntime().halt(0);
    }
    if (n == r.ordinal()) {
      List<String> got = keys.stream().map(Object::toString).toList();
      if (!got.equals(r.keys())) {
        ForkedMain.tellParent(r, "run call #" + (n + 1) + " of " + r.entry().target() + " has the variants "
            + got + " in this JVM but " + r.keys() + " in the parent; the benchmarks of a forked suite must not"
            + " depend on anything that differs between JVMs");
        Runtime.getRuntime().halt(ForkedMain.OTHER_VARIANTS);
      }
    }
    return new Forking(new ForkEntry.Call(Optional.of(r.entry()), n), n == r.ordinal());
  }

  /**
   * Whether this call runs in a child and is not the one it was started for: the caller returns an
   * empty report without measuring.
   *
   * @return true to skip the call
   */
  public boolean skip() {
    return child != null && call.ordinal() >= 0 && !requested;
  }

  /**
   * Whether this call is the one a child was started for.
   *
   * @return true in a child, for the requested call
   */
  public boolean measuresForParent() {
    return child != null && requested;
  }

  /**
   * Why this call cannot run in forks, if it cannot: no entry point a child could rerun is known.
   *
   * @return the reason, empty if forks can run
   */
  public Optional<String> cannotFork() {
    if (Forking.class.getModule().isNamed()) {
      return Optional.of("Perfgate runs on a module path here, and a fork starts from the class path: set"
          + " perfgate.forks=0 on a module path; it ran in this JVM instead");
    }
    if (call.entry().isPresent()) {
      if (call.entry().get().kind() == ForkEntry.Kind.TEST && !LauncherOnClassPath.ANSWER) {
        return Optional.of("a forked @PerfTest reruns its test through the JUnit Platform launcher, which is not on"
            + " the class path a fork gets: add org.junit.platform:junit-platform-launcher with test scope (the"
            + " version of your JUnit), or set perfgate.forks=0; it ran in this JVM instead");
      }
      return Optional.empty();
    }
    return Optional.of("the suite's benchmarks cannot be rebuilt in another JVM from here: forks need a run call"
        + " inside a @PerfTest method, or in the main method of the class the JVM was started with; it ran in this"
        + " JVM instead");
  }

  /**
   * In a child, writes the result of a variant for the parent, with the probes that threw while it
   * ran, so that the parent reports them as it would have in its own JVM.
   *
   * @param result the variant's result
   * @param probeFailures the probes that threw, by probe id, with what failed in one line
   */
  public void measured(Result result, Map<String, String> probeFailures) {
    if (measuresForParent()) {
      ForkResults.write(child.output(), child.keys().indexOf(result.key().toString()), result, probeFailures);
    }
  }

  /**
   * A variant measured in forks: its trials joined from every fork, and the probes that threw in any.
   *
   * @param result the joined result
   * @param probeFailures by probe id, what failed; where several forks failed, each named
   */
  public record Joined(Result result, Map<String, String> probeFailures) {}

  /**
   * In a child, ends the requested call: its results are all written.
   *
   * @throws ForkFinished always in a child's requested call, to stop the user's code
   */
  public void finish() {
    if (measuresForParent()) {
      finished = true;
      throw new ForkFinished();
    }
  }

  /**
   * Runs the call's variants in {@code forks} fresh JVMs one after the other, and joins each
   * variant's trials from every fork into one result, each trial tagged with its fork.
   *
   * @param forks how many
   * @param keys the variants
   * @param properties the {@code perfgate.*} settings to pass on
   * @param jvmArgs the user's extra JVM flags
   * @param timeout the longest one fork may take
   * @param environment this JVM's environment, for a variant no fork gave a result for
   * @param started told the number of each fork as it starts
   * @return one result per variant with the probes that threw, in the order of {@code keys}
   */
  public List<Joined> runForks(int forks, List<BenchmarkKey> keys, Map<String, String> properties,
      List<String> jvmArgs, Duration timeout, Environment environment, IntConsumer started) {
    ForkEntry entry = call.entry().orElseThrow(() -> new IllegalStateException(cannotFork().orElse("")));
    List<ForkLauncher.Outcome> outcomes = new ArrayList<>();
    for (int f = 0; f < forks; f++) {
      started.accept(f);
      outcomes.add(ForkLauncher.run(f, forks, entry, call.ordinal(), keys, properties, jvmArgs, timeout));
    }
    List<Joined> joined = new ArrayList<>();
    for (BenchmarkKey k : keys) {
      joined.add(new Joined(join(k, outcomes, environment), probeFailures(k, outcomes)));
    }
    return joined;
  }

  /** The probes that threw for a variant in any fork; with several forks, each message names its fork. */
  static Map<String, String> probeFailures(BenchmarkKey key, List<ForkLauncher.Outcome> outcomes) {
    Map<String, String> out = new LinkedHashMap<>();
    int forks = outcomes.size();
    for (ForkLauncher.Outcome o : outcomes) {
      String name = "fork " + (o.fork() + 1) + " of " + forks;
      o.probeFailures().getOrDefault(key, Map.of()).forEach((probe, why) ->
          out.merge(probe, forks > 1 ? name + ": " + why : why, (a, b) -> a + "; " + b));
    }
    return out;
  }

  /** The trials of every fork in one result; an error of any fork is the variant's error, naming the fork. */
  static Result join(BenchmarkKey key, List<ForkLauncher.Outcome> outcomes, Environment environment) {
    List<Trial> trials = new ArrayList<>();
    Map<Metric, String> notMeasured = new LinkedHashMap<>();
    Set<String> warnings = new LinkedHashSet<>();
    List<String> errors = new ArrayList<>();
    Environment env = null;
    Instant startedAt = null;
    Duration elapsed = Duration.ZERO;
    int forks = outcomes.size();
    for (ForkLauncher.Outcome o : outcomes) {
      String name = "fork " + (o.fork() + 1) + " of " + forks;
      Result r = o.results().get(key);
      if (r == null) {
        errors.add(o.failure().orElse(name + " gave no result"));
        elapsed = elapsed.plus(o.elapsed());
        continue;
      }
      for (Trial t : r.trials()) {
        trials.add(t.inFork(trials.size(), o.fork()));
      }
      r.notMeasured().forEach(notMeasured::putIfAbsent);
      r.warnings().forEach(w -> warnings.add(forks > 1 ? name + ": " + w : w));
      r.error().ifPresent(e -> errors.add(name + ": " + e));
      env = env == null ? r.environment() : env;
      startedAt = startedAt == null || r.startedAt().isBefore(startedAt) ? r.startedAt() : startedAt;
      elapsed = elapsed.plus(r.elapsed());
    }
    return new Result(key, trials, notMeasured, List.copyOf(warnings),
        errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors)),
        forked(env == null ? environment : env, forks), startedAt == null ? Instant.now() : startedAt, elapsed);
  }

  /**
   * The environment of a child as stored: without the path of its request, which differs on every
   * run and would make every run a new environment in the store, and with the number of forks.
   */
  static Environment forked(Environment e, int forks) {
    List<String> args = e.jvmArguments().stream().filter(a -> !a.startsWith("-D" + ForkRequest.PROPERTY + "=")).toList();
    Map<String, String> properties = new LinkedHashMap<>(e.properties());
    properties.put(Environment.FORKS_PROPERTY, Integer.toString(forks));
    return new Environment(e.jvmVendor(), e.jvmVersion(), e.jvmName(), e.garbageCollectors(), e.maxHeapBytes(), args,
        e.cpuModel(), e.cpus(), e.os(), e.arch(), e.warnings(), properties);
  }

  /**
   * Whether the class path a child gets holds the JUnit Platform launcher. Maven Surefire runs the
   * tests through a launcher of its own that is not on that class path, so a user's project that
   * depends on JUnit Jupiter alone cannot rerun a test in a child: the child would fail, a whole
   * JVM per fork, where the parent can tell at once. Read once: the class path does not change.
   */
  private static final class LauncherOnClassPath {
    static final boolean ANSWER = holdsLauncher(System.getProperty("java.class.path", ""));
  }

  /**
   * Whether a class path, as a child would get it, holds the JUnit Platform launcher.
   *
   * @param classPath a {@code java.class.path}
   * @return true if one of its directories or jars has the launcher's factory
   */
  static boolean holdsLauncher(String classPath) {
    String resource = "org/junit/platform/launcher/core/LauncherFactory.class";
    for (String entry : JvmCommand.classPath(classPath)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        if (Files.isRegularFile(p.resolve(resource))) {
          return true;
        }
      } else if (Files.isRegularFile(p)) {
        try (JarFile jar = new JarFile(p.toFile())) {
          if (jar.getEntry(resource) != null) {
            return true;
          }
        } catch (IOException | RuntimeException e) {
          // Not a jar a JVM could read either.
        }
      }
    }
    return false;
  }
}
