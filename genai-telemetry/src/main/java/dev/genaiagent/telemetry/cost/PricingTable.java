package dev.genaiagent.telemetry.cost;

import dev.genaiagent.telemetry.GenAiProviders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * Model prices by provider and model, and the cost of a call from its token usage. Immutable; the
 * bundled table ({@value #BUNDLED_RESOURCE}, in the jar) is read once, and an override file adds rows
 * to it or replaces rows of the same provider and model.
 *
 * <p>Lookup ({@link #find}): the provider is compared case-insensitively; the model name is normalized
 * as {@link ModelNames} describes (lower case, hosting prefixes stripped, then snapshot suffixes
 * stripped one at a time until a listed name matches). The provider's own rows are searched first. When
 * the provider is {@code openai} or absent, a model the provider does not list is then looked up by name
 * alone among all providers, if exactly one provider lists it: {@code openai} is what an OpenAI-compatible
 * gateway or proxy reports ({@code deepseek-chat} or {@code claude-sonnet-4-5} through LiteLLM, say), and
 * the model's owner then bills at its own list price. Every other provider (Azure OpenAI, Bedrock, Vertex
 * AI, Groq...) bills at prices of its own, so it gets a cost only from rows of its own, which an override
 * file can add: an unpriced call has no cost rather than a guessed one.
 *
 * <p>Lookups are cached per table (bounded: the cache starts over beyond {@value #MAX_CACHED} distinct
 * provider and model pairs), since one runs for every model call.
 */
public final class PricingTable {
  /** The bundled table's resource name (an agent injecting our classes must make it visible too). */
  public static final String BUNDLED_RESOURCE = "dev/genaiagent/telemetry/cost/model-prices.txt";
  static final int MAX_CACHED = 1024;

  private static final Logger logger = Logger.getLogger(PricingTable.class.getName());
  private static final Set<String> warned = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
  /** Cached for lookups that found nothing, and in the model-only index for names two providers list. */
  private static final ModelPrice NONE = new ModelPrice("", "", 0, 0, 0, 0, 0, 0);

  private final List<ModelPrice> prices;
  @Nullable private final String pricesAsOf;
  private final Map<String, Map<String, ModelPrice>> byProvider = new HashMap<>();
  private final Map<String, ModelPrice> byModel = new HashMap<>();
  private final ConcurrentHashMap<String, ModelPrice> cache = new ConcurrentHashMap<>();

  private PricingTable(List<ModelPrice> prices, @Nullable String pricesAsOf) {
    this.prices = Collections.unmodifiableList(prices);
    this.pricesAsOf = pricesAsOf;
    for (ModelPrice price : prices) {
      Map<String, ModelPrice> models = byProvider.get(price.provider());
      if (models == null) {
        models = new HashMap<>();
        byProvider.put(price.provider(), models);
      }
      models.put(price.model(), price);
      byModel.put(price.model(), byModel.containsKey(price.model()) ? NONE : price);
    }
  }

  /** The table bundled in the jar; empty (every cost unknown) if the jar lacks it, after one warning. */
  public static PricingTable bundled() {
    return Bundled.TABLE;
  }

  /**
   * The table for the value of {@code otel.instrumentation.genai.cost.pricing-file}: the bundled table
   * when the value is null or blank, else the bundled table with that file's rows (see
   * {@link #withOverrides}).
   */
  public static PricingTable load(@Nullable String pricingFile) {
    if (pricingFile == null || pricingFile.trim().isEmpty()) {
      return bundled();
    }
    Path path;
    try {
      path = Paths.get(pricingFile.trim());
    } catch (InvalidPathException e) {
      warnOnce(pricingFile.trim(), "it is not a valid path (" + e.getMessage() + ")");
      return bundled();
    }
    return bundled().withOverrides(path);
  }

  /**
   * This table with the rows of {@code file} (the bundled format) added, each replacing a row of the same
   * provider and model. A file that cannot be read or breaks the format in any line is ignored as a
   * whole, after one warning naming the file and the line: half a file could price some models with
   * old rows and others with new ones, and the table in force before stays consistent.
   */
  public PricingTable withOverrides(Path file) {
    PriceFile overrides;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      overrides = PriceFile.read(reader);
    } catch (PriceFile.MalformedException e) {
      warnOnce(file.toString(), e.getMessage());
      return this;
    } catch (IOException | RuntimeException e) {
      // RuntimeException: a SecurityManager's refusal, or bytes that are not UTF-8 (UncheckedIOException).
      warnOnce(file.toString(), "it cannot be read (" + e + ")");
      return this;
    }
    Map<String, ModelPrice> merged = new LinkedHashMap<>();
    for (ModelPrice price : prices) {
      merged.put(price.provider() + ' ' + price.model(), price);
    }
    for (ModelPrice price : overrides.prices) {
      merged.put(price.provider() + ' ' + price.model(), price);
    }
    return new PricingTable(new ArrayList<>(merged.values()), pricesAsOf);
  }

  /** The prices of {@code model} as {@code provider} reports it, or null when the table does not know it. */
  @Nullable
  public ModelPrice find(@Nullable String provider, @Nullable String model) {
    if (model == null) {
      return null;
    }
    String key = (provider == null ? "" : provider) + '\n' + model;
    ModelPrice found = cache.get(key);
    if (found == null) {
      found = resolve(provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT), model);
      if (cache.size() >= MAX_CACHED) {
        cache.clear(); // model names come from applications: bound them, simply
      }
      cache.put(key, found);
    }
    return found == NONE ? null : found;
  }

  /**
   * The cost in USD of a call to {@code model} of {@code provider} with {@code usage}, or null when the
   * model is unknown or the usage does not tell (see {@link ModelPrice#cost}). Never a made-up zero.
   */
  @Nullable
  public Double cost(@Nullable String provider, @Nullable String model, TokenUsage usage) {
    ModelPrice price = find(provider, model);
    return price == null ? null : price.cost(usage);
  }

  /** Every row in file order: the bundled rows (a replaced row keeps its place), then added rows. */
  public List<ModelPrice> prices() {
    return prices;
  }

  /** The date of the bundled prices ({@code prices as of YYYY-MM-DD} in the bundled file's header). */
  @Nullable
  public String pricesAsOf() {
    return pricesAsOf;
  }

  /** How many lookups the cache holds (for tests of its bound). */
  int cachedLookups() {
    return cache.size();
  }

  private ModelPrice resolve(String provider, String model) {
    String name = ModelNames.normalize(model);
    if (name.isEmpty()) {
      return NONE;
    }
    Map<String, ModelPrice> own = byProvider.get(provider);
    if (own != null) {
      for (String n = name; n != null; n = ModelNames.stripSuffix(n)) {
        ModelPrice price = own.get(n);
        if (price != null) {
          return price;
        }
      }
    }
    if (provider.isEmpty() || provider.equals(GenAiProviders.OPENAI)) {
      for (String n = name; n != null; n = ModelNames.stripSuffix(n)) {
        ModelPrice price = byModel.get(n);
        if (price != null) {
          return price; // NONE when two providers list the name: ambiguous, so unknown
        }
      }
    }
    return NONE;
  }

  private static void warnOnce(String file, String problem) {
    if (warned.add(file + '\n' + problem)) {
      logger.warning("Ignoring the model price file '" + file + "': " + problem
          + ". None of its rows apply; the prices already in force stay.");
    }
  }

  private static final class Bundled {
    static final PricingTable TABLE = read();

    private static PricingTable read() {
      try (InputStream in = PricingTable.class.getResourceAsStream('/' + BUNDLED_RESOURCE)) {
        if (in == null) {
          logger.warning("The bundled model price table " + BUNDLED_RESOURCE + " is missing; costs are unknown.");
          return new PricingTable(Collections.<ModelPrice>emptyList(), null);
        }
        PriceFile file = PriceFile.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        return new PricingTable(file.prices, file.pricesAsOf);
      } catch (IOException | PriceFile.MalformedException | RuntimeException e) {
        // A test keeps the bundled file valid; this guards a damaged jar, not an expected case.
        logger.warning("The bundled model price table " + BUNDLED_RESOURCE + " cannot be read (" + e.getMessage()
            + "); costs are unknown.");
        return new PricingTable(Collections.<ModelPrice>emptyList(), null);
      }
    }
  }
}
