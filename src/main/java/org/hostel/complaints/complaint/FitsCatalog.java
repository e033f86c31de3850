package org.hostel.complaints.complaint;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The hostel, category, room and wing of a submission are ones the catalog accepts. It runs with
 * the field constraints, so a client hears about every wrong field in one answer.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = CatalogCheck.class)
@interface FitsCatalog {

  String message() default "does not fit the catalog";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
