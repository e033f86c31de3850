package org.hostel.complaints.mail;

import java.util.Map;

/**
 * A mail ready to send: what the outbox stores as the payload of an {@code email} message, as JSON.
 *
 * @param headers extra headers ({@code List-Unsubscribe}, {@code List-Unsubscribe-Post})
 */
record RenderedMail(String subject, String text, String html, Map<String, String> headers) {}
