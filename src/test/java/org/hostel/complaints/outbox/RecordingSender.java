package org.hostel.complaints.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A channel of the tests' own ({@code test}): it records every message it is given and answers what
 * the recipient's script says ({@link Delivery.Sent} by default). A stand-in for a channel such as
 * Telegram, not for any server. Not a {@code @Component}, so that only the contexts that import it
 * have it.
 */
public class RecordingSender implements ChannelSender {

  public static final String CHANNEL = "test";

  /** One call of {@link #send}. */
  public record Attempt(PendingMessage message, long nanos, Delivery outcome) {}

  private final List<Attempt> attempts = new ArrayList<>();
  private final Map<String, Function<PendingMessage, Delivery>> scripts = new ConcurrentHashMap<>();

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public Delivery send(PendingMessage message) {
    Delivery outcome =
        scripts.getOrDefault(message.recipient(), m -> new Delivery.Sent()).apply(message);
    synchronized (attempts) {
      attempts.add(new Attempt(message, System.nanoTime(), outcome));
    }
    return outcome;
  }

  /** From now on, messages to {@code recipient} get {@code answer}. */
  public void script(String recipient, Function<PendingMessage, Delivery> answer) {
    scripts.put(recipient, answer);
  }

  /** Answers {@code answers} to the first calls, one each, and {@link Delivery.Sent} after. */
  public static Function<PendingMessage, Delivery> inTurn(Delivery... answers) {
    AtomicInteger calls = new AtomicInteger();
    return message -> {
      int call = calls.getAndIncrement();
      return call < answers.length ? answers[call] : new Delivery.Sent();
    };
  }

  /** Every attempt to {@code recipient}, in the order they were made. */
  public List<Attempt> attempts(String recipient) {
    synchronized (attempts) {
      return attempts.stream().filter(a -> a.message().recipient().equals(recipient)).toList();
    }
  }

  /** Payloads of the messages to {@code recipient} that were sent, in the order they were sent. */
  public List<String> delivered(String recipient) {
    return attempts(recipient).stream()
        .filter(a -> a.outcome() instanceof Delivery.Sent)
        .map(a -> a.message().payload())
        .toList();
  }

  /** Every attempt that was sent, to anyone. */
  public List<Attempt> sent() {
    synchronized (attempts) {
      return attempts.stream().filter(a -> a.outcome() instanceof Delivery.Sent).toList();
    }
  }
}
