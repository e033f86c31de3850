package org.hostel.complaints.complaint;

import java.util.UUID;

/** What a photo did to a complaint, as the photo feature reports it for the history. */
public enum PhotoChange {
  ADDED,
  REMOVED;

  /** The history line: the photo id is the value after an addition and before a removal. */
  HistoryAction.Entry entry(UUID photoId) {
    return switch (this) {
      case ADDED -> HistoryAction.PHOTO_ADDED.entry(null, photoId.toString());
      case REMOVED -> HistoryAction.PHOTO_REMOVED.entry(photoId.toString(), null);
    };
  }
}
