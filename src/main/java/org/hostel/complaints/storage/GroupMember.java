package org.hostel.complaints.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * One caller's piece of a {@link GroupCommit}: its work, the request context it runs in, what it
 * registered to happen after commit, and the answer its caller waits for.
 */
final class GroupMember<T> {

  private static final Logger log = LoggerFactory.getLogger(GroupMember.class);

  private final Supplier<T> work;
  private final long queuedAt = System.nanoTime();
  private final @Nullable Map<String, String> mdc = MDC.getCopyOfContextMap();
  private final @Nullable RequestAttributes request = RequestContextHolder.getRequestAttributes();
  private final CompletableFuture<@Nullable T> answer = new CompletableFuture<>();
  private List<TransactionSynchronization> own = List.of();
  private @Nullable T result;
  private boolean ok;

  GroupMember(Supplier<T> work) {
    this.work = work;
  }

  long queuedAt() {
    return queuedAt;
  }

  /**
   * Runs the work on the writer thread inside its own savepoint. What it registered with the
   * transaction is taken out of it: kept for this caller when the work succeeded, dropped when it
   * was rolled back, so a failed piece publishes nothing.
   */
  void runIn(TransactionStatus status) {
    Set<TransactionSynchronization> before = Collections.newSetFromMap(new IdentityHashMap<>());
    before.addAll(TransactionSynchronizationManager.getSynchronizations());
    Object savepoint = status.createSavepoint();
    enterContext();
    try {
      result = work.get();
      status.releaseSavepoint(savepoint);
      ok = true;
    } catch (RuntimeException | Error e) {
      status.rollbackToSavepoint(savepoint);
      answer.completeExceptionally(e);
    } finally {
      leaveContext();
      List<TransactionSynchronization> added = new ArrayList<>();
      List<TransactionSynchronization> kept = new ArrayList<>();
      for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
        (before.contains(s) ? kept : added).add(s);
      }
      TransactionSynchronizationManager.clearSynchronization();
      TransactionSynchronizationManager.initSynchronization();
      kept.forEach(TransactionSynchronizationManager::registerSynchronization);
      own = ok ? added : List.of();
    }
  }

  /** The before-commit steps of what this piece registered, still inside the transaction. */
  void beforeCommit() {
    if (ok) {
      enterContext();
      try {
        own.forEach(s -> s.beforeCommit(false));
        own.forEach(TransactionSynchronization::beforeCompletion);
      } finally {
        leaveContext();
      }
    }
  }

  void committed() {
    if (ok) {
      answer.complete(result);
    }
  }

  void failed(Throwable failure) {
    ok = false;
    answer.completeExceptionally(failure);
  }

  /** Waits for the commit, then runs this piece's after-commit steps on the caller's thread. */
  T await() {
    T value;
    try {
      value = answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the commit", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
    for (TransactionSynchronization s : own) {
      s.afterCommit();
    }
    for (TransactionSynchronization s : own) {
      try {
        s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
      } catch (RuntimeException | Error e) {
        log.error("An after-commit step failed; its transaction is committed", e);
      }
    }
    return value;
  }

  /** Registers {@code step} to run first once the current transaction has committed. */
  static void onCommit(Runnable step) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
          }

          @Override
          public void afterCommit() {
            step.run();
          }
        });
  }

  private void enterContext() {
    if (mdc != null) {
      MDC.setContextMap(mdc);
    }
    RequestContextHolder.setRequestAttributes(request);
  }

  private static void leaveContext() {
    MDC.clear();
    RequestContextHolder.resetRequestAttributes();
  }
}
