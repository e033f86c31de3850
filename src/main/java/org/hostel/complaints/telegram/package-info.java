/**
 * The residents' Telegram bot: reporting, following and confirming complaints in a chat, with
 * replies and notices sent through the outbox. Off unless {@code COMPLAINTS_TELEGRAM_BOT_TOKEN} is
 * set (docs/TELEGRAM.md).
 */
@NullMarked
package org.hostel.complaints.telegram;

import org.jspecify.annotations.NullMarked;
