package org.hostel.complaints.photo;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hostel.complaints.complaint.ComplaintService;
import org.hostel.complaints.photo.PhotoProblems.Refused;
import org.hostel.complaints.photo.ProcessingQueue.Claimed;
import org.hostel.complaints.web.PayloadTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes accepted photos in the background: a few platform threads ({@link
 * PhotoSettings#concurrency()}) claim photos from the {@link ProcessingQueue}, make the stored
 * image and thumbnail from the original, and record the outcome with a {@link PhotoProcessed}
 * event. Woken at once by an upload on this instance, and otherwise looking every two seconds, so
 * photos left by a restart or by another instance are taken up. On a graceful stop the claims in
 * hand are given back, so the next start (or another instance) processes them at once.
 */
@Component
class PhotoWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PhotoWorker.class);

  /** Claims of a photo that failed for other reasons than its bytes before it is given up. */
  static final int MAX_ATTEMPTS = 5;

  private static final Duration POLL = Duration.ofSeconds(2);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final ProcessingQueue queue;
  private final PhotoProcessor processor;
  private final PhotoStorage storage;
  private final UploadWorkspace workspace;
  private final PhotoRepository photos;
  private final ComplaintService complaints;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final PhotoSettings settings;
  private final Clock clock;
  private final Semaphore wakeups = new Semaphore(0);
  private final Set<UUID> inHand = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  PhotoWorker(
      ProcessingQueue queue,
      PhotoProcessor processor,
      PhotoStorage storage,
      UploadWorkspace workspace,
      PhotoRepository photos,
      ComplaintService complaints,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      PhotoSettings settings,
      Clock clock,
      MeterRegistry meters) {
    this.queue = queue;
    this.processor = processor;
    this.storage = storage;
    this.workspace = workspace;
    this.photos = photos;
    this.complaints = complaints;
    this.tx = tx;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
    Gauge.builder("photo.processing.waiting", queue, ProcessingQueue::waiting)
        .description("Accepted photos not yet processed, on every instance, counted every 2 s")
        .register(meters);
  }

  /** A photo was accepted here: a waiting thread takes it now rather than at its next look. */
  void wake() {
    if (wakeups.availablePermits() < threads.size()) {
      wakeups.release();
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    int count = settings.processingEnabled() ? settings.concurrency() : 0;
    for (int i = 0; i < count; i++) {
      threads.add(Thread.ofPlatform().name("photo-worker-" + i).daemon().start(this::work));
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    wakeups.release(threads.size());
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    threads.clear();
    // Whatever is still in hand is processed again at once elsewhere rather than after the lease.
    queue.release(List.copyOf(inHand));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void work() {
    while (running) {
      try {
        if (queue.countOlderThan(POLL)) {
          queue.countWaiting();
        }
        Optional<Claimed> claimed = queue.claim(clock.instant(), settings.processingLease());
        if (claimed.isEmpty()) {
          wakeups.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
          continue;
        }
        UUID id = claimed.get().photo().id();
        inHand.add(id);
        try {
          handle(claimed.get());
        } finally {
          inHand.remove(id);
        }
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        // The store or the database is unwell: the claim lapses and the photo is tried again.
        log.warn("Processing a photo failed; it will be tried again", e);
        pause();
      }
    }
  }

  private void handle(Claimed claimed) throws IOException {
    Photo photo = claimed.photo();
    if (claimed.attempt() > MAX_ATTEMPTS) {
      fail(photo, "gave up after " + MAX_ATTEMPTS + " attempts");
      return;
    }
    Photo ready;
    try {
      ready = workspace.run(work -> processed(photo, work));
    } catch (Refused | PayloadTooLarge e) {
      fail(photo, PhotoProblems.reason(e));
      return;
    }
    if (finish(photo, () -> queue.markReady(ready), true)) {
      storage.delete(List.of(photo.originalKey()));
    } else if (photos.find(photo.complaintId(), photo.id()).isEmpty()) {
      // Removed while it was processed: what was just stored goes too.
      storage.delete(List.of(ready.fullKey(), ready.thumbnailKey(), photo.originalKey()));
    }
  }

  private Photo processed(Photo photo, Path work) throws IOException {
    Path original = work.resolve("original");
    long max = settings.maxFileSize().toBytes();
    if (!storage.copyTo(photo.originalKey(), original, max)) {
      throw PhotoProblems.tooLarge(max);
    }
    PhotoProcessor.Result result = processor.process(original, work);
    Photo ready = photo.ready(result);
    storage.put(ready.fullKey(), result.full(), result.mimeType());
    storage.put(ready.thumbnailKey(), result.thumbnail(), result.mimeType());
    return ready;
  }

  private void fail(Photo photo, String reason) {
    log.info("Photo {} could not be processed: {}", photo.id(), reason);
    if (finish(photo, () -> queue.markFailed(photo.id()), false)) {
      storage.delete(List.of(photo.originalKey()));
    }
  }

  /** Records the outcome with its event; false when the photo was removed meanwhile. */
  private boolean finish(Photo photo, BooleanSupplier outcome, boolean ready) {
    return Boolean.TRUE.equals(
        tx.execute(
            s -> {
              if (!outcome.getAsBoolean()) {
                return false;
              }
              complaints
                  .find(photo.complaintId())
                  .ifPresent(c -> events.publishEvent(new PhotoProcessed(c, photo.id(), ready)));
              return true;
            }));
  }

  private void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
