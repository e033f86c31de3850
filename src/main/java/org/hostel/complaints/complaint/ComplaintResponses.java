package org.hostel.complaints.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Turns complaints into answers for one caller: their photos, and what the caller may do. */
@Component
class ComplaintResponses {

  private final ComplaintPolicy policy;
  private final ObjectProvider<PhotoLinks> photos;
  private final RatingRepository ratings;
  private final Clock clock;

  ComplaintResponses(
      ComplaintPolicy policy,
      ObjectProvider<PhotoLinks> photos,
      RatingRepository ratings,
      Clock clock) {
    this.policy = policy;
    this.photos = photos;
    this.ratings = ratings;
    this.clock = clock;
  }

  ComplaintResponse of(Caller caller, Complaint complaint) {
    return all(caller, List.of(complaint)).getFirst();
  }

  List<ComplaintResponse> all(Caller caller, List<Complaint> complaints) {
    Map<UUID, List<String>> urls = photoUrls(complaints);
    Map<UUID, Integer> stars = ratings.of(complaints.stream().map(Complaint::id).toList());
    return complaints.stream()
        .map(c -> of(caller, c, urls.getOrDefault(c.id(), List.of()), stars.get(c.id())))
        .toList();
  }

  private ComplaintResponse of(
      Caller caller, Complaint c, List<String> photoUrls, @Nullable Integer rating) {
    Instant now = clock.instant();
    return new ComplaintResponse(
        c.id(),
        c.reference(),
        c.telegramUserId(),
        c.hostel(),
        c.wing(),
        c.roomNumber(),
        c.category(),
        c.description(),
        c.severity(),
        c.status(),
        c.assignedPorterId(),
        photoUrls,
        c.createdAt(),
        c.updatedAt(),
        policy.allowedTransitions(caller, c),
        policy.canAssign(caller, c),
        rating,
        c.priority(),
        policy.canSetPriority(caller, c),
        c.holdReason(),
        c.sla().responseDueAt(),
        c.sla().resolutionDueAt(),
        new ComplaintResponse.SlaBreached(
            c.sla().responseBreached(now), c.sla().resolutionBreached(now)),
        c.sla().heldSince() != null,
        c.status().isFinished() ? null : c.sla().nextDue());
  }

  private Map<UUID, List<String>> photoUrls(List<Complaint> complaints) {
    PhotoLinks links = photos.getIfAvailable();
    if (links == null || complaints.isEmpty()) {
      return Map.of();
    }
    return links.urls(complaints.stream().map(Complaint::id).toList());
  }
}
