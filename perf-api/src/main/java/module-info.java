/**
 * Perfgate's API: the benchmark, probe and baseline-store SPIs and the value types they exchange.
 *
 * <p>The internal packages (the precondition helper and the statistics kernel) are exported only
 * to the other Perfgate modules, which share them; users cannot read them.
 */
module dev.perfgate.api {
  requires java.management;
  requires static org.jspecify;

  exports dev.perfgate.api;
  exports dev.perfgate.api.internal to dev.perfgate.collectors, dev.perfgate.baseline, dev.perfgate.generator;
  exports dev.perfgate.api.internal.stats to dev.perfgate.collectors, dev.perfgate.baseline, dev.perfgate.generator;
}
