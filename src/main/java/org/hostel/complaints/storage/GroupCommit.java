package org.hostel.complaints.storage;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs short write transactions so that, on the embedded default, concurrent ones share one commit.
 *
 * <p>SQLite syncs every commit ({@code synchronous=FULL}) and lets one writer in at a time, so one
 * transaction per request is one fsync per request in a single file. Here the work waits in a
 * queue; one platform thread takes everything queued, runs each piece inside its own savepoint of
 * one transaction and commits once. A piece that fails is rolled back to its savepoint and answered
 * with its own failure; the others commit. Nobody is answered before the commit returns, and what a
 * piece registered to happen after commit (events, wake-ups) runs on the caller's own thread once
 * it has. On PostgreSQL, where concurrent transactions commit in parallel, the work runs in an
 * ordinary transaction of its own.
 *
 * <p>The writer is a platform thread: SQLite's native calls, the fsync above all, never pin a
 * virtual thread's carrier.
 */
public final class GroupCommit implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** Most pieces of work in one transaction; the rest wait for the next commit. */
  static final int MAX_BATCH = 128;

  private final TransactionTemplate tx;
  private final long waitNanos;
  private final BlockingQueue<GroupMember<?>> queue = new LinkedBlockingQueue<>();
  private final @Nullable Thread writer;
  private final AtomicLong commits = new AtomicLong();
  private final IntConsumer sizes;
  private volatile boolean stopped;

  /**
   * @param tx transactions on the one database
   * @param grouped whether to group at all (only the embedded default does)
   * @param wait longest a piece waits for its turn before it is refused as overload
   * @param sizes told how many pieces each commit carried
   */
  GroupCommit(TransactionTemplate tx, boolean grouped, Duration wait, IntConsumer sizes) {
    this.tx = tx;
    this.sizes = sizes;
    this.waitNanos = wait.toNanos();
    this.writer =
        grouped ? Thread.ofPlatform().name("sqlite-writer").daemon().start(this::run) : null;
  }

  /**
   * Runs {@code work} in a transaction and returns once that transaction has committed; a failure
   * of the work is thrown here and nothing it wrote is kept. Inside a transaction already open on
   * this thread the work joins it: that transaction holds the write lock the group would wait for.
   */
  public <T> T execute(Supplier<T> work) {
    if (writer == null || TransactionSynchronizationManager.isActualTransactionActive()) {
      return tx.execute(status -> work.get());
    }
    if (stopped) {
      throw overloaded("The service is shutting down");
    }
    GroupMember<T> member = new GroupMember<>(work);
    queue.add(member);
    return member.await();
  }

  private void run() {
    List<GroupMember<?>> batch = new ArrayList<>(MAX_BATCH);
    while (!stopped || !queue.isEmpty()) {
      try {
        GroupMember<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        stopped = true;
      } catch (RuntimeException | Error e) {
        log.error("Group commit failed", e);
        batch.forEach(member -> member.failed(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<GroupMember<?>> batch) {
    long now = System.nanoTime();
    List<GroupMember<?>> live = new ArrayList<>(batch.size());
    for (GroupMember<?> member : batch) {
      if (now - member.queuedAt() > waitNanos) {
        member.failed(
            overloaded(
                "The embedded database stayed busy with other writes for "
                    + waitNanos / 1_000_000
                    + " ms"));
      } else {
        live.add(member);
      }
    }
    if (live.isEmpty()) {
      return;
    }
    boolean[] committed = {false};
    try {
      tx.executeWithoutResult(
          status -> {
            for (GroupMember<?> member : live) {
              member.runIn(status);
            }
            for (GroupMember<?> member : live) {
              member.beforeCommit();
            }
            GroupMember.onCommit(() -> committed[0] = true);
          });
    } catch (RuntimeException | Error e) {
      if (!committed[0]) {
        live.forEach(member -> member.failed(e));
        return;
      }
      log.error("A step after the group's commit failed; the group is committed", e);
    }
    commits.incrementAndGet();
    sizes.accept(live.size());
    live.forEach(GroupMember::committed);
  }

  /** Group transactions committed so far. */
  long commits() {
    return commits.get();
  }

  private static RuntimeException overloaded(String message) {
    return new TransientDataAccessResourceException(
        message, new SQLTransientConnectionException(message));
  }

  @Override
  public void destroy() throws InterruptedException {
    stopped = true;
    if (writer != null) {
      writer.join(Duration.ofSeconds(10));
    }
  }
}
