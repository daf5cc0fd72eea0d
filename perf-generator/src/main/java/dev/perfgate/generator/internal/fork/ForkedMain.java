package dev.perfgate.generator.internal.fork;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The main class of a child JVM: it watches its standard input, which is a pipe from the parent,
 * and halts when the pipe closes (the parent is gone), then reruns the entry point of its
 * {@link ForkRequest}; the suite's run call that the request names measures and writes its results
 * and stops the entry there (see {@link Forking}).
 */
public final class ForkedMain {
  /** Exit code of a child whose entry point ended before the requested run call. */
  static final int NOT_REACHED = 4;
  /** Exit code of a child whose requested run call has other variants than the parent's. */
  static final int OTHER_VARIANTS = 3;
  /** Exit code of a child that lost its parent. */
  static final int ORPHANED = 5;

  /** The thread that runs the entry point; only its run calls are counted, as in the parent. */
  private static volatile Thread entryThread;

  private ForkedMain() {}

  /** Whether the current thread is the one that reruns the entry point's {@code main}. */
  static boolean onEntryThread() {
    return Thread.currentThread() == entryThread;
  }

  /**
   * Runs the request named by the system property {@link ForkRequest#PROPERTY}.
   *
   * @param args ignored; the request holds the entry point's arguments
   * @throws Throwable if the request cannot be read, or what the entry point threw
   */
  public static void main(String[] args) throws Throwable {
    watchParent(System.in);
    String file = System.getProperty(ForkRequest.PROPERTY);
    if (file == null) {
      throw new IllegalStateException(ForkedMain.class.getName() + " is started by Perfgate for a fork; "
          + ForkRequest.PROPERTY + " is not set");
    }
    ForkRequest request = ForkRequest.read(Path.of(file));
    entryThread = Thread.currentThread();
    Forking.child(request);
    try {
      switch (request.entry().kind()) {
        case TEST -> runTest(request.entry().target());
        case MAIN -> runMain(request.entry().target(), request.entry().args().toArray(String[]::new));
        default -> throw new IllegalStateException("unknown entry " + request.entry());
      }
    } catch (ForkFinished done) {
      // the requested call was measured
    }
    if (!Forking.finished()) {
      tellParent(request, request.entry().kind().name().toLowerCase(java.util.Locale.ROOT) + " "
          + request.entry().target() + " ended after " + Forking.childCalls() + " run call(s), before run call #"
          + (request.ordinal() + 1) + " that the parent measured; code before a run call must take the same path"
          + " in every JVM");
      Runtime.getRuntime().halt(NOT_REACHED);
    }
    // halt: the user's non-daemon threads and shutdown hooks must not keep a finished fork alive
    Runtime.getRuntime().halt(0);
  }

  /** The file a child leaves a problem in for the parent's report. */
  static Path problemFile(Path output) {
    return output.resolve("problem.txt");
  }

  /** Leaves a problem for the parent, which quotes it in the fork's error. */
  static void tellParent(ForkRequest request, String problem) {
    try {
      java.nio.file.Files.createDirectories(request.output());
      java.nio.file.Files.writeString(problemFile(request.output()), problem);
    } catch (IOException e) {
      // the exit code still tells the parent that something went wrong
    }
  }

  /**
   * Halts this JVM when the parent's end of the pipe closes. Reading blocks a daemon thread until
   * end of stream, which the operating system signals when the parent process is gone.
   */
  static void watchParent(InputStream in) {
    Thread t = new Thread(() -> {
      try {
        while (in.read() >= 0) {
          // the parent never writes; anything read is ignored
        }
      } catch (IOException e) {
        // a broken pipe means the same as its end
      }
      Runtime.getRuntime().halt(ORPHANED);
    }, "perfgate-fork-parent-watch");
    t.setDaemon(true);
    t.start();
  }

  private static void runMain(String className, String[] args) throws Throwable {
    Method main = Class.forName(className, false, Thread.currentThread().getContextClassLoader())
        .getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Through the JUnit Platform launcher, by reflection: the generator's core must not need JUnit. */
  private static void runTest(String uniqueId) throws Throwable {
    Class<?> runner;
    try {
      runner = Class.forName("dev.perfgate.generator.junit.internal.ForkedTest");
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("a forked @PerfTest needs JUnit on the class path: " + e, e);
    }
    try {
      runner.getMethod("run", String.class).invoke(null, uniqueId);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof NoClassDefFoundError missing && String.valueOf(missing.getMessage())
          .startsWith("org/junit/platform/launcher")) {
        throw new IllegalStateException("a forked @PerfTest reruns its test through the JUnit Platform launcher,"
            + " which is not on the class path: add org.junit.platform:junit-platform-launcher with test scope, or"
            + " set perfgate.forks=0", missing);
      }
      throw e.getCause();
    }
  }
}
