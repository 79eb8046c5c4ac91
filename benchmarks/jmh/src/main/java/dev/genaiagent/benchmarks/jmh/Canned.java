package dev.genaiagent.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Request texts and canned response bodies shaped like the OpenAI API's: a {@code chat.completion}, a
 * {@code chat.completion.chunk} event stream with {@code data:} framing and {@code [DONE]}, and an
 * embeddings list. Built once per trial; deterministic.
 */
final class Canned {
  static final String MODEL = "gpt-4o-mini";
  static final String RESPONSE_MODEL = "gpt-4o-mini-2024-07-18";
  static final String EMBEDDING_MODEL = "text-embedding-3-small";
  static final String SYSTEM_PROMPT = "You are a concise travel assistant. Answer in at most three sentences.";
  static final String SHORT_PROMPT = "What is the weather usually like in Paris in early October?";

  static final String ANSWER = "Early October in Paris is mild and changeable: daytime highs are usually around"
      + " 16-18 \u00b0C and nights drop to about 9-10 \u00b0C. Expect some rain on roughly one day in three,"
      + " so pack a light waterproof jacket and layers. Mornings can be foggy, but afternoons are often"
      + " pleasant for walking along the Seine.";

  private static final String[] WORDS = ("The forecast for Paris this week calls for mild afternoons, cool"
      + " evenings and a chance of light rain on Thursday, so a light jacket and an umbrella are a good"
      + " idea when you visit the museums").split(" ");

  private static final String PROMPT_PARAGRAPH = "I am planning a ten-day trip to France in early October with"
      + " my partner and our two children (aged 9 and 13). We land at Charles de Gaulle on a Friday morning"
      + " and want to spend four nights in Paris, three in the Loire Valley and three in Normandy before"
      + " flying home from Paris again. Our budget is moderate: we prefer small family-run hotels, one"
      + " museum per day at most, and plenty of time outdoors. The kids love castles, boats and anything"
      + " to do with the Second World War; my partner wants \"real\" French food rather than tourist menus,"
      + " and I would like at least one long bike ride.\n";

  /** A user message of exactly {@code bytes} UTF-8 bytes (ASCII), quotes and newlines included. */
  static String prompt(int bytes) {
    StringBuilder text = new StringBuilder(bytes + PROMPT_PARAGRAPH.length());
    int part = 1;
    while (text.length() < bytes) {
      text.append("Part ").append(part++).append(": ").append(PROMPT_PARAGRAPH);
    }
    text.setLength(bytes);
    return text.toString();
  }

  static byte[] chatCompletion() {
    String json = "{\n"
        + "  \"id\": \"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\n"
        + "  \"object\": \"chat.completion\",\n"
        + "  \"created\": 1741570283,\n"
        + "  \"model\": \"" + RESPONSE_MODEL + "\",\n"
        + "  \"choices\": [\n"
        + "    {\n"
        + "      \"index\": 0,\n"
        + "      \"message\": {\n"
        + "        \"role\": \"assistant\",\n"
        + "        \"content\": " + quote(ANSWER) + ",\n"
        + "        \"refusal\": null,\n"
        + "        \"annotations\": []\n"
        + "      },\n"
        + "      \"logprobs\": null,\n"
        + "      \"finish_reason\": \"stop\"\n"
        + "    }\n"
        + "  ],\n"
        + "  \"usage\": {\n"
        + "    \"prompt_tokens\": 1117,\n"
        + "    \"completion_tokens\": 72,\n"
        + "    \"total_tokens\": 1189,\n"
        + "    \"prompt_tokens_details\": {\n"
        + "      \"cached_tokens\": 1024,\n"
        + "      \"audio_tokens\": 0\n"
        + "    },\n"
        + "    \"completion_tokens_details\": {\n"
        + "      \"reasoning_tokens\": 0,\n"
        + "      \"audio_tokens\": 0,\n"
        + "      \"accepted_prediction_tokens\": 0,\n"
        + "      \"rejected_prediction_tokens\": 0\n"
        + "    }\n"
        + "  },\n"
        + "  \"service_tier\": \"default\",\n"
        + "  \"system_fingerprint\": \"fp_06737a9306\"\n"
        + "}\n";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code chunks} {@code chat.completion.chunk} events as OpenAI streams them with
   * {@code stream_options.include_usage}: a role chunk ({@code "content": ""}), {@code chunks - 3} content
   * chunks of one word each, a finish chunk, a usage chunk ({@code "choices": []}); then {@code [DONE]}.
   */
  static byte[] chatStream(int chunks) {
    if (chunks < 4) {
      throw new IllegalArgumentException("a stream needs at least 4 chunks (role, content, finish, usage)");
    }
    String head = "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":\"chat.completion.chunk\","
        + "\"created\":1741570283,\"model\":\"" + RESPONSE_MODEL + "\",\"service_tier\":\"default\","
        + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":";
    StringBuilder sse = new StringBuilder(chunks * 300);
    event(sse, head + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
        + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}");
    for (int i = 0; i < chunks - 3; i++) {
      String word = (i == 0 ? "" : " ") + WORDS[i % WORDS.length];
      event(sse, head + "[{\"index\":0,\"delta\":{\"content\":" + quote(word) + "},"
          + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}");
    }
    event(sse, head + "[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}");
    event(sse, head + "[],\"usage\":{\"prompt_tokens\":31,\"completion_tokens\":" + (chunks - 3)
        + ",\"total_tokens\":" + (31 + chunks - 3) + ",\"prompt_tokens_details\":{\"cached_tokens\":0,"
        + "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
        + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}");
    sse.append("data: [DONE]\n\n");
    return sse.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One embedding of {@code dimensions} floats, as {@code encoding_format: float} returns it. */
  static byte[] embeddings(int dimensions) {
    StringBuilder json = new StringBuilder(dimensions * 14 + 300);
    json.append("{\n  \"object\": \"list\",\n  \"data\": [\n    {\n      \"object\": \"embedding\",\n"
        + "      \"index\": 0,\n      \"embedding\": [\n");
    long seed = 42;
    for (int i = 0; i < dimensions; i++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      double v = ((seed >>> 11) / (double) (1L << 53) - 0.5) / 8;
      json.append("        ").append(String.format(Locale.ROOT, "%.9f", v)).append(i + 1 < dimensions ? ",\n" : "\n");
    }
    json.append("      ]\n    }\n  ],\n  \"model\": \"").append(EMBEDDING_MODEL).append("\",\n"
        + "  \"usage\": {\n    \"prompt_tokens\": 12,\n    \"total_tokens\": 12\n  }\n}\n");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void event(StringBuilder sse, String data) {
    sse.append("data: ").append(data).append("\n\n");
  }

  static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': q.append("\\\""); break;
        case '\\': q.append("\\\\"); break;
        case '\n': q.append("\\n"); break;
        default:
          if (c < 0x20) {
            q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            q.append(c);
          }
      }
    }
    return q.append('"').toString();
  }

  private Canned() {}
}
