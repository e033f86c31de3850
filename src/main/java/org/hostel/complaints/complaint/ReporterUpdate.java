package org.hostel.complaints.complaint;

/**
 * A message for the person who reported a complaint (a public comment, an incident notice, a merge
 * notice…), published inside the transaction of the change that causes it. Each reporter channel
 * (the Telegram bot, e-mail for portal reporters) listens and stores it in the outbox for the
 * reporter it knows, so the message goes out after the commit and never for a change that rolled
 * back. Publishers that make one complaint follow another (duplicates) publish one per complaint.
 *
 * @param complaint the complaint whose reporter is told, after the change
 * @param kind a short lower-case name for logs and de-duplication, e.g. {@code comment}
 * @param text the message in plain text, without the complaint's reference (channels add it)
 * @param dedupKey unique per message and complaint, so a retried publisher sends nothing twice
 */
public record ReporterUpdate(Complaint complaint, String kind, String text, String dedupKey) {}
