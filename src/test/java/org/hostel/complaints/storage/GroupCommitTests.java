package org.hostel.complaints.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Concurrent writes on the embedded default share commits, and each caller still gets exactly its
 * own outcome: a failing piece keeps nothing and takes nobody else down, and nothing is answered or
 * announced before its commit.
 */
class GroupCommitTests {

  @TempDir Path folder;

  private HikariDataSource database;
  private JdbcClient jdbc;
  private GroupCommit group;

  @BeforeEach
  void open() {
    database = new HikariDataSource();
    database.setJdbcUrl("jdbc:sqlite:" + folder.resolve("group.db"));
    database.addDataSourceProperty("journal_mode", "WAL");
    database.addDataSourceProperty("synchronous", "FULL");
    database.addDataSourceProperty("busy_timeout", "5000");
    database.setMaximumPoolSize(4);
    jdbc = JdbcClient.create(database);
    jdbc.sql("CREATE TABLE rows (name TEXT PRIMARY KEY)").update();
    var tx = new TransactionTemplate(new DataSourceTransactionManager(database));
    group = new GroupCommit(tx, true, Duration.ofSeconds(30), size -> {});
  }

  @AfterEach
  void close() throws InterruptedException {
    group.destroy();
    database.close();
  }

  @Test
  void concurrentWritesShareCommitsAndAFailingOneLosesOnlyItsOwnRow() throws Exception {
    int writers = 64;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < writers; i++) {
        String name = "row-" + i;
        outcomes.add(
            clients.submit(
                () -> {
                  start.await();
                  return group.execute(
                      () -> {
                        insert(name);
                        if (name.endsWith("7")) {
                          throw new IllegalArgumentException("refused " + name);
                        }
                        return name;
                      });
                }));
      }
      start.countDown();
    }
    List<String> acknowledged = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Future<String> outcome : outcomes) {
      try {
        acknowledged.add(outcome.get());
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
        refused.add(e.getCause().getMessage());
      }
    }
    assertThat(refused).hasSize(6);
    assertThat(stored()).containsExactlyInAnyOrderElementsOf(acknowledged).hasSize(writers - 6);
    assertThat(group.commits()).as("commits for %d writes", writers).isLessThan(writers);
  }

  @Test
  void aWriteThatBreaksTheDatabaseRuleIsRefusedAndTheOthersCommit() throws Exception {
    insert("taken");
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> duplicate = clients.submit(() -> group.execute(() -> insert("taken")));
      Future<?> fresh = clients.submit(() -> group.execute(() -> insert("fresh")));
      assertThatThrownBy(duplicate::get).hasCauseInstanceOf(RuntimeException.class);
      fresh.get();
    }
    assertThat(stored()).containsExactlyInAnyOrder("taken", "fresh");
  }

  @Test
  void afterCommitStepsRunOnTheCallersThreadOnlyForWorkThatCommitted() {
    Set<String> announced = ConcurrentHashMap.newKeySet();
    Thread caller = Thread.currentThread();
    group.execute(
        () -> {
          insert("kept");
          TransactionSynchronizationManager.registerSynchronization(
              new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                  assertThat(Thread.currentThread()).isSameAs(caller);
                  assertThat(stored()).contains("kept");
                  announced.add("kept");
                }
              });
          return null;
        });
    assertThatThrownBy(
            () ->
                group.execute(
                    () -> {
                      insert("dropped");
                      TransactionSynchronizationManager.registerSynchronization(
                          new TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                              announced.add("dropped");
                            }
                          });
                      throw new IllegalStateException("no");
                    }))
        .hasMessage("no");
    group.execute(() -> insert("later"));
    assertThat(announced).containsExactly("kept");
    assertThat(stored()).containsExactlyInAnyOrder("kept", "later");
  }

  private int insert(String name) {
    return jdbc.sql("INSERT INTO rows (name) VALUES (:name)").param("name", name).update();
  }

  private List<String> stored() {
    return jdbc.sql("SELECT name FROM rows").query(String.class).list();
  }
}
