package org.hostel.complaints.web;

import jakarta.servlet.MultipartConfigElement;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** The one place where failures become problem documents. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  private final ObjectProvider<MultipartConfigElement> multipart;

  ProblemAdvice(ObjectProvider<MultipartConfigElement> multipart) {
    this.multipart = multipart;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException failure) {
    return ResponseEntity.status(failure.status())
        .headers(failure.headers())
        .body(failure.toProblem());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception failure) {
    PayloadTooLarge tooLarge = tooLarge(failure);
    if (tooLarge != null) {
      return api(tooLarge);
    }
    MalformedRequest malformed = MalformedRequest.fromParameters(failure);
    if (malformed != null) {
      return api(malformed);
    }
    if (FilterFailures.poolExhausted(failure)) {
      log.warn("Answered 503: {}", failure.getMessage());
      return api(ServiceOverloaded.databaseBusy());
    }
    log.error("Unhandled failure", failure);
    return ResponseEntity.internalServerError()
        .body(
            Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "The server failed to answer this request; it has been logged"));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    PayloadTooLarge tooLarge = tooLarge(ex);
    if (tooLarge != null) {
      return respond(tooLarge);
    }
    Throwable cause = ex.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return respond(ValidationFailed.of(JsonFailures.path(unknown), "is not a known field"));
    }
    if (cause instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
      String expected =
          invalid.getTargetType() != null && invalid.getTargetType().isEnum()
              ? "must be one of " + JsonFailures.enumValues(invalid.getTargetType())
              : "has the wrong format";
      return respond(ValidationFailed.of(JsonFailures.path(invalid), expected));
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return respond(ValidationFailed.of(JsonFailures.path(mismatch), "has the wrong type"));
    }
    String detail =
        cause instanceof StreamReadException read
            ? "The request body is not valid JSON" + JsonFailures.duplicate(read)
            : "The request body is missing or cannot be read";
    return respond(
        Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<ApiException.FieldProblem> errors = new ArrayList<>();
    List<FieldError> fieldErrors = new ArrayList<>(ex.getBindingResult().getFieldErrors());
    fieldErrors.sort(Comparator.comparingInt(e -> declared(ex.getBindingResult().getTarget(), e)));
    for (FieldError error : fieldErrors) {
      errors.add(
          new ApiException.FieldProblem(
              snakeCase(error.getField()), String.valueOf(error.getDefaultMessage())));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(
            e ->
                errors.add(
                    new ApiException.FieldProblem(
                        e.getObjectName(), String.valueOf(e.getDefaultMessage()))));
    return respond(ValidationFailed.of(errors));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<ApiException.FieldProblem> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result -> {
              String name = result.getMethodParameter().getParameterName();
              var requestParam =
                  result.getMethodParameter().getParameterAnnotation(RequestParam.class);
              if (requestParam != null && !requestParam.name().isEmpty()) {
                name = requestParam.name();
              }
              for (var error : result.getResolvableErrors()) {
                errors.add(
                    new ApiException.FieldProblem(
                        String.valueOf(name), String.valueOf(error.getDefaultMessage())));
              }
            });
    return respond(ValidationFailed.of(errors));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (ex instanceof MethodArgumentTypeMismatchException mismatch
        && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
      return respond(
          Problems.of(
              HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource: not a valid id"));
    }
    String name =
        ex instanceof MethodArgumentTypeMismatchException mismatch
            ? mismatch.getName()
            : String.valueOf(ex.getPropertyName());
    return respond(ValidationFailed.of(name, "has the wrong format"));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return respond(ValidationFailed.of(ex.getParameterName(), "is required"));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return respond(PayloadTooLarge.of("An upload", uploadLimit(ex)));
  }

  /**
   * The limit the upload passed. Spring reports {@code -1} when the container refused the multipart
   * body, so the container's own exception, which knows the limit it applied, is asked first.
   */
  private long uploadLimit(MaxUploadSizeExceededException ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof SizeException container) {
        return container.getPermittedSize();
      }
    }
    if (ex.getMaxUploadSize() >= 0) {
      return ex.getMaxUploadSize();
    }
    MultipartConfigElement configured = multipart.getIfAvailable();
    return configured == null ? -1 : configured.getMaxFileSize();
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail given
            ? given
            : ProblemDetail.forStatusAndDetail(statusCode, statusCode.toString());
    HttpStatus status = HttpStatus.valueOf(statusCode.value());
    problem.setType(ApiException.typeUri(slug(status)));
    problem.setTitle(status.getReasonPhrase());
    if (problem.getDetail() == null) {
      problem.setDetail(status.getReasonPhrase());
    }
    problem.setInstance(null);
    return ResponseEntity.status(statusCode).headers(headers).body(problem);
  }

  private static ResponseEntity<Object> respond(ApiException failure) {
    return ResponseEntity.status(failure.status())
        .headers(failure.headers())
        .body(failure.toProblem());
  }

  private static ResponseEntity<Object> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private static @Nullable PayloadTooLarge tooLarge(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLarge over) {
        return over;
      }
    }
    return null;
  }

  /** Errors in the order the fields are declared, which is the order a form shows them in. */
  private static int declared(@Nullable Object target, FieldError error) {
    if (target == null) {
      return Integer.MAX_VALUE;
    }
    Field[] fields = target.getClass().getDeclaredFields();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].getName().equals(error.getField())) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static String slug(HttpStatus status) {
    return status.getReasonPhrase().toLowerCase().replace(' ', '-');
  }

  private static String snakeCase(String field) {
    return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }
}
