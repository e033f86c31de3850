package org.hostel.complaints.complaint;

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
  private final ChannelRepository channels;

  ComplaintResponses(
      ComplaintPolicy policy,
      ObjectProvider<PhotoLinks> photos,
      RatingRepository ratings,
      ChannelRepository channels) {
    this.policy = policy;
    this.photos = photos;
    this.ratings = ratings;
    this.channels = channels;
  }

  ComplaintResponse of(Caller caller, Complaint complaint) {
    return all(caller, List.of(complaint)).getFirst();
  }

  List<ComplaintResponse> all(Caller caller, List<Complaint> complaints) {
    Map<UUID, List<String>> urls = photoUrls(complaints);
    List<UUID> ids = complaints.stream().map(Complaint::id).toList();
    Map<UUID, Integer> stars = ratings.of(ids);
    Map<UUID, Channel> channels = this.channels.of(ids);
    return complaints.stream()
        .map(
            c ->
                of(
                    caller,
                    c,
                    urls.getOrDefault(c.id(), List.of()),
                    stars.get(c.id()),
                    channels.getOrDefault(c.id(), Channel.STAFF)))
        .toList();
  }

  private ComplaintResponse of(
      Caller caller,
      Complaint c,
      List<String> photoUrls,
      @Nullable Integer rating,
      Channel channel) {
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
        channel);
  }

  private Map<UUID, List<String>> photoUrls(List<Complaint> complaints) {
    PhotoLinks links = photos.getIfAvailable();
    if (links == null || complaints.isEmpty()) {
      return Map.of();
    }
    return links.urls(complaints.stream().map(Complaint::id).toList());
  }
}
