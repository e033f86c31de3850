package org.hostel.complaints.storage;

/**
 * Which shape this instance runs in. Features read it for defaults that only make sense on one box
 * (a generated secret, a printed first password); storage code does not.
 *
 * @param embedded true on the single-box default (SQLite in the data folder)
 */
public record Deployment(boolean embedded) {}
