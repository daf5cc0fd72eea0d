package dev.perfgate.baseline.internal;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Unit;
import dev.perfgate.baseline.internal.StoreFormat.EnvironmentDto;
import dev.perfgate.baseline.internal.StoreFormat.KeyDto;
import dev.perfgate.baseline.internal.StoreFormat.MetricDto;
import dev.perfgate.baseline.internal.StoreFormat.RunDto;
import dev.perfgate.baseline.internal.StoreFormat.SampleDto;
import dev.perfgate.baseline.internal.StoreFormat.TrialDto;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Maps perf-api values to the file's DTOs and back; sorted maps keep the files stable in a diff. */
final class StoreMapping {
  private StoreMapping() {}

  static KeyDto key(BenchmarkKey k) {
    return new KeyDto(k.name(), k.size().isPresent() ? k.size().getAsInt() : null, k.threads());
  }

  static BenchmarkKey key(KeyDto k) {
    require(k != null, "the benchmark key is missing");
    return new BenchmarkKey(k.name(), k.size() == null ? OptionalInt.empty() : OptionalInt.of(k.size()), k.threads());
  }

  static MetricDto metric(Metric m) {
    return new MetricDto(m.name(), m.unit().name(), m.direction().name());
  }

  static Metric metric(MetricDto m) {
    require(m != null && m.unit() != null && m.direction() != null, "a metric definition is incomplete");
    return new Metric(m.name(), Unit.valueOf(m.unit()), Direction.valueOf(m.direction()));
  }

  static RunDto run(Result r, Instant savedAt, Optional<String> revision) {
    List<TrialDto> trials = new ArrayList<>();
    for (Trial t : r.trials()) {
      List<SampleDto> samples = new ArrayList<>();
      for (Sample s : t.samples()) {
        samples.add(new SampleDto(s.operations(), s.elapsedNanos(), values(s.values())));
      }
      trials.add(new TrialDto(t.index(), values(t.values()), samples));
    }
    Map<String, String> notMeasured = new TreeMap<>();
    r.notMeasured().forEach((m, why) -> notMeasured.put(m.name(), why));
    return new RunDto(savedAt.toString(), revision.orElse(null), r.startedAt().toString(), r.elapsed().toNanos(),
        r.environment().fingerprint(), environment(r.environment()), r.error().orElse(null), r.warnings(),
        notMeasured, trials);
  }

  static Result run(RunDto d, BenchmarkKey key, Map<String, Metric> metrics) {
    require(d.trials() != null, "the trials are missing");
    require(d.environment() != null, "the environment is missing");
    require(d.startedAt() != null, "startedAt is missing");
    List<Trial> trials = new ArrayList<>();
    for (TrialDto t : d.trials()) {
      require(t != null && t.samples() != null, "a trial has no samples list");
      List<Sample> samples = new ArrayList<>();
      for (SampleDto s : t.samples()) {
        require(s != null, "a sample is null");
        samples.add(new Sample(s.operations(), s.elapsedNanos(), values(s.values(), metrics)));
      }
      trials.add(new Trial(t.index(), samples, values(t.values(), metrics)));
    }
    Map<Metric, String> notMeasured = new HashMap<>();
    if (d.notMeasured() != null) {
      d.notMeasured().forEach((name, why) -> notMeasured.put(lookup(name, metrics), why));
    }
    return new Result(key, trials, notMeasured, d.warnings() == null ? List.of() : d.warnings(),
        Optional.ofNullable(d.error()), environment(d.environment()), Instant.parse(d.startedAt()),
        Duration.ofNanos(d.elapsedNanos()));
  }

  private static Map<String, Double> values(Map<Metric, Double> values) {
    Map<String, Double> out = new TreeMap<>();
    values.forEach((m, v) -> out.put(m.name(), v));
    return out;
  }

  private static Map<Metric, Double> values(Map<String, Double> values, Map<String, Metric> metrics) {
    Map<Metric, Double> out = new LinkedHashMap<>();
    if (values != null) {
      values.forEach((name, v) -> {
        require(v != null, "metric '" + name + "' has a null value");
        out.put(lookup(name, metrics), v);
      });
    }
    return out;
  }

  private static Metric lookup(String name, Map<String, Metric> metrics) {
    Metric m = metrics.get(name);
    require(m != null, "metric '" + name + "' is used but not defined under \"metrics\"");
    return m;
  }

  static EnvironmentDto environment(Environment e) {
    return new EnvironmentDto(e.jvmVendor(), e.jvmVersion(), e.jvmName(), e.garbageCollectors(), e.maxHeapBytes(),
        e.jvmArguments(), e.cpuModel(), e.cpus(), e.os(), e.arch(), e.warnings(), new TreeMap<>(e.properties()));
  }

  static Environment environment(EnvironmentDto e) {
    return new Environment(e.jvmVendor(), e.jvmVersion(), e.jvmName(), orEmpty(e.garbageCollectors()),
        e.maxHeapBytes(), orEmpty(e.jvmArguments()), e.cpuModel(), e.cpus(), e.os(), e.arch(), orEmpty(e.warnings()),
        e.properties() == null ? Map.of() : e.properties());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** A broken invariant of the file; the store turns it into an IOException naming the file. */
  static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what);
    }
  }
}
