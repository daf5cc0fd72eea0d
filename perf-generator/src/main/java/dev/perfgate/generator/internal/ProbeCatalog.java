package dev.perfgate.generator.internal;

import dev.perfgate.api.ProbeProvider;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds probe providers: through {@link ServiceLoader} first, then by fully qualified class name.
 * Remembers where each came from so that a run can say which probes it used.
 */
public final class ProbeCatalog {

  /** A provider and where it was found. */
  public record Entry(ProbeProvider provider, String source) {
    @Override
    public String toString() {
      return provider.id() + " (" + provider.description() + ") from " + source;
    }
  }

  private final Map<String, Entry> byId;
  private final List<String> problems;

  private ProbeCatalog(Map<String, Entry> byId, List<String> problems) {
    this.byId = byId;
    this.problems = problems;
  }

  /**
   * Loads every provider visible to a class loader.
   *
   * @param loader the class loader
   * @return the catalog
   */
  public static ProbeCatalog load(ClassLoader loader) {
    Map<String, Entry> byId = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    var iterator = ServiceLoader.load(ProbeProvider.class, loader).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        ProbeProvider p = iterator.next();
        Entry previous = byId.putIfAbsent(p.id(), new Entry(p, "ServiceLoader, " + source(p.getClass())));
        if (previous != null) {
          problems.add("two probe providers have the id '" + p.id() + "': " + previous.provider().getClass().getName()
              + " and " + p.getClass().getName() + "; the first is used");
        }
      } catch (ServiceConfigurationError | LinkageError e) {
        problems.add("a probe provider could not be loaded and was skipped: " + e.getMessage());
      }
    }
    return new ProbeCatalog(byId, problems);
  }

  /**
   * The providers found, in discovery order.
   *
   * @return the entries
   */
  public List<Entry> entries() {
    return List.copyOf(byId.values());
  }

  /**
   * Problems met while loading (a provider that failed to load, a duplicate id).
   *
   * @return the problems, possibly empty
   */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * Finds a provider by id, or else by the fully qualified name of a {@link ProbeProvider} class.
   *
   * @param idOrClassName a short id such as {@code alloc}, or a class name
   * @param loader the class loader for class names
   * @return the entry
   * @throws IllegalArgumentException if neither finds a provider; the message lists the known ids
   */
  public Entry find(String idOrClassName, ClassLoader loader) {
    Entry e = byId.get(idOrClassName);
    if (e != null) {
      return e;
    }
    if (idOrClassName.contains(".")) {
      try {
        Class<?> type = Class.forName(idOrClassName, true, loader);
        if (ProbeProvider.class.isAssignableFrom(type)) {
          ProbeProvider p = (ProbeProvider) type.getConstructor().newInstance();
          return new Entry(p, "class name, " + source(type));
        }
        throw new IllegalArgumentException("probe class " + idOrClassName + " does not implement "
            + ProbeProvider.class.getName());
      } catch (ReflectiveOperationException | LinkageError ex) {
        if (!(ex instanceof ClassNotFoundException)) {
          throw new IllegalArgumentException("probe provider " + idOrClassName
              + " could not be created; it needs a public no-argument constructor: " + ex, ex);
        }
      }
    }
    throw new IllegalArgumentException("no probe '" + idOrClassName + "'; known probes: " + byId.keySet()
        + " (register a ProbeProvider in META-INF/services/dev.perfgate.api.ProbeProvider,"
        + " or give the provider's fully qualified class name)");
  }

  static String source(Class<?> type) {
    try {
      CodeSource cs = type.getProtectionDomain().getCodeSource();
      if (cs != null && cs.getLocation() != null) {
        String path = cs.getLocation().getPath();
        int slash = path.lastIndexOf('/', path.length() - 2);
        return slash >= 0 ? path.substring(slash + 1) : path;
      }
    } catch (SecurityException ignored) {
      // fall through: the location is only informative
    }
    return "unknown location";
  }
}
