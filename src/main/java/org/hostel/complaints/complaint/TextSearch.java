package org.hostel.complaints.complaint;

import java.sql.DatabaseMetaData;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one full-text index over complaints (description, room and category), in each database's own
 * words: SQLite's FTS5 table {@code complaints_fts} (rowid = reference), PostgreSQL's {@code
 * search} tsvector with its GIN index (V80). Both stem English words (porter), so "leaking" finds
 * "leaks". The list's {@code q} and the similar-complaint ranking both use it.
 *
 * <p>What the user typed never reaches the query syntax: it is cut into words of letters and digits
 * first, and each word is quoted (FTS5) or is plain lexeme text (tsquery).
 */
final class TextSearch {

  private static final int MAX_WORDS = 32;

  private final boolean sqlite;

  private TextSearch(boolean sqlite) {
    this.sqlite = sqlite;
  }

  /** The dialect of the database behind {@code jdbc}, read from the driver's metadata. */
  static TextSearch of(JdbcClient jdbc) {
    String product =
        jdbc.sql("SELECT 1")
            .query(
                rs -> {
                  DatabaseMetaData meta = rs.getStatement().getConnection().getMetaData();
                  return meta.getDatabaseProductName();
                });
    return new TextSearch(product != null && product.toLowerCase(Locale.ROOT).contains("sqlite"));
  }

  /** Whether the database is the embedded SQLite one. */
  boolean sqlite() {
    return sqlite;
  }

  /** The words of a text as the index sees them: letters and digits, lower case. */
  static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .map(w -> w.length() > 64 ? w.substring(0, 64) : w)
        .distinct()
        .limit(MAX_WORDS)
        .toList();
  }

  /**
   * Rows of {@code alias} holding a word starting with each word of {@code text} (all of them);
   * false when the text has no words.
   */
  ComplaintPolicy.Condition matchesAll(String alias, String text) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return new ComplaintPolicy.Condition("1 = 0", Map.of());
    }
    if (sqlite) {
      return new ComplaintPolicy.Condition(
          alias
              + ".reference IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH"
              + " :ftsAll)",
          Map.of("ftsAll", words.stream().map(w -> '"' + w + "\"*").collect(joining(" "))));
    }
    return new ComplaintPolicy.Condition(
        alias + ".search @@ to_tsquery('english', :ftsAll)",
        Map.of("ftsAll", words.stream().map(w -> w + ":*").collect(joining(" & "))));
  }

  /**
   * A statement answering the rows of {@code candidates} (a {@code SELECT c.* FROM complaints c …})
   * each with a {@code score} for how well it matches the words of {@code text}, common English
   * words left out: best first, then newest, at most {@code :limit}. Higher is closer, 0 for no
   * shared word; only comparable within one database. Adds its parameters to {@code params}.
   *
   * <p>On SQLite the score is how many of the words a candidate has: per word one FTS5 query over
   * the candidates' range of rowids (references), joined to them. FTS5's {@code bm25()} was
   * measured first and dropped: in a per-candidate subquery it recounts every word's documents over
   * the whole index for each candidate (about 4 ms a candidate at 1,000,000 complaints,
   * SimilarBenchmark). PostgreSQL's {@code ts_rank} needs no such global figures.
   */
  String ranked(String candidates, String text, Map<String, Object> params) {
    List<String> words = words(text).stream().filter(w -> !COMMON.contains(w)).toList();
    String order = " ORDER BY score DESC, r.created_at DESC, r.id LIMIT :limit";
    if (words.isEmpty()) {
      return "SELECT r.*, 0 AS score FROM (" + candidates + ") r" + order;
    }
    if (!sqlite) {
      params.put("ftsAny", String.join(" | ", words));
      return "SELECT r.*, ts_rank(r.search, to_tsquery('english', :ftsAny)) AS score FROM ("
          + candidates
          + ") r"
          + order;
    }
    StringBuilder hits = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      params.put("ftsWord" + i, '"' + words.get(i) + '"');
      hits.append(i == 0 ? "" : " UNION ALL ")
          .append("SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH :ftsWord")
          .append(i)
          .append(" AND rowid BETWEEN (SELECT min(reference) FROM cand)")
          .append(" AND (SELECT max(reference) FROM cand)");
    }
    return "WITH cand AS MATERIALIZED ("
        + candidates
        + "), hits(ref) AS MATERIALIZED ("
        + hits
        + ") SELECT r.*, coalesce(h.n, 0) AS score FROM cand r"
        + " LEFT JOIN (SELECT ref, count(*) AS n FROM hits GROUP BY ref) h ON h.ref = r.reference"
        + order;
  }

  /** Words too common to say two complaints are alike. */
  private static final java.util.Set<String> COMMON =
      java.util.Set.of(
          "a", "an", "and", "are", "at", "be", "but", "by", "for", "from", "has", "have", "i", "in",
          "is", "it", "its", "my", "no", "not", "of", "on", "or", "since", "so", "the", "there",
          "this", "to", "too", "very", "was", "with", "again", "all", "our", "room");

  private static java.util.stream.Collector<CharSequence, ?, String> joining(String separator) {
    return Collectors.joining(separator);
  }
}
