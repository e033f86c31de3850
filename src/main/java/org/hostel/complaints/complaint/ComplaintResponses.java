package org.hostel.complaints.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
  private final DuplicateRepository duplicates;
  private final ChannelRepository channels;
  private static final DuplicateRepository.Links NONE =
      new DuplicateRepository.Links(null, null, 0);

  ComplaintResponses(
      ComplaintPolicy policy,
      ObjectProvider<PhotoLinks> photos,
      RatingRepository ratings,
      Clock clock,
      DuplicateRepository duplicates,
      ChannelRepository channels) {
    this.policy = policy;
    this.photos = photos;
    this.ratings = ratings;
    this.clock = clock;
    this.duplicates = duplicates;
    this.channels = channels;
  }

  ComplaintResponse of(Caller caller, Complaint complaint) {
    return all(caller, List.of(complaint)).getFirst();
  }

  /** The answer for one complaint read with everything it shows, links signed in memory. */
  ComplaintResponse of(Caller caller, ComplaintReads.Read read) {
    PhotoLinks links = photos.getIfAvailable();
    List<String> photoUrls = new ArrayList<>();
    if (links != null) {
      List<UUID> owners = new ArrayList<>(List.of(read.complaint().id()));
      owners.addAll(read.duplicates());
      for (UUID owner : owners) {
        for (ComplaintReads.StoredPhoto photo : read.photos().getOrDefault(owner, List.of())) {
          photoUrls.add(links.url(owner, photo.id(), photo.mimeType()));
        }
      }
    }
    return of(
        caller,
        read.complaint(),
        photoUrls,
        read.stars(),
        read.links(),
        read.duplicates(),
        read.channel());
  }

  List<ComplaintResponse> all(Caller caller, List<Complaint> complaints) {
    List<UUID> ids = complaints.stream().map(Complaint::id).toList();
    Map<UUID, Integer> stars = ratings.of(ids);
    Map<UUID, Channel> channels = this.channels.of(ids);
    Map<UUID, DuplicateRepository.Links> links = duplicates.links(ids);
    Map<UUID, List<UUID>> merged = duplicates.duplicates(ids);
    List<UUID> withPhotos = new ArrayList<>(ids);
    merged.values().forEach(withPhotos::addAll);
    Map<UUID, List<String>> urls = photoUrls(withPhotos);
    return complaints.stream()
        .map(
            c -> {
              List<UUID> dups = merged.getOrDefault(c.id(), List.of());
              List<String> photoUrls = new ArrayList<>(urls.getOrDefault(c.id(), List.of()));
              dups.forEach(d -> photoUrls.addAll(urls.getOrDefault(d, List.of())));
              var link = links.getOrDefault(c.id(), NONE);
              return of(
                  caller,
                  c,
                  photoUrls,
                  stars.get(c.id()),
                  link,
                  dups,
                  channels.getOrDefault(c.id(), Channel.STAFF));
            })
        .toList();
  }

  private ComplaintResponse of(
      Caller caller,
      Complaint c,
      List<String> photoUrls,
      @Nullable Integer rating,
      DuplicateRepository.Links links,
      List<UUID> dups,
      Channel channel) {
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
        links.duplicateOf(),
        List.copyOf(dups),
        channel,
        c.status().isFinished() ? null : c.sla().nextDue(),
        links.incidentId(),
        links.repeatCount() > 0,
        links.repeatCount() > 0 ? links.repeatCount() : null);
  }

  private Map<UUID, List<String>> photoUrls(List<UUID> ids) {
    PhotoLinks links = photos.getIfAvailable();
    if (links == null || ids.isEmpty()) {
      return Map.of();
    }
    return links.urls(ids);
  }
}
