package org.hostel.complaints.telegram;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report being written in one chat: the step it is at and what the resident has said so far.
 *
 * @param id ties the conversation's buttons to it; buttons carrying another id are stale
 */
record Conversation(long chatId, String id, Step step, Draft draft) {

  /** Where the resident is in the report, in the order the steps come. */
  enum Step {
    HOSTEL,
    ROOM,
    CATEGORY,
    DESCRIPTION,
    SEVERITY,
    PHOTOS,
    SUMMARY,
    EDIT
  }

  /** A photo the resident sent: Telegram's file id, fetched when the report is submitted. */
  record PhotoRef(String fileId, String name) {}

  /**
   * The answers so far; {@code editing} when the resident came from the summary to change one
   * answer and goes back to it afterwards.
   */
  record Draft(
      @Nullable String hostel,
      @Nullable String room,
      @Nullable String category,
      @Nullable String description,
      @Nullable String severity,
      List<PhotoRef> photos,
      boolean editing) {

    static Draft empty() {
      return new Draft(null, null, null, null, null, List.of(), false);
    }

    Draft hostel(String value) {
      return new Draft(value, room, category, description, severity, photos, editing);
    }

    Draft room(String value) {
      return new Draft(hostel, value, category, description, severity, photos, editing);
    }

    Draft category(String value) {
      return new Draft(hostel, room, value, description, severity, photos, editing);
    }

    Draft description(String value) {
      return new Draft(hostel, room, category, value, severity, photos, editing);
    }

    Draft severity(String value) {
      return new Draft(hostel, room, category, description, value, photos, editing);
    }

    Draft photo(PhotoRef photo) {
      List<PhotoRef> more = new ArrayList<>(photos);
      more.add(photo);
      return new Draft(hostel, room, category, description, severity, List.copyOf(more), editing);
    }

    Draft withoutPhotos() {
      return new Draft(hostel, room, category, description, severity, List.of(), editing);
    }

    Draft editing(boolean value) {
      return new Draft(hostel, room, category, description, severity, photos, value);
    }
  }

  Conversation at(Step next) {
    return new Conversation(chatId, id, next, draft);
  }

  Conversation with(Draft changed) {
    return new Conversation(chatId, id, step, changed);
  }
}
