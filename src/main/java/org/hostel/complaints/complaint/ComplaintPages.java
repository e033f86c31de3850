package org.hostel.complaints.complaint;

import java.util.List;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.storage.ReadReplica;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Pages of the complaints a caller may see: by page number (an offset), or after a cursor (a
 * keyset, as cheap on the ten-thousandth page as on the first), with a count capped by {@link
 * ListSettings}. Reads from a current read replica when one is configured.
 */
@Service
@EnableConfigurationProperties(ListSettings.class)
class ComplaintPages {

  /**
   * A page of complaints, how many match (exactly up to the cap), and the cursor of the next page.
   */
  record Page(List<Complaint> items, long total, boolean exact, @Nullable String nextCursor) {}

  private final ComplaintRepository complaints;
  private final ComplaintPolicy policy;
  private final Catalog catalog;
  private final ReadReplica replica;
  private final ListSettings settings;

  ComplaintPages(
      ComplaintRepository complaints,
      ComplaintPolicy policy,
      Catalog catalog,
      ReadReplica replica,
      ListSettings settings) {
    this.complaints = complaints;
    this.policy = policy;
    this.catalog = catalog;
    this.replica = replica;
    this.settings = settings;
  }

  /** Page {@code page} (from 1) of the list, or the page after {@code after} when given. */
  Page list(Caller caller, ComplaintQuery query, int page, int pageSize, @Nullable String after) {
    ComplaintRepository.Filter filter = query.filter(catalog, policy.visibleTo(caller, "c"));
    SortOrder order = query.order();
    Keyset position = after == null || after.isBlank() ? null : Keyset.parse(after, order);
    var listing = complaints.listing(replica.current().orElse(null));
    ComplaintListing.Count count = listing.count(filter, settings.countCap());
    long offset = position == null ? (long) (page - 1) * pageSize : 0;
    if (count.exact() && offset >= count.total()) {
      return new Page(List.of(), count.total(), true, null);
    }
    boolean few = ComplaintListing.few(filter, count);
    ComplaintListing.Rows rows = listing.page(filter, order, pageSize, offset, position, few);
    String next = rows.next() == null ? null : rows.next().cursor();
    return new Page(rows.items(), count.total(), count.exact(), next);
  }
}
