package org.hostel.complaints.mail;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A mail to render and send.
 *
 * @param to the recipient's address
 * @param template name of the template in {@code mail/messages*.properties}: its keys are {@code
 *     <template>.subject} and {@code <template>.body}; also the outbox {@code kind}
 * @param locale language of the bundle to use; English when there is none for it
 * @param model values for the template's {@code {name}} placeholders. A {@link java.net.URI} value
 *     becomes a link in the HTML part; every value is HTML-escaped there
 * @param unsubscribeUrl absolute http(s) URL that stops this kind of mail; adds {@code
 *     List-Unsubscribe} and {@code List-Unsubscribe-Post} headers and a line in the body
 * @param dedupKey unique per logical mail (see {@code OutgoingMessage#dedupKey})
 */
public record MailRequest(
    String to,
    String template,
    Locale locale,
    Map<String, Object> model,
    @Nullable String unsubscribeUrl,
    @Nullable String dedupKey) {}
