package dev.genaiagent.telemetry.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Reads the model price format, the bundled table's and an override file's alike (the bundled file's
 * header documents it for whoever edits one):
 *
 * <pre>
 * # prices as of 2025-10-15
 * # provider  model        input  output  cache_read  cache_write  reasoning_output  embedding_input
 * openai      gpt-4o-mini  0.15   0.60    0.075       -            -                 -
 * </pre>
 *
 * Columns are separated by spaces or tabs; {@code #} starts a comment; {@code -} leaves a price unset;
 * the last four columns may be left out. Prices are USD per million tokens, plain decimals with at most
 * six decimal places. A row needs an input or an embedding price, and a file may list a provider and
 * model once. Any violation rejects the whole file, naming its line.
 */
final class PriceFile {
  static final int MIN_COLUMNS = 4;
  static final int COLUMNS = 8;

  private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
  private static final Pattern PRICE = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,6}))?");
  private static final Pattern AS_OF = Pattern.compile("prices as of (\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern COLUMN_SEPARATOR = Pattern.compile("[ \\t]+");

  /** A file that does not follow the format, at a line (1-based). */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    MalformedException(int line, String message) {
      super("line " + line + ": " + message);
      this.line = line;
    }
  }

  final List<ModelPrice> prices;
  /** The date of a {@code prices as of YYYY-MM-DD} comment, if the file has one. */
  @Nullable final String pricesAsOf;

  private PriceFile(List<ModelPrice> prices, @Nullable String pricesAsOf) {
    this.prices = prices;
    this.pricesAsOf = pricesAsOf;
  }

  static PriceFile read(BufferedReader reader) throws IOException, MalformedException {
    List<ModelPrice> prices = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    String asOf = null;
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      int hash = line.indexOf('#');
      if (hash >= 0) {
        Matcher date = AS_OF.matcher(line.substring(hash));
        if (asOf == null && date.find()) {
          asOf = date.group(1);
        }
        line = line.substring(0, hash);
      }
      line = line.trim();
      if (line.isEmpty()) {
        continue;
      }
      ModelPrice price = row(lineNumber, COLUMN_SEPARATOR.split(line));
      if (!keys.add(price.provider() + ' ' + price.model())) {
        throw new MalformedException(lineNumber, price.provider() + ' ' + price.model() + " is listed twice");
      }
      prices.add(price);
    }
    return new PriceFile(Collections.unmodifiableList(prices), asOf);
  }

  private static ModelPrice row(int line, String[] columns) throws MalformedException {
    if (columns.length < MIN_COLUMNS || columns.length > COLUMNS) {
      throw new MalformedException(line, "expected " + MIN_COLUMNS + " to " + COLUMNS
          + " columns (provider model input output [cache_read cache_write reasoning_output embedding_input]),"
          + " found " + columns.length);
    }
    String provider = columns[0].toLowerCase(Locale.ROOT);
    if (!PROVIDER.matcher(provider).matches()) {
      throw new MalformedException(line, "'" + columns[0] + "' is not a gen_ai.provider.name value");
    }
    String model = columns[1].toLowerCase(Locale.ROOT);
    String normalized = ModelNames.normalize(model);
    if (!normalized.equals(model)) {
      // Lookups strip hosting prefixes before asking the table, so this row could never match.
      throw new MalformedException(line, "model '" + columns[1] + "' is looked up without its prefix: write '"
          + normalized + "'");
    }
    long[] p = new long[COLUMNS - 2];
    for (int i = 0; i < p.length; i++) {
      p[i] = 2 + i < columns.length ? price(line, columns[2 + i]) : ModelPrice.UNSET;
    }
    if (p[0] == ModelPrice.UNSET && p[5] == ModelPrice.UNSET) {
      throw new MalformedException(line, provider + ' ' + model + " has neither an input nor an embedding price");
    }
    return new ModelPrice(provider, model, p[0], p[1], p[2], p[3], p[4], p[5]);
  }

  /** Micro-USD per million tokens, or {@link ModelPrice#UNSET} for {@code -}. */
  private static long price(int line, String column) throws MalformedException {
    if ("-".equals(column)) {
      return ModelPrice.UNSET;
    }
    Matcher m = PRICE.matcher(column);
    if (!m.matches()) {
      throw new MalformedException(line, "'" + column + "' is not a price (USD per 1M tokens, like 0.15,"
          + " at most six decimal places) nor '-'");
    }
    String fraction = m.group(2) == null ? "" : m.group(2);
    return Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong((fraction + "000000").substring(0, 6));
  }
}
