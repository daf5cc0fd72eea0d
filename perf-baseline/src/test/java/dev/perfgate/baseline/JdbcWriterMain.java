package dev.perfgate.baseline;

import dev.perfgate.baseline.postgres.PostgresServer;
import dev.perfgate.api.BaselineStore;
import java.io.PrintStream;

/**
 * A child JVM for the PostgreSQL torture: appends runs {@link JdbcTorture#run(String, int)} to one
 * variant in a loop, printing {@code begin <i>} before each append and {@code ok <i>} once it
 * returned, so that the parent knows which runs were acknowledged and which append a kill hit.
 */
public final class JdbcWriterMain {
  private JdbcWriterMain() {}

  /**
   * Runs the writer.
   *
   * @param args port, schema, writer name, number of runs, history limit
   * @throws Exception if the store fails
   */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String schema = args[1];
    String writer = args[2];
    int runs = Integer.parseInt(args[3]);
    BaselineStore store = BaselineStores.jdbc(PostgresServer.dataSource(port, schema), Integer.parseInt(args[4]));
    PrintStream out = System.out;
    for (int i = 0; i < runs; i++) {
      out.println("begin " + i);
      out.flush();
      store.append(JdbcTorture.run(writer, i));
      out.println("ok " + i);
      out.flush();
    }
  }
}
