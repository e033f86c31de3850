package org.hostel.complaints.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail. The SMTP server itself is Spring's {@code spring.mail.*} ({@code SPRING_MAIL_HOST},
 * {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME}, {@code SPRING_MAIL_PASSWORD}, …); mail is
 * off while no host is set.
 *
 * @param from sender address of every mail, e.g. {@code Hostel office <office@example.org>} ({@code
 *     COMPLAINTS_MAIL_FROM}); required when mail is on
 */
@ConfigurationProperties("complaints.mail")
record MailSettings(@DefaultValue("") String from) {}
