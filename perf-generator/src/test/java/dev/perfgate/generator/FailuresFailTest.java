package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Status;
import dev.perfgate.api.Target;
import dev.perfgate.generator.report.Reports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every failure fails the report, whatever targets the benchmark has, and every summary says so. */
final class FailuresFailTest {

  private static Benchmark throwing() {
    return Benchmark.of("throws", () -> {
      throw new IllegalStateException("boom");
    });
  }

  private static Benchmark hanging() {
    return Benchmark.of("hangs", () -> {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.onSpinWait();
      }
      return null;
    });
  }

  @Test
  void throwingBenchmark_withoutTargets_failsTheReport() {
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet().benchmark(throwing()).build().run();
    assertFalse(report.passed());
    assertEquals(Status.ERROR, report.failures().get(0).status());
    AssertionError e = assertThrows(AssertionError.class, report::assertPassed);
    assertTrue(e.getMessage().contains("benchmark 'throws' threw java.lang.IllegalStateException: boom"), e.getMessage());
  }

  @Test
  void throwingBenchmark_keepsTheUsersException_asTheCause() {
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet().benchmark(throwing()).build().run();
    AssertionError e = assertThrows(AssertionError.class, report::assertPassed);
    assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
    assertEquals("boom", e.getCause().getMessage());
    String trace = Reports.json(report);
    assertTrue(trace.contains("FailuresFailTest.lambda$throwing"), "the whole stack trace is in the JSON report");
  }

  @Test
  void hangingBenchmark_withoutTargets_failsTheReport_andSaysNothingBesideThePoint() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Report report = Suite.newBuilder().options(SuiteTest.FAST.toBuilder().timeout(Duration.ofMillis(1000)).build())
        .console(ConsoleReporter.to(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
        .benchmark(hanging()).build().run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(report.passed(), out);
    assertFalse(out.contains("not measured"), out);
    assertTrue(out.contains("FAILED"), out);
  }

  @Test
  void summaries_neverSayPassedAboveAnError() {
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet().benchmark(throwing())
        .benchmark(Benchmark.of("fine", () -> 1)).build().run();
    String console = ConsoleReporter.format(report);
    assertFalse(console.contains("PASSED"), console);
    assertTrue(Reports.markdown(report).startsWith("### Perfgate: FAILED"), Reports.markdown(report));
    String html = Reports.html(report);
    assertFalse(html.contains(">PASSED<"), "HTML badge");
    assertTrue(html.contains("<summary>stack trace</summary><pre>java.lang.IllegalStateException: boom"), "HTML trace");
  }

  @Test
  void targetOnAMetricNothingRecorded_failsAfterTheRun() {
    Benchmark b = Benchmark.builder("gen").setUp(ctx -> ctx.counter("files.created"))
        .operation(files -> {
          files.increment();
          return files;
        }).build();
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet()
        .benchmark(b, Target.on("file.created").median().atMost(Quantity.count(2))).build().run();
    assertFalse(report.passed());
    assertTrue(report.failures().get(0).message().contains("did you mean 'files.created'"),
        report.failures().get(0).message());
  }

  @Test
  void eachResultLine_isPrintedOnce() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Suite.newBuilder().options(SuiteTest.FAST).console(ConsoleReporter.to(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
        .benchmark(Benchmark.of("alloc.once", () -> new byte[1000])).build().run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("alloc\\.once +time/op").matcher(out);
    int lines = 0;
    while (m.find()) {
      lines++;
    }
    assertEquals(1, lines, out);
  }

  @Test
  void oneVariant_isCountedInTheSingular() {
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet().benchmark(Benchmark.of("x", () -> 1)).build().run();
    String console = ConsoleReporter.format(report);
    assertTrue(console.contains("Perfgate: 1 benchmark variant in"), console);
  }

  @Test
  void plainProgress_namesTheTrials_inACiLog() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Suite.newBuilder().options(SuiteTest.FAST).console(ConsoleReporter.to(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
        .benchmark(Benchmark.of("progress", () -> 1)).build().run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("2 of 2 trials done"), out);
    assertFalse(out.contains("\r"), "a CI log gets plain lines");
  }

  @Test
  void plainProgress_inACiLog_isAtMostOneLineEveryTenSecondsOfAVariant() {
    // A fake clock: every operation takes 100 ms, so 40 trials take tens of (fake) seconds.
    java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Report report = Suite.newBuilder().options(SuiteTest.FAST.toBuilder().trials(40).build()).ticker(clock::get)
        .console(ConsoleReporter.to(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
        .benchmark(Benchmark.builder("slow").operation(s -> clock.addAndGet(100_000_000L)).build()).build().run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    long seconds = report.results().get(0).elapsed().toSeconds();
    long lines = out.lines().filter(l -> l.startsWith("perfgate   slow: trial ")).count();
    assertTrue(seconds >= 20, "fake seconds " + seconds);
    assertTrue(lines >= 1 && lines <= seconds / ConsoleReporter.PLAIN_PROGRESS_EVERY_SECONDS, lines + " lines in "
        + seconds + " s:\n" + out);
  }

  @Test
  void terminalProgress_rewritesOneLine_withTheTrialAndThePhase() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Suite.newBuilder().options(SuiteTest.FAST)
        .console(ConsoleReporter.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), true))
        .benchmark(Benchmark.of("tty", () -> 1)).build().run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("\r\033[Kperfgate   tty: trial 1 of 2, warm-up and calibration ..."), out);
    assertTrue(out.contains("\r\033[Kperfgate   tty: trial 2 of 2, measuring ..."), out);
    assertTrue(out.contains("\r\033[Kperfgate [1/1] tty: 2 of 2 trials done"), out);
  }

  @Test
  void throwingProbe_failsTheReport_whileOtherProbesGoOn() {
    Metric broken = Metric.of("broken.metric", dev.perfgate.api.Unit.COUNT, dev.perfgate.api.Direction.NEUTRAL);
    dev.perfgate.api.Probe probe = new dev.perfgate.api.Probe() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public java.util.List<Metric> metrics() {
        return java.util.List.of(broken);
      }

      @Override
      public Session open(dev.perfgate.api.RunContext context) {
        return new Session() {
          @Override
          public void afterSample(Recorder recorder) {
            throw new UnsupportedOperationException("no luck");
          }
        };
      }
    };
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet().probe(probe)
        .benchmark(Benchmark.of("work", () -> 1)).build().run();
    assertTrue(report.result("work").orElseThrow().sampleValues(Metric.WALL_TIME).length > 0, "time went on");
    assertFalse(report.passed());
    assertTrue(report.failures().get(0).message().contains("probe 'broken' failed in afterSample"),
        report.failures().toString());
  }

  @Test
  void unavailableProbe_staysNotMeasured_andNeverFails() {
    dev.perfgate.api.Probe probe = new dev.perfgate.api.Probe() {
      @Override
      public String id() {
        return "absent";
      }

      @Override
      public java.util.List<Metric> metrics() {
        return java.util.List.of(Metric.of("absent.metric", dev.perfgate.api.Unit.COUNT, dev.perfgate.api.Direction.NEUTRAL));
      }

      @Override
      public java.util.Optional<String> unavailable() {
        return java.util.Optional.of("not on this JVM");
      }

      @Override
      public Session open(dev.perfgate.api.RunContext context) {
        throw new AssertionError("never opened");
      }
    };
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet().probe(probe)
        .benchmark(Benchmark.of("work", () -> 1), Target.on("absent.metric").max().atMost(Quantity.count(1)))
        .build().run();
    assertTrue(report.passed(), report.verdicts().toString());
    assertEquals(Status.NOT_MEASURED, report.verdicts().get(0).status());
  }
}
