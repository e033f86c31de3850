package org.hostel.complaints.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hostel.complaints.photo.PhotoIntake;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a submitted report's photos from Telegram (getFile, then the file download) and adds them
 * through the photo feature's intake, with the same checks and processing as an API upload. Runs
 * after the complaint is committed; the resident hears which photos were refused and why.
 */
class Attachments {

  private final BotApi api;
  private final PhotoIntake intake;
  private final Texts texts;

  Attachments(BotApi api, PhotoIntake intake, Texts texts) {
    this.api = api;
    this.intake = intake;
    this.texts = texts;
  }

  /** Adds the photos; answers a note for the resident when some were refused. */
  @Nullable Turn attach(Turn turn) {
    Turn.Submitted submitted = Objects.requireNonNull(turn.submitted);
    List<String> refused = new ArrayList<>();
    for (Conversation.PhotoRef photo : submitted.photos()) {
      try {
        byte[] bytes = api.download(photo.fileId(), intake.maxFileSize());
        intake.add(
            Caller.integration(),
            submitted.complaintId(),
            photo.name(),
            new ByteArrayInputStream(bytes));
      } catch (ApiException e) {
        refused.add(String.valueOf(e.getMessage()));
      } catch (BotApi.Failure | IOException e) {
        refused.add(texts.get("photos.not.fetched"));
      }
    }
    if (refused.isEmpty()) {
      return null;
    }
    Turn note = new Turn(turn.chatId, turn.userId, turn.now);
    note.say(
        texts.get(
            "photos.refused",
            String.valueOf(refused.size()),
            submitted.reference(),
            String.join("; ", refused)));
    return note;
  }
}
