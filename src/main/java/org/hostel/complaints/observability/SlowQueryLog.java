package org.hostel.complaints.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Logs every SQL statement that takes longer than the threshold ({@code
 * COMPLAINTS_OBSERVABILITY_SLOW_QUERY_THRESHOLD}, 200 ms by default) with its normalised text
 * ({@link SqlText}) and the request id of the request it ran for, and counts it in {@code
 * db.statements.slow}. It wraps every {@link DataSource} bean last, so it times what the
 * application waits for, including the embedded database's write turn.
 */
final class SlowQueryLog implements BeanPostProcessor, Ordered {

  static final String METRIC = "db.statements.slow";
  private static final Logger log = LoggerFactory.getLogger(SlowQueryLog.class);
  private static final Set<String> EXECUTES =
      Set.of(
          "execute",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "executeBatch",
          "executeLargeBatch");

  private final long thresholdNanos;
  private final ObjectProvider<MeterRegistry> registry;
  private final ObjectProvider<ObservationRegistry> observations;
  private volatile @Nullable Counter counter;
  private volatile @Nullable ObservationRegistry observationRegistry;

  SlowQueryLog(
      Duration threshold,
      ObjectProvider<MeterRegistry> registry,
      ObjectProvider<ObservationRegistry> observations) {
    this.thresholdNanos = threshold.toNanos();
    this.registry = registry;
    this.observations = observations;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource source && !(bean instanceof Timed)) {
      return new Timed(source);
    }
    return bean;
  }

  /** The data source whose connections time their statements. */
  final class Timed extends DelegatingDataSource {
    Timed(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws java.sql.SQLException {
      return proxy(Connection.class, obtainTargetDataSource().getConnection(), null);
    }

    @Override
    public Connection getConnection(String username, String password) throws java.sql.SQLException {
      return proxy(
          Connection.class, obtainTargetDataSource().getConnection(username, password), null);
    }
  }

  private <T> T proxy(Class<T> type, T target, @Nullable String sql) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, new Handler(target, sql)));
  }

  private final class Handler implements InvocationHandler {
    private final Object target;
    private final @Nullable String sql;

    Handler(Object target, @Nullable String sql) {
      this.target = target;
      this.sql = sql;
    }

    @Override
    public @Nullable Object invoke(Object self, Method method, Object @Nullable [] args)
        throws Throwable {
      String name = method.getName();
      if (!(target instanceof Statement) || !EXECUTES.contains(name)) {
        return wrap(name, call(method, args), args);
      }
      String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
      Observation observation = observe(text);
      long started = System.nanoTime();
      try (Observation.Scope scope = observation.openScope()) {
        return call(method, args);
      } catch (Throwable failure) {
        observation.error(failure);
        throw failure;
      } finally {
        observation.stop();
        long took = System.nanoTime() - started;
        if (took >= thresholdNanos) {
          slow(text, took);
        }
      }
    }

    private @Nullable Object call(Method method, Object @Nullable [] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private @Nullable Object wrap(String name, @Nullable Object result, Object @Nullable [] args) {
      if (result instanceof CallableStatement call && name.equals("prepareCall")) {
        return proxy(CallableStatement.class, call, (String) args[0]);
      }
      if (result instanceof PreparedStatement prepared && name.equals("prepareStatement")) {
        return proxy(PreparedStatement.class, prepared, (String) args[0]);
      }
      if (result instanceof Statement statement && name.equals("createStatement")) {
        return proxy(Statement.class, statement, null);
      }
      return result;
    }
  }

  /**
   * A span for the statement, child of the work it runs for (a request); none for work nobody
   * traces (the outbox's polling), so idle instances send no spans.
   */
  private Observation observe(@Nullable String sql) {
    ObservationRegistry registry = observationRegistry;
    if (registry == null) {
      registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
      observationRegistry = registry;
    }
    if (registry.getCurrentObservation() == null) {
      return Observation.NOOP;
    }
    String text = sql == null ? "(batch)" : SqlText.normalise(sql);
    String operation = text.split(" ", 2)[0].toLowerCase(java.util.Locale.ROOT);
    return Observation.createNotStarted("jdbc.statement", registry)
        .contextualName("jdbc " + operation)
        .lowCardinalityKeyValue("db.operation", operation)
        .highCardinalityKeyValue("db.statement", text)
        .start();
  }

  private void slow(@Nullable String sql, long nanos) {
    Counter slow = counter;
    if (slow == null) {
      MeterRegistry meters = registry.getIfAvailable();
      if (meters != null) {
        slow =
            Counter.builder(METRIC)
                .description("SQL statements slower than the slow-query threshold")
                .register(meters);
        counter = slow;
      }
    }
    if (slow != null) {
      slow.increment();
    }
    String text = sql == null ? "(batch)" : SqlText.normalise(sql);
    // The request id is a field of the line already (the MDC); naming it twice breaks the JSON.
    String request = MDC.get("request_id");
    log.atWarn()
        .addKeyValue("sql", text)
        .addKeyValue("duration_ms", nanos / 1_000_000)
        .log(
            "Slow SQL ({} ms, request {}): {}",
            nanos / 1_000_000,
            request == null ? "none" : request,
            text);
  }
}
