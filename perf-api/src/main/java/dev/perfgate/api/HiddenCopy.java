package dev.perfgate.api;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/**
 * Loads a private copy of a class of this package as a hidden class, so that the copy gathers its
 * own JIT type profiles. Falls back to the class itself where its bytes cannot be read.
 */
final class HiddenCopy {
  private HiddenCopy() {}

  /**
   * A constructor handle of a fresh hidden copy of {@code template}.
   *
   * @param template a class of this package that has no nested or inner classes of its own
   * @param type the constructor's type (returning void)
   * @return the handle, typed to return {@code template}'s supertype as declared in {@code type}
   */
  static MethodHandle constructor(Class<?> template, MethodType type) {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      Class<?> copy = template;
      byte[] bytes = bytes(template);
      if (bytes != null) {
        copy = lookup.defineHiddenClass(bytes, true).lookupClass();
      }
      return MethodHandles.privateLookupIn(copy, lookup).findConstructor(copy, type);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      try {
        return lookup.findConstructor(template, type);
      } catch (ReflectiveOperationException inner) {
        throw new IllegalStateException("cannot construct " + template.getName(), inner);
      }
    }
  }

  private static byte @Nullable [] bytes(Class<?> template) {
    String resource = template.getSimpleName() + ".class";
    try (InputStream in = template.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }
}
