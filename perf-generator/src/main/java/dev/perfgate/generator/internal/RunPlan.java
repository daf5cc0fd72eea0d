package dev.perfgate.generator.internal;

import java.time.Duration;

/**
 * What the runner needs of the public run options; a separate type so that this package does not
 * depend back on the public one.
 *
 * @param trials trials per variant
 * @param samples samples per trial
 * @param sampleTime the calibrated length of one sample
 * @param warmup the minimum warm-up of later trials
 * @param firstWarmup the minimum warm-up of the first trial
 * @param maxWarmup the longest warm-up
 */
public record RunPlan(int trials, int samples, Duration sampleTime, Duration warmup, Duration firstWarmup,
    Duration maxWarmup) {}
