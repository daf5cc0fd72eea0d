package dev.perfgate.examples.outside;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The Perfgate checkout this build runs in: the directory holding the Maven wrapper and the root pom. */
public final class ProjectRoot {
  private ProjectRoot() {}

  /**
   * Finds the checkout by walking up from the working directory (a module's directory when Surefire
   * runs its tests) to the first directory with {@code mvnw} and {@code pom.xml}.
   *
   * @return the root directory, absolute
   * @throws IllegalStateException if no directory above the working directory has both
   */
  public static Path find() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no directory at or above " + start + " holds mvnw and pom.xml;"
        + " run the tests from inside the Perfgate checkout");
  }

  /**
   * The version in the root pom, which every module shares.
   *
   * @return the version, such as {@code 0.1.0-SNAPSHOT}
   */
  public static String version() {
    return childText(pom(find().resolve("pom.xml")), "version");
  }

  /** Parses a pom without fetching anything. */
  static Element pom(Path pom) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
    }
  }

  /** The text of a direct child element, or an empty string. */
  static String childText(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().strip();
      }
    }
    return "";
  }
}
