package dev.perfgate.examples.generator.template;

/**
 * A template source that does not compile, with the template name, the line and column of the fault, and what
 * to write instead.
 */
public final class TemplateSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String templateName;
  private final int line;
  private final int column;

  TemplateSyntaxException(String templateName, int line, int column, String problem) {
    super("template " + templateName + " line " + line + " column " + column + ": " + problem);
    this.templateName = templateName;
    this.line = line;
    this.column = column;
  }

  /**
   * Returns the name of the template that failed to compile.
   *
   * @return the template name
   */
  public String templateName() {
    return templateName;
  }

  /**
   * Returns the 1-based line of the fault.
   *
   * @return the line number
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column of the fault.
   *
   * @return the column number
   */
  public int column() {
    return column;
  }
}
