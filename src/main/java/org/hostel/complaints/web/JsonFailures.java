package org.hostel.complaints.web;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/** Words for a JSON body that could not be read: which field, which values, which duplicate. */
final class JsonFailures {

  private JsonFailures() {}

  /** Names the repeated field, which a client needs to find its bug; other parse errors don't. */
  static String duplicate(StreamReadException failure) {
    String message = String.valueOf(failure.getOriginalMessage());
    return message.startsWith("Duplicate") ? ": " + message : "";
  }

  static String path(JacksonException failure) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : failure.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  static String enumValues(Class<?> type) {
    List<String> values = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      values.add(constant.toString());
    }
    return String.join(", ", values);
  }
}
