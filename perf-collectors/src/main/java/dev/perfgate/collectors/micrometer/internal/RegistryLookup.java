package dev.perfgate.collectors.micrometer.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** Finds meters in a {@link MeterRegistry}. */
public final class RegistryLookup implements MeterLookup {

  private final MeterRegistry registry;

  /**
   * Creates the lookup.
   *
   * @param registry the registry
   */
  public RegistryLookup(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Micrometer's global registry. Here rather than in the public factory because reading the field
   * there would make the verifier load Micrometer with the factory, before it can say Micrometer is
   * missing.
   *
   * @return {@code Metrics.globalRegistry}
   */
  public static MeterRegistry global() {
    return Metrics.globalRegistry;
  }

  @Override
  public Optional<String> problem() {
    return Registries.problem(registry);
  }

  @Override
  public Found find(MeterSpec spec) {
    Collection<Meter> all = registry.find(spec.meterName()).tags(spec.tags().toArray(new String[0])).meters();
    List<DoubleSupplier> counts = new ArrayList<>();
    List<DoubleSupplier> totals = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Meter m : all) {
      if (fits(spec.kind(), m)) {
        counts.add(Registries.count(m));
        if (spec.kind() != MeterSpec.Kind.COUNTER) {
          totals.add(Registries.total(m));
        }
      } else {
        wrong.add(Registries.describe(m) + " is a " + Registries.kind(m));
      }
    }
    String problem = wrong.isEmpty()
        ? "no meter " + spec.describe() + " in the " + Registries.name(registry) + " (meters made on first use appear"
            + " after the code first runs; check the name and tags)"
        : "no " + spec.kind().word() + " " + spec.describe() + " in the " + Registries.name(registry) + ": " + wrong
            + "; declare it as that kind";
    DoubleSupplier[] c = counts.toArray(new DoubleSupplier[0]);
    DoubleSupplier[] t = totals.toArray(new DoubleSupplier[0]);
    return new Found() {
      @Override
      public int size() {
        return c.length;
      }

      @Override
      public String problem() {
        return problem;
      }

      @Override
      public void read(double[] into) {
        double count = 0;
        double total = 0;
        for (DoubleSupplier s : c) {
          count += s.getAsDouble();
        }
        for (DoubleSupplier s : t) {
          total += s.getAsDouble();
        }
        into[0] = count;
        into[1] = total;
      }
    };
  }

  private static boolean fits(MeterSpec.Kind kind, Meter m) {
    switch (kind) {
      case COUNTER:
        return m instanceof Counter || m instanceof FunctionCounter;
      case TIMER:
        return m instanceof Timer || m instanceof FunctionTimer;
      case SUMMARY:
      default:
        return m instanceof DistributionSummary;
    }
  }
}
