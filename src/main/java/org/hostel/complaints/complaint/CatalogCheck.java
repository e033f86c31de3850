package org.hostel.complaints.complaint;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Checks a submission against the configured catalog. Fields that are missing or too long already
 * have an error from their own constraint and are skipped here, so each field gets one message.
 */
class CatalogCheck implements ConstraintValidator<FitsCatalog, SubmitComplaintRequest> {

  private final Catalog catalog;

  CatalogCheck(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public boolean isValid(
      @Nullable SubmitComplaintRequest request, ConstraintValidatorContext context) {
    if (request == null) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    boolean valid = true;
    if (given(request.hostel(), Integer.MAX_VALUE) && catalog.hostel(request.hostel()).isEmpty()) {
      valid = reject(context, "hostel", catalog.hostelRule());
    }
    if (given(request.category(), Integer.MAX_VALUE)
        && catalog.category(request.category()).isEmpty()) {
      valid = reject(context, "category", catalog.categoryRule());
    }
    if (given(request.roomNumber(), SubmitComplaintRequest.ROOM_MAX)
        && !catalog.roomMatches(request.roomNumber().toUpperCase(Locale.ROOT))) {
      valid = reject(context, "roomNumber", catalog.roomRule());
    }
    if (request.wing() != null
        && !request.wing().toUpperCase(Locale.ROOT).matches("[A-Z0-9]{1,8}")) {
      valid = reject(context, "wing", "Wing must be 1 to 8 letters or digits");
    }
    return valid;
  }

  private static boolean given(@Nullable String value, int max) {
    return value != null && !value.isBlank() && value.length() <= max;
  }

  private static boolean reject(ConstraintValidatorContext context, String field, String message) {
    // The message is plain text, never a template: configured names may contain braces.
    String literal = message.replaceAll("([\\\\{}$])", "\\\\$1");
    context
        .buildConstraintViolationWithTemplate(literal)
        .addPropertyNode(field)
        .addConstraintViolation();
    return false;
  }
}
