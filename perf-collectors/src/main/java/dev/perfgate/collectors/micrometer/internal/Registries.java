package dev.perfgate.collectors.micrometer.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.step.StepMeterRegistry;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/** What the Micrometer probes need from a registry and its meters. */
final class Registries {
  private Registries() {}

  /**
   * Why the registry's meters cannot give deltas, if they cannot.
   *
   * @param registry the registry
   * @return the reason, naming the fix, or empty
   */
  static Optional<String> problem(MeterRegistry registry) {
    if (registry instanceof CompositeMeterRegistry) {
      CompositeMeterRegistry composite = (CompositeMeterRegistry) registry;
      // A composite without children hands out no-op meters, which would read as a false zero.
      if (composite.getRegistries().isEmpty()) {
        return Optional.of("the composite meter registry " + name(registry) + " has no child registry, so its"
            + " meters count nothing; add one (for example new SimpleMeterRegistry()) or bind the probe to a"
            + " registry that counts");
      }
      for (MeterRegistry child : composite.getRegistries()) {
        Optional<String> childProblem = problem(child);
        if (childProblem.isPresent()) {
          return Optional.of("the composite meter registry " + name(registry) + " may read its meters from a child"
              + " that cannot give deltas (" + childProblem.get() + "); bind the probe to a cumulative child"
              + " registry instead");
        }
      }
    }
    if (registry instanceof StepMeterRegistry) {
      return Optional.of("meter registry " + name(registry) + " is a step registry whose counters report the last"
          + " publishing interval, not a running total; bind the probe to a cumulative registry such as a"
          + " SimpleMeterRegistry added beside it");
    }
    return Optional.empty();
  }

  static String name(MeterRegistry registry) {
    return registry.getClass().getSimpleName();
  }

  /**
   * Reads a meter's running count: the count of counters and timers, the value of gauges (time
   * gauges in nanoseconds).
   */
  static DoubleSupplier count(Meter meter) {
    if (meter instanceof Counter) {
      return ((Counter) meter)::count;
    }
    if (meter instanceof FunctionCounter) {
      return ((FunctionCounter) meter)::count;
    }
    if (meter instanceof TimeGauge) {
      TimeGauge g = (TimeGauge) meter;
      return () -> g.value(TimeUnit.NANOSECONDS);
    }
    if (meter instanceof Gauge) {
      return ((Gauge) meter)::value;
    }
    if (meter instanceof Timer) {
      return ((Timer) meter)::count;
    }
    if (meter instanceof FunctionTimer) {
      return ((FunctionTimer) meter)::count;
    }
    if (meter instanceof DistributionSummary) {
      return ((DistributionSummary) meter)::count;
    }
    return () -> {
      Iterator<Measurement> it = meter.measure().iterator();
      return it.hasNext() ? it.next().getValue() : Double.NaN;
    };
  }

  /** Reads the running total of a timer (nanoseconds) or distribution summary (its own unit). */
  static DoubleSupplier total(Meter meter) {
    if (meter instanceof Timer) {
      Timer t = (Timer) meter;
      return () -> t.totalTime(TimeUnit.NANOSECONDS);
    }
    if (meter instanceof FunctionTimer) {
      FunctionTimer t = (FunctionTimer) meter;
      return () -> t.totalTime(TimeUnit.NANOSECONDS);
    }
    if (meter instanceof DistributionSummary) {
      return ((DistributionSummary) meter)::totalAmount;
    }
    throw new IllegalArgumentException("meter " + describe(meter) + " has no total");
  }

  static String describe(Meter meter) {
    return meter.getId().getName() + meter.getId().getTags().stream()
        .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(",", "{", "}"));
  }

  static String describe(String name, String... tags) {
    StringBuilder b = new StringBuilder(name).append('{');
    for (int i = 0; i + 1 < tags.length; i += 2) {
      b.append(i == 0 ? "" : ",").append(tags[i]).append('=').append(tags[i + 1]);
    }
    return b.append('}').toString();
  }

  static String kind(Meter meter) {
    return meter.getId().getType().name().toLowerCase(Locale.ROOT);
  }

}
