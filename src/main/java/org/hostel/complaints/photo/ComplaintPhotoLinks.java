package org.hostel.complaints.photo;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hostel.complaints.complaint.PhotoLinks;
import org.springframework.stereotype.Component;

/** Fills {@code photo_urls} of complaints with signed links to their stored images. */
@Component
class ComplaintPhotoLinks implements PhotoLinks {

  private final PhotoRepository photos;
  private final PhotoStorage storage;

  ComplaintPhotoLinks(PhotoRepository photos, PhotoStorage storage) {
    this.photos = photos;
    this.storage = storage;
  }

  @Override
  public Map<UUID, List<String>> urls(Collection<UUID> complaintIds) {
    Map<UUID, List<String>> urls = new LinkedHashMap<>();
    photos
        .ready(complaintIds)
        .forEach(
            (complaint, list) ->
                urls.put(complaint, list.stream().map(p -> storage.readUrl(p.fullKey())).toList()));
    return urls;
  }

  @Override
  public String url(UUID complaintId, UUID photoId, String mimeType) {
    return storage.readUrl(Photo.fullKey(complaintId, photoId, mimeType));
  }

  @Override
  public boolean issued(String url) {
    return storage
        .keyOf(url)
        .map(key -> key.split("/"))
        .filter(parts -> parts.length == 3 && parts[2].matches("(full|thumb)\\.(jpg|png)"))
        .flatMap(parts -> ids(parts[0], parts[1]))
        .flatMap(ids -> photos.find(ids[0], ids[1]))
        .filter(photo -> photo.state() == Photo.State.READY)
        .isPresent();
  }

  private static Optional<UUID[]> ids(String complaint, String photo) {
    try {
      return Optional.of(new UUID[] {UUID.fromString(complaint), UUID.fromString(photo)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
