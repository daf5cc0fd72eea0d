package dev.perfgate.collectors.heap.internal;

import dev.perfgate.collectors.internal.jfr.JfrNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * Paths from GC roots to objects still alive, from JFR's old-object sampler
 * ({@code jdk.OldObjectSample} with paths to GC roots). The sampler samples allocations made while
 * the recording runs and favours large ones, so it finds a path to an object only when the object,
 * or something it holds, was sampled. Check {@link JfrSupport#unavailable()} before use. Internal.
 */
public final class OldObjectPaths implements AutoCloseable {
  private final Recording recording;

  private OldObjectPaths(Recording recording) {
    this.recording = recording;
  }

  /**
   * Starts sampling allocations.
   *
   * @return the running sampler
   */
  public static OldObjectPaths start() {
    primeOnce();
    return new OldObjectPaths(newRecording());
  }

  private static volatile boolean primed;
  private static volatile Object primer;

  /**
   * Measured on JDK 17 and 25: the first old-object recording of a JVM often misses what is
   * allocated during it (in about half of fresh JVMs), and so does a second one when the first
   * sampled nothing; once one recording has sampled an object, later ones have caught every large
   * allocation in our runs. So the first use runs a short recording that must sample a large array,
   * up to three times.
   */
  private static synchronized void primeOnce() {
    if (primed) {
      return;
    }
    for (int attempt = 0; attempt < 3 && !primed; attempt++) {
      OldObjectPaths probe = new OldObjectPaths(newRecording());
      try {
        // Larger than half a G1 region, so allocated outside any TLAB, where the sampler looks.
        primer = new Primer();
        primed = probe.pathTo(Primer.class.getName()).isPresent();
      } catch (IOException e) {
        return;
      } finally {
        primer = null;
        probe.close();
      }
    }
  }

  private static final class Primer {
    @SuppressWarnings("unused")
    private final byte[] payload = new byte[8 * 1024 * 1024];
  }

  private static Recording newRecording() {
    Recording r = new Recording();
    r.setName("perfgate-retention");
    r.setToDisk(true);
    // "infinity" lets the JVM search as long as it takes for the path when the recording stops.
    r.enable("jdk.OldObjectSample").with("cutoff", "infinity");
    r.start();
    return r;
  }

  /**
   * Stops sampling and finds the shortest path from a GC root to a live sampled object of the class,
   * or to one that such an object holds.
   *
   * @param className the class's name, as {@link Class#getName()} gives it
   * @return the path, from the root to the object, empty if no sample shows one
   * @throws IOException if the recording cannot be written or read
   */
  public Optional<String> pathTo(String className) throws IOException {
    recording.stop();
    Path file = Files.createTempFile("perfgate-retention-", ".jfr");
    try {
      recording.dump(file);
      List<String> best = null;
      for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
        if (!e.getEventType().getName().equals("jdk.OldObjectSample")) {
          continue;
        }
        List<String> path = pathThrough(e, className);
        if (path != null && (best == null || path.size() < best.size())) {
          best = path;
        }
      }
      return best == null ? Optional.empty() : Optional.of(String.join(" -> ", best));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The chain from the root to the first object of the class on it, or null if it has none. */
  private static @Nullable List<String> pathThrough(RecordedEvent e, String className) {
    // Walked from the sampled object up to the root: each node's name, and the field of that node
    // that points down to the node walked before it.
    List<String> names = new ArrayList<>();
    List<String> downward = new ArrayList<>();
    String wanted = JfrNames.typeName(className);
    int found = -1;
    RecordedObject object = e.getValue("object");
    String via = "";
    int guard = 0;
    while (object != null && guard++ < 10_000) {
      RecordedClass type = object.getValue("type");
      String typeName = type == null ? "unknown" : JfrNames.typeName(type.getName());
      String description = object.getValue("description");
      names.add(typeName + (description == null ? "" : " [" + description + "]"));
      downward.add(via);
      if (found < 0 && typeName.equals(wanted)) {
        found = names.size() - 1;
      }
      RecordedObject referrer = object.getValue("referrer");
      if (referrer == null) {
        break;
      }
      via = edge(referrer);
      object = referrer.getValue("object");
    }
    if (found < 0) {
      return null;
    }
    List<String> path = new ArrayList<>();
    RecordedObject root = e.getValue("root");
    if (root != null) {
      path.add("GC root (" + root.getValue("system") + ", " + root.getValue("type")
          + (root.getValue("description") == null ? "" : ", " + root.getValue("description")) + ")");
    }
    for (int i = names.size() - 1; i >= found; i--) {
      // The object checked ends the path; what it holds is not part of what keeps it alive.
      path.add(i == found ? names.get(i) : names.get(i) + downward.get(i));
    }
    return path;
  }

  private static String edge(RecordedObject referrer) {
    StringBuilder sb = new StringBuilder();
    RecordedObject field = referrer.getValue("field");
    RecordedObject array = referrer.getValue("array");
    if (field != null) {
      boolean isStatic = (((Number) field.getValue("modifiers")).intValue() & java.lang.reflect.Modifier.STATIC) != 0;
      sb.append(isStatic ? " static field " : " field ").append((String) field.getValue("name"));
    } else if (array != null) {
      sb.append(" element [").append(((Number) array.getValue("index")).intValue()).append(']');
    }
    Object skip = referrer.getValue("skip");
    if (skip instanceof Number && ((Number) skip).intValue() > 0) {
      sb.append(" (").append(((Number) skip).intValue()).append(" objects between not shown)");
    }
    return sb.toString();
  }

  @Override
  public void close() {
    recording.close();
  }
}
