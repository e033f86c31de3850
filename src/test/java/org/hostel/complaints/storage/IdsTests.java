package org.hostel.complaints.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** History and other rows are ordered by time, then id: ids of one millisecond keep their order. */
class IdsTests {

  @Test
  void idsMadeOneAfterAnotherSortInTheOrderTheyWereMade() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      made.add(Ids.newId().toString());
    }
    // As text, which is how both databases compare the stored ids.
    assertThat(made).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void theyAreVersionSevenWithTheCurrentTime() {
    long before = System.currentTimeMillis();
    UUID id = Ids.newId();
    long millis = id.getMostSignificantBits() >>> 16;
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(millis).isBetween(before, System.currentTimeMillis() + 1);
  }
}
