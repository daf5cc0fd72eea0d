package dev.perfgate.baseline.internal;

import dev.perfgate.api.Result;
import java.util.Objects;
import java.util.Optional;

/** The argument checks every store of this module makes the same way, so they word them alike. */
final class StoreArguments {
  private StoreArguments() {}

  /**
   * Checks the arguments of {@code compareAndSetBaseline}: the expected baseline, if any, must be of
   * the result's variant and environment, or the comparison would be with another file's or row's.
   *
   * @param expected the baseline the caller read
   * @param result the new baseline
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the expected baseline is of another variant or environment
   */
  static void compareAndSet(Optional<Result> expected, Result result) {
    Objects.requireNonNull(expected, "expected must not be null (Optional.empty() for none)");
    Objects.requireNonNull(result, "result must not be null");
    expected.ifPresent(e -> {
      if (!e.key().equals(result.key()) || !e.environment().fingerprint().equals(result.environment().fingerprint())) {
        throw new IllegalArgumentException("expected baseline " + e.key() + " [" + e.environment().fingerprint()
            + "] is not of the variant and environment of the result " + result.key() + " ["
            + result.environment().fingerprint() + "]; pass the baseline read with baseline(key, environment)");
      }
    });
  }
}
