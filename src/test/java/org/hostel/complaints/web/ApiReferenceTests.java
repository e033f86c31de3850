package org.hostel.complaints.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The generated API reference is complete: every endpoint the service has is in it, described. */
@EmbeddedContext
class ApiReferenceTests {

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  JsonNode document() {
    Api api = Api.onPort(port);
    Api.Response response = api.get("/v3/api-docs", new Fixtures(api).adminToken());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  @Test
  void everyEndpointTheServiceHasIsInTheReferenceWithASummaryAndADescription() {
    JsonNode paths = document().get("paths");
    List<String> missing = new ArrayList<>();
    int endpoints = 0;
    for (var entry : mappings.getHandlerMethods().entrySet()) {
      if (!entry.getValue().getBeanType().getPackageName().startsWith("org.hostel.complaints")) {
        continue;
      }
      var info = entry.getKey();
      if (info.getPatternValues().equals(java.util.Set.of("/error"))) {
        continue; // the container's error dispatch (web.ErrorDocuments), never called by a client
      }
      assertThat(info.getMethodsCondition().getMethods()).as(info.toString()).isNotEmpty();
      for (String path : info.getPatternValues()) {
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          endpoints++;
          JsonNode operation = paths.path(path).path(method.name().toLowerCase(Locale.ROOT));
          if (operation.isMissingNode()) {
            missing.add(method + " " + path + ": not in the reference");
          } else if (operation.path("summary").asString("").isBlank()
              || operation.path("description").asString("").isBlank()) {
            missing.add(method + " " + path + ": no summary or description");
          }
        }
      }
    }
    assertThat(endpoints).isGreaterThan(40);
    assertThat(missing).isEmpty();
  }

  @Test
  void theReferenceIsOpenApi31WithTheThreeWaysToAuthenticateAndTheProblemDocument() {
    JsonNode document = document();

    assertThat(document.get("openapi").asString()).startsWith("3.1");
    assertThat(document.at("/components/securitySchemes").propertyNames())
        .containsExactlyInAnyOrder("staffToken", "serviceToken", "sessionCookie");
    assertThat(document.at("/components/securitySchemes/sessionCookie/in").asString())
        .isEqualTo("cookie");
    JsonNode types = document.at("/components/schemas/Problem/properties/type/enum");
    assertThat(types.valueStream().map(JsonNode::asString).toList())
        .contains("/problems/validation-failed", "/problems/not-found", "/problems/rate-limited");
    assertThat(
            document
                .at(
                    "/paths/~1api~1v1~1complaints~1submit/post/responses/4XX/content"
                        + "/application~1problem+json/schema/$ref")
                .asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(document.at("/paths/~1auth~1login-json/post/security").isEmpty()).isTrue();
  }

  @Test
  void aSubmissionIsDescribedWithItsFieldsTheirEnumsAndExamples() {
    JsonNode submit = document().at("/components/schemas/SubmitComplaintRequest");

    assertThat(submit.get("properties").propertyNames())
        .containsExactlyInAnyOrder(
            "telegram_user_id",
            "hostel",
            "wing",
            "room_number",
            "category",
            "description",
            "severity",
            "photo_urls");
    assertThat(submit.at("/properties/severity/enum").valueStream().map(JsonNode::asString))
        .containsExactly("low", "medium", "high");
    assertThat(submit.at("/properties/room_number/example").asString()).isEqualTo("A312");
    assertThat(submit.get("required").valueStream().map(JsonNode::asString))
        .containsExactlyInAnyOrder("hostel", "room_number", "category", "description", "severity");
  }

  @Test
  void theReferenceAndItsPageNeedALoginByDefault() {
    Api api = Api.onPort(port);
    assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(401);
    assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(401);
    assertThat(api.get("/swagger-ui/index.html", new Fixtures(api).adminToken()).status())
        .isEqualTo(200);
    assertThat(api.get("/v3/api-docs", TestSetup.SERVICE_TOKEN).status()).isEqualTo(200);
    assertThat(api.get("/v3/api-docs.yaml", null).status()).isEqualTo(401);
    assertThat(api.get("/v3/api-docs.yaml", TestSetup.SERVICE_TOKEN).body())
        .contains("openapi: 3.1");
  }
}
