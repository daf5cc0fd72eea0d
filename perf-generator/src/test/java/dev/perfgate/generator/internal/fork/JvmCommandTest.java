package dev.perfgate.generator.internal.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JvmCommandTest {

  @Test
  void inherited_dropsDebuggersRecordingsLogFilesAndPerfgateProperties_keepsTheRest() {
    List<String> parent = List.of(
        "-Xmx2g",
        "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005",
        "-Xrunjdwp:transport=dt_socket",
        "-javaagent:/opt/idea/plugins/java/lib/rt/debugger-agent.jar",
        "-javaagent:/home/u/.m2/org/jacoco/jacocoagent.jar=destfile=target/jacoco.exec",
        "-XX:StartFlightRecording=duration=30s,filename=rec.jfr",
        "-XX:FlightRecorderOptions=stackdepth=128",
        "-Xlog:gc*:file=gc.log:time",
        "-Xlog:gc:stdout",
        "-Xlog:safepoint",
        "-Xloggc:gc.log",
        "-XX:+UnlockDiagnosticVMOptions",
        "-XX:+LogCompilation",
        "-XX:LogFile=hotspot.log",
        "-Dperfgate.quick=true",
        "-Dfile.encoding=UTF-8",
        "-XX:+UseParallelGC");
    assertEquals(List.of("-Xmx2g", "-javaagent:/home/u/.m2/org/jacoco/jacocoagent.jar=destfile=target/jacoco.exec",
        "-Xlog:gc:stdout", "-Xlog:safepoint", "-XX:+UnlockDiagnosticVMOptions", "-Dfile.encoding=UTF-8",
        "-XX:+UseParallelGC"), JvmCommand.inherited(parent));
  }

  @Test
  void classPath_manifestOnlyJar_isReplacedByItsEntries(@TempDir Path dir) throws Exception {
    Path lib = Files.createDirectories(dir.resolve("my libs"));
    Path booter = dir.resolve("surefirebooter1.jar");
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH,
        lib.resolve("a.jar").toUri() + " " + dir.resolve("test-classes").toUri() + " relative.jar");
    try (OutputStream out = Files.newOutputStream(booter); JarOutputStream jar = new JarOutputStream(out, m)) {
      // a manifest and nothing else, as Surefire writes it
    }
    Path other = dir.resolve("other.jar");
    assertEquals(List.of(lib.resolve("a.jar").toString(), dir.resolve("test-classes").toString(),
        dir.resolve("relative.jar").toString(), other.toString()),
        JvmCommand.classPath(booter + File.pathSeparator + other));
  }

  @Test
  void quote_escapesBackslashesAndQuotes_forAnArgumentFile() {
    assertEquals("\"C:\\\\dir with space\\\\a \\\"b\\\".jar\"", JvmCommand.quote("C:\\dir with space\\a \"b\".jar"));
  }
}
