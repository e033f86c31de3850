package org.hostel.complaints.complaint;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code photo_urls} of a submission: absent, empty, or only links this service issued to photos it
 * stores. The old system's bot sends {@code []}; anything else a client might mean to attach is
 * refused rather than dropped.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = OwnPhotoLinks.Check.class)
@interface OwnPhotoLinks {

  String message() default
      "Photo URLs may only be this service's own photo links; send [] and add photos through"
          + " the photo endpoints";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Asks the photo feature, when there is one, whether each link is its own. */
  class Check implements ConstraintValidator<OwnPhotoLinks, List<String>> {

    private final ObjectProvider<PhotoLinks> links;

    Check(ObjectProvider<PhotoLinks> links) {
      this.links = links;
    }

    @Override
    public boolean isValid(@Nullable List<String> urls, ConstraintValidatorContext context) {
      if (urls == null || urls.isEmpty()) {
        return true;
      }
      PhotoLinks photos = links.getIfAvailable();
      return urls.size() <= 10
          && photos != null
          && urls.stream().allMatch(url -> url != null && photos.issued(url));
    }
  }
}
