/**
 * The transactional notification outbox: every message to a person is stored in the transaction of
 * the change that causes it and sent after the commit, in order per recipient, with retries, by
 * whichever instance claims it first. Channels (Telegram, e-mail) plug in a {@link
 * org.hostel.complaints.outbox.ChannelSender}.
 */
@NullMarked
package org.hostel.complaints.outbox;

import org.jspecify.annotations.NullMarked;
