/**
 * Operations: backups of the embedded database with its photos and generated secrets, restore, the
 * import from the old Python system, and the jar's command-line modes ({@code backup}, {@code
 * restore}, {@code import-legacy}). See docs/BACKUP.md and docs/MIGRATING.md.
 */
@NullMarked
package org.hostel.complaints.operations;

import org.jspecify.annotations.NullMarked;
