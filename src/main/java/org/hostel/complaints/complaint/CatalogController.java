package org.hostel.complaints.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogController {

  private final Catalog catalog;

  CatalogController(Catalog catalog) {
    this.catalog = catalog;
  }

  record HostelResponse(UUID id, String slug, String displayName) {}

  record CategoryResponse(String name) {}

  @Operation(
      summary = "Hostels",
      description =
          "The configured hostels: `slug` is what a submission sends, `display_name` what people read.")
  @GetMapping("/api/v1/hostels")
  List<HostelResponse> hostels(Caller caller) {
    return catalog.hostels().stream()
        .map(h -> new HostelResponse(h.id(), h.slug(), h.displayName()))
        .toList();
  }

  @Operation(
      summary = "Categories",
      description = "The categories a submission may name. Open to anyone.")
  @SecurityRequirements
  @GetMapping("/api/v1/categories")
  List<CategoryResponse> categories() {
    return catalog.categories().stream().map(CategoryResponse::new).toList();
  }
}
