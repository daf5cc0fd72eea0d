package dev.perfgate.api.internal.stats;

/**
 * The variance components of values nested as trials within forks within runs, by the nested
 * analysis of variance (method of moments; Sokal and Rohlf, Biometry, boxes 10.1 and 10.4): the
 * variance between trials of one fork, the added variance between forks of one run, and the added
 * variance between runs. For times, pass the logarithms ({@link LogScale}), so that the components
 * are relative (a component of {@code 0.02^2} is a spread of about 2 %).
 *
 * <p>With {@code N} trials, {@code a} runs, {@code B} forks in all, {@code n_ij} trials in fork j of
 * run i and {@code n_i} trials in run i, the mean squares {@code MS_W} (df {@code N - B}),
 * {@code MS_F} (df {@code B - a}) and {@code MS_R} (df {@code a - 1}) have the expectations
 * {@code s2}, {@code s2 + c1 f2} and {@code s2 + c2 f2 + c3 r2}, with
 * {@code c1 = (N - sum_i sum_j n_ij^2 / n_i) / (B - a)},
 * {@code c2 = (sum_i sum_j n_ij^2 / n_i - sum_ij n_ij^2 / N) / (a - 1)} and
 * {@code c3 = (N - sum_i n_i^2 / N) / (a - 1)}; solving gives the components. In a balanced design
 * ({@code b} forks of {@code n} trials per run) {@code c1 = c2 = n} and {@code c3 = b n}.
 *
 * <p>A component whose estimate comes out negative (its mean square fell below the one beneath it by
 * chance) is reported as 0, the usual convention. A component that the design cannot estimate (no
 * degree of freedom) is NaN; where every run has a single fork, forks and runs coincide, so
 * {@link #betweenForks()} is NaN and {@link #betweenRuns()} holds both levels.
 *
 * @param withinFork the variance between trials of one fork, NaN if no fork has two trials
 * @param betweenForks the variance between forks of one run beyond the within-fork variance, NaN if
 *     no run has two forks
 * @param betweenRuns the variance between runs beyond the variance of forks and trials, NaN if there
 *     is one run
 * @param dfWithin the degrees of freedom of the within-fork mean square, {@code N - B}
 * @param dfForks the degrees of freedom of the between-fork mean square, {@code B - a}
 * @param dfRuns the degrees of freedom of the between-run mean square, {@code a - 1}
 */
public record VarianceComponents(double withinFork, double betweenForks, double betweenRuns, int dfWithin,
    int dfForks, int dfRuns) {

  /**
   * Estimates the components.
   *
   * <pre>{@code
   * // values[run][fork][trial], logarithms of times
   * VarianceComponents c = VarianceComponents.of(new double[][][] {
   *     {{0.01, 0.02}, {0.05, 0.04}},
   *     {{0.10, 0.12}, {0.08, 0.09}}});
   * }</pre>
   *
   * @param values the values by run, fork and trial: {@code values[i][j][k]} is trial k of fork j of
   *     run i; at least one run, every run at least one fork, every fork at least one trial
   * @return the components
   * @throws IllegalArgumentException if there is no run, a run has no fork, a fork has no trial or a
   *     value is not finite
   */
  public static VarianceComponents of(double[][][] values) {
    int a = values.length;
    if (a == 0) {
      throw new IllegalArgumentException("variance components need at least one run");
    }
    int forks = 0;
    int n = 0;
    double sum = 0;
    for (int i = 0; i < a; i++) {
      if (values[i].length == 0) {
        throw new IllegalArgumentException("run " + i + " has no fork; give every run at least one fork");
      }
      for (int j = 0; j < values[i].length; j++) {
        if (values[i][j].length == 0) {
          throw new IllegalArgumentException("fork " + j + " of run " + i + " has no trial; leave the fork out");
        }
        forks++;
        for (double v : values[i][j]) {
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("value (" + v + ") of fork " + j + " of run " + i + " must be finite");
          }
          n++;
          sum += v;
        }
      }
    }
    double grand = sum / n;
    double ssWithin = 0;
    double ssForks = 0;
    double ssRuns = 0;
    double sumNij2OverNi = 0;
    double sumNij2 = 0;
    double sumNi2 = 0;
    for (double[][] run : values) {
      int ni = 0;
      double runSum = 0;
      double nij2 = 0;
      for (double[] fork : run) {
        ni += fork.length;
        nij2 += (double) fork.length * fork.length;
        for (double v : fork) {
          runSum += v;
        }
      }
      double runMean = runSum / ni;
      for (double[] fork : run) {
        double forkMean = Moments.mean(fork);
        for (double v : fork) {
          ssWithin += (v - forkMean) * (v - forkMean);
        }
        ssForks += fork.length * (forkMean - runMean) * (forkMean - runMean);
      }
      ssRuns += ni * (runMean - grand) * (runMean - grand);
      sumNij2OverNi += nij2 / ni;
      sumNij2 += nij2;
      sumNi2 += (double) ni * ni;
    }
    int dfW = n - forks;
    int dfF = forks - a;
    int dfR = a - 1;
    double msW = dfW > 0 ? ssWithin / dfW : Double.NaN;
    double msF = dfF > 0 ? ssForks / dfF : Double.NaN;
    double msR = dfR > 0 ? ssRuns / dfR : Double.NaN;
    // Without a within-fork degree of freedom (one trial per fork) the trial noise is part of the fork
    // level: the upper levels are estimated as if it were 0, which is what their mean squares then hold.
    double s2 = dfW > 0 ? msW : 0;
    double f2 = Double.NaN;
    if (dfF > 0) {
      double c1 = (n - sumNij2OverNi) / dfF;
      f2 = Math.max(0, (msF - s2) / c1);
    }
    double r2 = Double.NaN;
    if (dfR > 0) {
      double c2 = (sumNij2OverNi - sumNij2 / n) / dfR;
      double c3 = (n - sumNi2 / n) / dfR;
      // With one fork per run, forks and runs coincide: c2 = c3 and the fork level is counted in r2.
      r2 = Math.max(0, (msR - s2 - (dfF > 0 ? c2 * f2 : 0)) / c3);
    }
    return new VarianceComponents(dfW > 0 ? msW : Double.NaN, f2, r2, dfW, dfF, dfR);
  }
}
