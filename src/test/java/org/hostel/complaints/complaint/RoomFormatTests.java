package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomFormatTests {

  @Test
  void theDefaultPatternReadsAsALetterAndThreeDigitsWithAnExampleThatMatches() {
    RoomFormat format = RoomFormat.of("^[A-H][0-9]{3}$").orElseThrow();

    assertThat(format.words()).isEqualTo("a letter A–H followed by three digits");
    assertThat(format.example()).isEqualTo("A312");
  }

  @Test
  void countsRangesAndLiteralsAreAllPutInWords() {
    RoomFormat format = RoomFormat.of("^[A-HJ-N]{1,2}-\\d{2}[AB]?$").orElseThrow();

    assertThat(format.words())
        .isEqualTo(
            "one to two letters A–H or J–N followed by a dash followed by two digits"
                + " followed by optionally a letter A or B");
    assertThat(format.example()).isEqualTo("A-31");
  }

  @Test
  void aPatternWithGroupsOrAlternativesIsNotGuessedAt() {
    assertThat(RoomFormat.of("^(A|B)[0-9]+$")).isEmpty();
    assertThat(RoomFormat.of("^[^X]{3}$")).isEmpty();
  }
}
