package dev.perfgate.examples.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the side-by-side table and the goals as plain text. */
final class Table {
  /** Perfgate's time per operation must be within this of JMH's score. */
  static final double TIME_TOLERANCE = 0.05;
  /** The empty operation must be reported at or below this, ns. */
  static final double EMPTY_LIMIT_NANOS = 1.0;
  /** Perfgate may spend at most this share of JMH's wall time per benchmark. */
  static final double WALL_SHARE = 0.2;

  private Table() {}

  static String render(List<Row> rows, long jmhWallNanos, long pgWallNanos, boolean quick) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"operation", "JMH ns/op", "+- (99.9 %)", "Perfgate ns/op", "trial medians min..max",
        "PG/JMH", "JMH B/op", "PG B/op", "JMH wall s", "PG wall s"});
    for (Row r : rows) {
      PerfgateLine pg = r.perfgate();
      cells.add(new String[] {r.op().id(), number(r.jmh().score()), number(r.jmh().error()),
          pg.error().isPresent() ? "error" : number(pg.median()),
          number(pg.trialMin()) + " .. " + number(pg.trialMax()),
          String.format(Locale.ROOT, "%.3f", r.ratio()), bytes(r.jmh().allocated()), bytes(pg.allocated()),
          seconds(r.jmh().wallNanos()), seconds(pg.elapsedNanos())});
    }
    cells.add(new String[] {"total (process)", "", "", "", "", "", "", "", seconds(jmhWallNanos),
        seconds(pgWallNanos)});
    StringBuilder out = new StringBuilder();
    out.append(quick ? "Side by side (QUICK: rough figures, not a measurement to quote)\n" : "Side by side\n");
    int[] width = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (int r = 0; r < cells.size(); r++) {
      String[] row = cells.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        String pad = " ".repeat(width[i] - cell.length());
        line.append(i == 0 ? cell + pad : pad + cell).append(i == row.length - 1 ? "" : "  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0 || r == cells.size() - 2) {
        out.append("-".repeat(line.length())).append('\n');
      }
    }
    out.append(quick ? "JMH: 2 x 200 ms iterations after 1 x 200 ms warm-up" : "JMH: score and 99.9 % error of 5 x 1 s"
        + " iterations after 3 x 1 s warm-up").append(", 1 fork, -prof gc (gc.alloc.rate.norm); wall time of each"
        + " benchmark's run, fork included.\nPerfgate (").append(quick ? "quick" : "default")
        .append(" options): median of all samples, the range of the per-trial medians, and the median"
        + " alloc.bytes; wall time of each benchmark as Perfgate timed it (its JVM's start-up is in the total).\n");
    return out.toString();
  }

  static String goals(List<Row> rows, long jmhWallNanos, long pgWallNanos) {
    StringBuilder out = new StringBuilder("Goals\n");
    for (Row r : rows) {
      String id = r.op().id();
      PerfgateLine pg = r.perfgate();
      out.append(verdict(Math.abs(r.ratio() - 1) <= TIME_TOLERANCE, String.format(Locale.ROOT,
          "%-8s time: Perfgate/JMH = %.3f, within +-%.0f %%", id, r.ratio(), TIME_TOLERANCE * 100)));
      if (r.op() == Op.EMPTY) {
        out.append(verdict(pg.median() <= EMPTY_LIMIT_NANOS, String.format(Locale.ROOT,
            "%-8s time: %s ns/op <= %.0f ns/op (JMH %s)", id, number(pg.median()), EMPTY_LIMIT_NANOS,
            number(r.jmh().score()))));
      }
      boolean allocEqual = Math.round(r.jmh().allocated()) == Math.round(pg.allocated())
          && !Double.isNaN(r.jmh().allocated()) && !Double.isNaN(pg.allocated());
      out.append(verdict(allocEqual, String.format(Locale.ROOT, "%-8s allocation: %s vs %s B/op, equal to the byte",
          id, bytes(pg.allocated()), bytes(r.jmh().allocated()))));
      double share = (double) pg.elapsedNanos() / r.jmh().wallNanos();
      out.append(verdict(share <= WALL_SHARE, String.format(Locale.ROOT,
          "%-8s wall time: %s s vs %s s = %.2f of JMH's, at most %.2f", id, seconds(pg.elapsedNanos()),
          seconds(r.jmh().wallNanos()), share, WALL_SHARE)));
    }
    out.append(String.format(Locale.ROOT, "(whole runs, JVM start-up included: Perfgate %s s, JMH %s s = %.2f)%n",
        seconds(pgWallNanos), seconds(jmhWallNanos), (double) pgWallNanos / jmhWallNanos));
    return out.toString();
  }

  private static String verdict(boolean met, String text) {
    return (met ? "  met      " : "  NOT MET  ") + text + "\n";
  }

  /** Four significant figures or so, without exponent notation. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    String pattern = a < 10 ? "%.3f" : a < 100 ? "%.2f" : a < 1000 ? "%.1f" : "%,.0f";
    return String.format(Locale.ROOT, pattern, v);
  }

  static String bytes(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
  }
}
