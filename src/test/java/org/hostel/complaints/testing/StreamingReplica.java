package org.hostel.complaints.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL primary and its streaming replica of our own, made in a temporary folder with {@code
 * initdb} and {@code pg_basebackup -R} on ports 5440-5449, run as the {@code postgres} user. The
 * shared server on 5432 is never touched. The replica logs every statement, so a test can tell
 * which server answered.
 */
public final class StreamingReplica implements AutoCloseable {

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  public static final String DATABASE = "complaints";

  private final Path dir;
  private final int primaryPort;
  private final int replicaPort;

  private StreamingReplica(Path dir, int primaryPort, int replicaPort) {
    this.dir = dir;
    this.primaryPort = primaryPort;
    this.replicaPort = replicaPort;
  }

  public static StreamingReplica start() {
    List<Integer> ports = freePorts(5440, 5449, 2);
    try {
      Path dir = Files.createTempDirectory("complaints-replica-");
      run(List.of("chown", "postgres:postgres", dir.toString()), false);
      StreamingReplica pair = new StreamingReplica(dir, ports.get(0), ports.get(1));
      Runtime.getRuntime().addShutdownHook(new Thread(pair::close));
      pair.startPrimary();
      pair.startReplica();
      return pair;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String primaryUrl() {
    return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/" + DATABASE;
  }

  public String replicaUrl() {
    return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/" + DATABASE;
  }

  /** Stops applying changes on the replica, so it falls behind the primary. */
  public void pauseReplay() {
    replicaSql("SELECT pg_wal_replay_pause()");
  }

  public void resumeReplay() {
    replicaSql("SELECT pg_wal_replay_resume()");
  }

  /** Waits until the replica has replayed everything the primary has written so far. */
  public void awaitCaughtUp() {
    String position = primarySql("SELECT pg_current_wal_lsn()::text");
    Eventually.await(
        "the replica has replayed up to " + position,
        Duration.ofSeconds(30),
        () -> "t".equals(replicaSql("SELECT pg_last_wal_replay_lsn() >= '" + position + "'")));
  }

  /** Everything the replica has logged, including each statement it ran. */
  public String replicaLog() {
    try {
      return Files.readString(dir.resolve("replica.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void stopReplica() {
    pgCtl("replica", "stop", "-m", "immediate");
  }

  @Override
  public void close() {
    if (Files.exists(dir.resolve("replica/postmaster.pid"))) {
      pgCtl("replica", "stop", "-m", "immediate");
    }
    if (Files.exists(dir.resolve("primary/postmaster.pid"))) {
      pgCtl("primary", "stop", "-m", "immediate");
    }
    run(List.of("rm", "-rf", dir.toString()), false);
  }

  private void startPrimary() throws IOException {
    asPostgres(
        BIN.resolve("initdb").toString(),
        "-D",
        dir.resolve("primary").toString(),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-sync");
    Files.writeString(
        dir.resolve("primary/postgresql.conf"),
        """

        listen_addresses = '127.0.0.1'
        port = %d
        unix_socket_directories = '%s'
        wal_level = replica
        max_wal_senders = 4
        fsync = off
        """
            .formatted(primaryPort, dir),
        java.nio.file.StandardOpenOption.APPEND);
    pgCtl("primary", "start", "-l", dir.resolve("primary.log").toString());
    primarySql("CREATE DATABASE " + DATABASE);
  }

  private void startReplica() {
    asPostgres(
        BIN.resolve("pg_basebackup").toString(),
        "-h",
        "127.0.0.1",
        "-p",
        Integer.toString(primaryPort),
        "-U",
        "postgres",
        "-D",
        dir.resolve("replica").toString(),
        "-R",
        "-X",
        "stream",
        // The default spread checkpoint makes the copy wait minutes for nothing.
        "--checkpoint=fast",
        "--no-sync");
    pgCtl(
        "replica",
        "start",
        "-l",
        dir.resolve("replica.log").toString(),
        "-o",
        "-p " + replicaPort + " -c log_statement=all -c hot_standby=on");
    awaitCaughtUp();
  }

  private void pgCtl(String server, String... args) {
    List<String> command = new ArrayList<>();
    command.add(BIN.resolve("pg_ctl").toString());
    command.add("-D");
    command.add(dir.resolve(server).toString());
    command.add("-w");
    command.addAll(List.of(args));
    asPostgres(command.toArray(String[]::new));
  }

  private String primarySql(String sql) {
    return sql(primaryPort, "postgres", sql);
  }

  private String replicaSql(String sql) {
    return sql(replicaPort, "postgres", sql);
  }

  private static String sql(int port, String database, String sql) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
        Statement s = c.createStatement()) {
      if (!s.execute(sql)) {
        return "";
      }
      var rs = s.getResultSet();
      if (!rs.next()) {
        return "";
      }
      Object value = rs.getObject(1);
      return value instanceof Boolean b ? (b ? "t" : "f") : String.valueOf(value);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " on port " + port + " failed", e);
    }
  }

  private static void asPostgres(String... command) {
    List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(List.of(command));
    run(full, true);
  }

  private static void run(List<String> command, boolean mustSucceed) {
    try {
      Path output = Files.createTempFile("complaints-pg-", ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " timed out");
      }
      String text = Files.readString(output);
      Files.deleteIfExists(output);
      if (mustSucceed && process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<Integer> freePorts(int from, int to, int count) {
    List<Integer> free = new ArrayList<>();
    for (int port = from; port <= to && free.size() < count; port++) {
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        free.add(port);
      } catch (IOException taken) {
        // Someone else's; try the next.
      }
    }
    if (free.size() < count) {
      throw new IllegalStateException("no " + count + " free ports in " + from + "-" + to);
    }
    return free;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
