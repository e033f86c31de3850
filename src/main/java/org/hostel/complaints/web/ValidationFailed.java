package org.hostel.complaints.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 422: the request was well-formed but one or more fields are not acceptable. */
public final class ValidationFailed extends ApiException {

  private final List<FieldProblem> errors;

  private ValidationFailed(List<FieldProblem> errors) {
    super(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "validation-failed",
        "Validation failed",
        errors.size() == 1
            ? sentence(errors.getFirst())
            : errors.size()
                + " fields are not valid: "
                + String.join(", ", errors.stream().map(FieldProblem::field).toList()));
    this.errors = List.copyOf(errors);
  }

  /** Messages written as sentences ("Room must be …") stand alone; fragments get the field. */
  private static String sentence(FieldProblem error) {
    String message = error.message();
    return !message.isEmpty() && Character.isUpperCase(message.charAt(0))
        ? message
        : error.field() + ": " + message;
  }

  public static ValidationFailed of(String field, String message) {
    return new ValidationFailed(List.of(new FieldProblem(field, message)));
  }

  public static ValidationFailed of(List<FieldProblem> errors) {
    return new ValidationFailed(errors);
  }

  @Override
  public List<FieldProblem> fieldErrors() {
    return errors;
  }
}
