package dev.perfgate.generator.internal.fork;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entry point a child JVM reruns to rebuild the user's benchmarks (their lambdas capture the
 * locals of the code that made them, so they cannot be sent to another JVM): a JUnit test by its
 * unique id, or a main class with its arguments. The run calls of an entry are counted, so that the
 * child measures the same call as the parent asked for.
 *
 * @param kind what the target is
 * @param target the JUnit unique id, or the main class's name
 * @param args the main class's arguments; empty for a test
 */
public record ForkEntry(Kind kind, String target, List<String> args) {

  /** What kind of entry point. */
  public enum Kind {
    /** A JUnit test, rerun through the JUnit Platform launcher. */
    TEST,
    /** A class's {@code main} method. */
    MAIN
  }

  /** Checks the entry. */
  public ForkEntry {
    if (kind == null || target == null || target.isBlank()) {
      throw new IllegalArgumentException("an entry point needs a kind and a target, not " + kind + " " + target);
    }
    args = List.copyOf(args);
  }

  /** Launchers whose main is not the user's: rerunning them would rerun far more than the user's code. */
  private static final Set<String> LAUNCHER_PACKAGES = Set.of("org.apache.maven.", "org.junit.", "org.codehaus.",
      "com.intellij.", "org.gradle.", "org.eclipse.", "jdk.", "java.", "sun.");

  private static final ThreadLocal<Counted> TEST = new ThreadLocal<>();
  private static final AtomicInteger MAIN_CALLS = new AtomicInteger();
  private static volatile Counted main;

  private record Counted(ForkEntry entry, AtomicInteger calls) {}

  /**
   * Marks the current thread as running a JUnit test until {@link #leaveTest()}.
   *
   * @param uniqueId the test's JUnit unique id
   */
  public static void enterTest(String uniqueId) {
    TEST.set(new Counted(new ForkEntry(Kind.TEST, uniqueId, List.of()), new AtomicInteger()));
  }

  /** Ends what {@link #enterTest(String)} began on this thread. */
  public static void leaveTest() {
    TEST.remove();
  }

  /** Whether the current thread runs a test's method (between {@link #enterTest} and {@link #leaveTest}). */
  static boolean inTest() {
    return TEST.get() != null;
  }

  /** A counted run call: the entry it can be rerun from (if known) and its number within the entry. */
  record Call(Optional<ForkEntry> entry, int ordinal) {}

  /** Counts a run call of the parent's code on this thread. */
  static Call nextCall() {
    Counted test = TEST.get();
    if (test != null) {
      return new Call(Optional.of(test.entry()), test.calls().getAndIncrement());
    }
    Optional<ForkEntry> m = mainEntry();
    return new Call(m, m.isPresent() ? MAIN_CALLS.getAndIncrement() : -1);
  }

  /**
   * The main class this JVM was started with, when the current thread is the one running its
   * {@code main}: {@code sun.java.command} names the class and its arguments (split at spaces, so an
   * argument with a space in it cannot be rerun exactly), and the bottom of the stack must be that
   * class's {@code main}, which rules out launchers such as Surefire's and {@code exec:java}.
   */
  static Optional<ForkEntry> mainEntry() {
    Counted known = main;
    if (known != null) {
      return Optional.of(known.entry());
    }
    String command = System.getProperty("sun.java.command");
    if (command == null || command.isBlank()) {
      return Optional.empty();
    }
    String[] parts = command.trim().split("\\s+");
    String mainClass = parts[0];
    if (mainClass.endsWith(".jar") || LAUNCHER_PACKAGES.stream().anyMatch(mainClass::startsWith)) {
      return Optional.empty();
    }
    Optional<StackWalker.StackFrame> bottom = StackWalker.getInstance().walk(s -> s.reduce((a, b) -> b));
    if (bottom.isEmpty() || !bottom.get().getClassName().equals(mainClass)
        || !bottom.get().getMethodName().equals("main")) {
      return Optional.empty();
    }
    ForkEntry e = new ForkEntry(Kind.MAIN, mainClass, List.of(parts).subList(1, parts.length));
    main = new Counted(e, MAIN_CALLS);
    return Optional.of(e);
  }
}
