package org.hostel.complaints.photo;

import org.hostel.complaints.observability.DependencyCheck;
import org.springframework.stereotype.Component;

/** Readiness includes the photo store: the folder on disk, or the bucket on S3. */
@Component
class PhotoStorageCheck implements DependencyCheck {

  private final PhotoStorage storage;

  PhotoStorageCheck(PhotoStorage storage) {
    this.storage = storage;
  }

  @Override
  public String name() {
    return "photo_storage";
  }

  @Override
  public void check() throws Exception {
    storage.probe();
  }
}
