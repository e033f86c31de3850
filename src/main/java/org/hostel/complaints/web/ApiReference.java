package org.hostel.complaints.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The generated OpenAPI 3.1 reference ({@code /v3/api-docs}, browsable at {@code
 * /swagger-ui.html}): its security schemes, and the problem document every failure answers with,
 * added to every operation so a client knows the shape of each error before meeting it.
 */
@Configuration(proxyBeanMethods = false)
class ApiReference {

  /** Every problem type the service answers with, its status and when. */
  static final Map<String, String> PROBLEM_TYPES =
      Map.ofEntries(
          Map.entry("malformed-request", "400: the body is not valid JSON or cannot be read"),
          Map.entry("illegal-transition", "400: the status machine has no such move"),
          Map.entry("incomplete-upload", "400: a presigned upload was not completed"),
          Map.entry("password-rejected", "400: the current password given is wrong"),
          Map.entry("report-refused", "400: a public report from a robot or a stale form"),
          Map.entry("source-blocked", "403: public reports from this source are refused for now"),
          Map.entry("proof-required", "428: the public page must prove work before this report"),
          Map.entry("not-authenticated", "401: no credentials, or a token that is not valid"),
          Map.entry("invalid-credentials", "401: wrong user name or password at login"),
          Map.entry("forbidden", "403: the caller may not do this"),
          Map.entry("not-found", "404: no such resource, or one the caller may not see"),
          Map.entry("method-not-allowed", "405: the path exists but not with this method"),
          Map.entry("not-acceptable", "406: the Accept header asks for a type not served"),
          Map.entry("conflict", "409: Idempotency-Key reused with another body, or a busy record"),
          Map.entry("contact-taken", "409: the email or phone is another account's"),
          Map.entry("not-uploaded", "409: a photo was confirmed before it was uploaded"),
          Map.entry("too-many-photos", "409: the complaint has its maximum of photos"),
          Map.entry("stale-version", "412: If-Match names an older version"),
          Map.entry("payload-too-large", "413: a body, upload or photo over its limit"),
          Map.entry("unsupported-media-type", "415: a body or photo of a type not accepted"),
          Map.entry("validation-failed", "422: one or more fields are wrong; see errors"),
          Map.entry("invalid-image", "422: a photo that cannot be decoded or is too large"),
          Map.entry("rate-limited", "429: too many requests; see Retry-After"),
          Map.entry("internal-error", "500: the server failed; it has been logged"),
          Map.entry("overloaded", "503: the instance is saturated; see Retry-After"),
          Map.entry("shutting-down", "502: the instance is stopping; another one answers"));

  static {
    // Ids that may also be null arrive as JSON nodes so that null can mean "unassign".
    SpringDocUtils.getConfig()
        .replaceWithSchema(
            JsonNode.class,
            new Schema<>()
                .types(Set.of("string", "null"))
                .format("uuid")
                .description("A staff id, or null"));
  }

  /**
   * Field names as the service writes them: the application's JSON mapper uses snake_case, which
   * the documentation's own mapper must be told.
   */
  @Bean
  ModelResolver snakeCaseModels(ObjectMapperProvider mappers) {
    return new ModelResolver(
            mappers
                .jsonMapper()
                .copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
        .openapi31(mappers.isOpenapi31());
  }

  @Bean
  OpenAPI complaintsApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Complaint Management System API")
                .version("v1")
                .description(
                    "Residents' maintenance complaints, submitted by the reporter bot with a service"
                        + " token and worked by staff. The rules behind these endpoints (visibility,"
                        + " the status machine, idempotency, photos, the dashboard socket) are in"
                        + " docs/API.md of the repository."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "staffToken",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "A staff token from POST /auth/login or /auth/login-json, as"
                                + " `Authorization: Bearer <token>`"))
                .addSecuritySchemes(
                    "serviceToken",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "The reporter bot's service token (COMPLAINTS_SERVICE_TOKEN), as"
                                + " `Authorization: Bearer <token>`: submit, read, list, photos"))
                .addSecuritySchemes(
                    "sessionCookie",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("complaints_session")
                        .description(
                            "The dashboard's HttpOnly session cookie from POST /auth/session;"
                                + " writes must repeat its csrf_token in an X-CSRF-Token header")))
        .security(
            List.of(
                new SecurityRequirement().addList("staffToken"),
                new SecurityRequirement().addList("serviceToken"),
                new SecurityRequirement().addList("sessionCookie")));
  }

  /** Every operation may fail with a problem document; the 4XX and 5XX answers say so. */
  @Bean
  OpenApiCustomizer problemAnswers() {
    return api -> {
      api.getComponents().addSchemas("Problem", problemSchema());
      api.getComponents().addSchemas("FieldProblem", fieldProblemSchema());
      api.getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations()
                      .forEach(
                          operation -> {
                            if (operation.getTags() != null) {
                              operation.setTags(
                                  operation.getTags().stream().map(ApiReference::tag).toList());
                            }
                            operation
                                .getResponses()
                                .addApiResponse("4XX", problem("The request was refused"));
                            operation
                                .getResponses()
                                .addApiResponse("5XX", problem("The service could not answer"));
                          }));
    };
  }

  /** "staff-admin-controller" reads as "Staff admin". */
  static String tag(String generated) {
    String words = generated.replaceFirst("-controller$", "").replace('-', ' ');
    return words.isEmpty()
        ? generated
        : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static Schema<?> fieldProblemSchema() {
    return new ObjectSchema()
        .addProperty("field", new StringSchema().example("room_number"))
        .addProperty(
            "message",
            new StringSchema()
                .example("Room must be a letter A–H followed by three digits, e.g. A312"))
        .required(List.of("field", "message"));
  }

  private static Schema<?> problemSchema() {
    StringBuilder types = new StringBuilder("Stable problem types, as `/problems/<type>`:\n\n");
    PROBLEM_TYPES.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(
            e ->
                types
                    .append("- `")
                    .append(e.getKey())
                    .append("`: ")
                    .append(e.getValue())
                    .append('\n'));
    return new ObjectSchema()
        .description("An RFC 9457 problem document (`application/problem+json`).\n\n" + types)
        .addProperty(
            "type",
            new StringSchema()
                ._enum(PROBLEM_TYPES.keySet().stream().sorted().map(t -> "/problems/" + t).toList())
                .example("/problems/validation-failed"))
        .addProperty("title", new StringSchema().example("Validation failed"))
        .addProperty("status", new IntegerSchema().example(422))
        .addProperty(
            "detail",
            new StringSchema()
                .example("Room must be a letter A–H followed by three digits, e.g. A312"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                .description("Every wrong field at once (validation failures only)"))
        .required(List.of("type", "title", "status", "detail"));
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description + " (see the Problem schema for the types)")
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
  }
}
