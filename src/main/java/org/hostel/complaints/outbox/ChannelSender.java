package org.hostel.complaints.outbox;

/**
 * Sends messages of one channel. One bean per channel, in the channel's own module (Telegram: the
 * bot; e-mail: mail). The outbox calls it outside any transaction, for one recipient at a time and
 * in order, from several threads for different recipients; it may block on the network, but should
 * give up well within {@code complaints.outbox.claim-timeout}, after which another instance may
 * send the message again.
 */
public interface ChannelSender {

  /** The channel this sender serves, as in {@link OutgoingMessage#channel()}. */
  String channel();

  /**
   * Tries once to send the message. An exception counts as {@link Delivery.RetryLater} with the
   * exception's class as the reason.
   */
  Delivery send(PendingMessage message);
}
