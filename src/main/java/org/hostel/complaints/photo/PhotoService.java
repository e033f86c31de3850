package org.hostel.complaints.photo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ComplaintService;
import org.hostel.complaints.complaint.PhotoChange;
import org.hostel.complaints.photo.PhotoProblems.PhotoNotFound;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Listing and removing photos, and clearing away what nobody will confirm or read again. A row is
 * removed before its objects, so no listed photo ever points at nothing.
 */
@Service
class PhotoService {

  private static final Logger log = LoggerFactory.getLogger(PhotoService.class);

  private final PhotoRepository photos;
  private final PhotoStorage storage;
  private final ComplaintService complaints;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PhotoService(
      PhotoRepository photos,
      PhotoStorage storage,
      ComplaintService complaints,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Clock clock) {
    this.photos = photos;
    this.storage = storage;
    this.complaints = complaints;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  List<PhotoResponse> list(Caller caller, UUID complaintId) {
    complaints.visible(caller, complaintId);
    return photos.listed(complaintId).stream().map(p -> PhotoResponse.of(p, storage)).toList();
  }

  PhotoResponse get(Caller caller, UUID complaintId, UUID photoId) {
    complaints.visible(caller, complaintId);
    return PhotoResponse.of(listed(complaintId, photoId), storage);
  }

  void delete(Caller caller, UUID complaintId, UUID photoId) {
    complaints.visible(caller, complaintId);
    Photo photo = listed(complaintId, photoId);
    if (!caller.isAdmin() && !caller.key().equals(photo.addedBy())) {
      throw AccessDenied.because("Only an admin or whoever added a photo may delete it");
    }
    tx.executeWithoutResult(
        s -> {
          Complaint after =
              complaints.recordPhoto(caller, complaintId, PhotoChange.REMOVED, photoId);
          if (!photos.delete(photoId)) {
            throw PhotoNotFound.forId(photoId);
          }
          events.publishEvent(new PhotoRemoved(after, photoId, caller.staffId()));
        });
    // A photo still processing has only its original; the worker removes what it makes after.
    storage.delete(List.of(photo.fullKey(), photo.thumbnailKey(), photo.originalKey()));
  }

  /** Removes presigned uploads that expired without a confirm, with whatever was uploaded. */
  int cleanUpExpired() {
    // A PUT that began just before the link expired may still be writing; give it a minute.
    return cleanUpExpired(Duration.ofMinutes(1));
  }

  int cleanUpExpired(Duration grace) {
    Instant before = clock.instant().minus(grace);
    int removed = 0;
    List<Photo> batch;
    do {
      batch = photos.expiredPending(before, 200);
      for (Photo photo : batch) {
        storage.delete(List.of(photo.uploadKey()));
        photos.deleteUnconfirmed(photo.id());
        removed++;
      }
    } while (batch.size() == 200);
    if (removed > 0) {
      log.info("Removed {} expired presigned photo uploads", removed);
    }
    return removed;
  }

  /** Everything stored for these complaints, which are gone already. */
  void forget(List<UUID> complaintIds) {
    for (UUID id : complaintIds) {
      storage.deleteAll(id + "/");
    }
  }

  private Photo listed(UUID complaintId, UUID photoId) {
    return photos
        .find(complaintId, photoId)
        .filter(p -> p.state().listed())
        .orElseThrow(() -> PhotoNotFound.forId(photoId));
  }
}
