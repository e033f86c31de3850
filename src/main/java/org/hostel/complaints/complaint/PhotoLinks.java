package org.hostel.complaints.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Supplies {@code photo_urls} for complaints. Implemented by the photo feature, which depends on
 * this one; without it complaints have no photos.
 */
public interface PhotoLinks {

  /**
   * Browser-loadable photo URLs per complaint, newest first; complaints without photos may be
   * absent.
   */
  Map<UUID, List<String>> urls(Collection<UUID> complaintIds);

  /**
   * The browser-loadable URL of one ready photo whose row the caller has already read, made without
   * a query (a signature computed in memory).
   */
  String url(UUID complaintId, UUID photoId, String mimeType);

  /**
   * Whether {@code url} is a link this service gave out to a photo it still stores (the old
   * system's bot may send such links back in {@code photo_urls}).
   */
  default boolean issued(String url) {
    return false;
  }
}
