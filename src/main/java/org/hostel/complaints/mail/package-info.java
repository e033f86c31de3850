/**
 * The e-mail channel: mails rendered from message-bundle templates (plain text and simple HTML),
 * stored through the outbox and sent over SMTP. Off while {@code SPRING_MAIL_HOST} is unset.
 */
@NullMarked
package org.hostel.complaints.mail;

import org.jspecify.annotations.NullMarked;
