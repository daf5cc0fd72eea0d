package dev.perfgate.collectors.internal.jfr;

import jdk.jfr.consumer.RecordedFrame;

/** Readable names for what JFR records in JVM notation. Internal. */
public final class JfrNames {
  private JfrNames() {}

  /** {@code [B} to {@code byte[]}, {@code [Ljava.lang.String;} to {@code java.lang.String[]}. */
  public static String typeName(String name) {
    if (name == null || !name.startsWith("[")) {
      return name == null ? "unknown" : name;
    }
    int dims = 0;
    while (dims < name.length() && name.charAt(dims) == '[') {
      dims++;
    }
    String element = name.substring(dims);
    String base;
    switch (element.isEmpty() ? ' ' : element.charAt(0)) {
      case 'B': base = "byte"; break;
      case 'C': base = "char"; break;
      case 'D': base = "double"; break;
      case 'F': base = "float"; break;
      case 'I': base = "int"; break;
      case 'J': base = "long"; break;
      case 'S': base = "short"; break;
      case 'Z': base = "boolean"; break;
      case 'L': base = element.substring(1, element.length() - (element.endsWith(";") ? 1 : 0)); break;
      default: base = element; break;
    }
    return base + "[]".repeat(dims);
  }

  public static boolean isJdk(String className) {
    return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
        || className.startsWith("sun.") || className.startsWith("com.sun.");
  }

  public static String frame(RecordedFrame f) {
    String where = f.getMethod().getType().getName() + "." + f.getMethod().getName();
    return f.getLineNumber() > 0 ? where + ":" + f.getLineNumber() : where;
  }
}
