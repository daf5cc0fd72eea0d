/**
 * The vocabulary and service-provider interfaces of Perfgate, with no dependency beyond the JDK.
 *
 * <p>A {@link dev.perfgate.api.Benchmark} is the operation measured; a {@link dev.perfgate.api.Probe},
 * made by a {@link dev.perfgate.api.ProbeProvider} found through {@link java.util.ServiceLoader},
 * records {@link dev.perfgate.api.Metric metrics} around it; a run's figures come back as an immutable
 * {@link dev.perfgate.api.Result} of {@link dev.perfgate.api.Trial trials} and
 * {@link dev.perfgate.api.Sample samples}; a {@link dev.perfgate.api.Target} turns a figure into a
 * {@link dev.perfgate.api.Verdict}; a {@link dev.perfgate.api.BaselineStore} keeps earlier results. A
 * custom probe needs only this package on its compile class path.
 *
 * <p>Every type here is immutable or documents its thread-safety; no method accepts or returns null
 * unless its parameter or return type says {@code @Nullable}.
 */
@NullMarked
package dev.perfgate.api;

import org.jspecify.annotations.NullMarked;
