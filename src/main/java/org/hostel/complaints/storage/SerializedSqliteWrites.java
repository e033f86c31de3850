package org.hostel.complaints.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets one SQLite writer in at a time, waiting in Java rather than in SQLite.
 *
 * <p>SQLite has one write lock per file. A second writer normally waits inside SQLite's busy
 * handler, which is native code: on a virtual thread it pins the carrier thread while it sleeps.
 * With as many waiting writers as carriers (two on a 2-core machine), the writer that holds the
 * lock can no longer be scheduled to commit, and every request stalls until the busy timeout. Here
 * a write transaction takes a permit when it begins ({@code setAutoCommit(false)}) and gives it
 * back when it ends ({@code setAutoCommit(true)} or {@code close()}); a write outside a transaction
 * holds the permit for its one statement. A waiting virtual thread parks and frees its carrier.
 * Reads take no permit: in WAL mode they never wait for the writer.
 */
final class SerializedSqliteWrites extends DelegatingDataSource {

  private static final Set<String> WRITES =
      Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

  private final Semaphore permit = new Semaphore(1, true);
  private final long waitMillis;
  private volatile @Nullable Thread holder;

  SerializedSqliteWrites(DataSource target, Duration wait) {
    super(target);
    this.waitMillis = wait.toMillis();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(obtainTargetDataSource().getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(obtainTargetDataSource().getConnection(username, password));
  }

  private Connection wrap(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Guarded(target));
  }

  private void acquire() throws SQLException {
    try {
      if (!permit.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
        throw new SQLTransientConnectionException(
            "The embedded database stayed busy with other writes for " + waitMillis + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("Interrupted while waiting to write", e);
    }
    holder = Thread.currentThread();
  }

  private void release() {
    holder = null;
    permit.release();
  }

  /** One connection: whether it holds the permit for an open write transaction. */
  private final class Guarded implements InvocationHandler {

    private final Connection target;
    private boolean holding;

    Guarded(Connection target) {
      this.target = target;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
        throws Throwable {
      switch (method.getName()) {
        case "setAutoCommit" -> {
          boolean auto = (Boolean) args[0];
          if (!auto && !holding) {
            acquire();
            holding = true;
          }
          try {
            return call(target, method, args);
          } catch (Throwable failure) {
            if (!auto) {
              releaseHeld();
            }
            throw failure;
          } finally {
            if (auto) {
              releaseHeld();
            }
          }
        }
        case "close" -> {
          try {
            return call(target, method, args);
          } finally {
            releaseHeld();
          }
        }
        case "createStatement", "prepareStatement", "prepareCall" -> {
          Statement statement = (Statement) call(target, method, args);
          return Proxy.newProxyInstance(
              Statement.class.getClassLoader(),
              new Class<?>[] {method.getReturnType()},
              (p, m, a) -> statement(statement, p, proxy, m, a));
        }
        default -> {
          return call(target, method, args);
        }
      }
    }

    private @Nullable Object statement(
        Statement statement, Object self, Object connection, Method method, @Nullable Object[] args)
        throws Throwable {
      if (method.getName().equals("getConnection")) {
        return connection;
      }
      boolean alone =
          WRITES.contains(method.getName()) && !holding && holder != Thread.currentThread();
      if (!alone) {
        return call(statement, method, args);
      }
      acquire();
      try {
        return call(statement, method, args);
      } finally {
        release();
      }
    }

    private void releaseHeld() {
      if (holding) {
        holding = false;
        release();
      }
    }
  }

  private static @Nullable Object call(Object target, Method method, @Nullable Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
