package org.hostel.complaints.complaint;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured hostels and categories, for features that key their settings by them. */
@Component
public class CatalogView {

  private final Catalog catalog;

  CatalogView(Catalog catalog) {
    this.catalog = catalog;
  }

  public List<String> categories() {
    return catalog.categories();
  }

  /** The slug of the hostel given by slug or display name, in any case. */
  public Optional<String> hostelSlug(String slugOrName) {
    return catalog.hostel(slugOrName).map(Catalog.Hostel::slug);
  }
}
