package dev.genaiagent.testing.openai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code POST /embeddings}: one unit-length vector per input, derived from the input alone (the same text
 * always embeds to the same vector, in any JVM), as float arrays or, with {@code encoding_format: base64},
 * as base64 of little-endian float32 bytes like OpenAI.
 */
final class EmbeddingsEndpoint implements Endpoint {

  static final int DEFAULT_DIMENSIONS = 8;

  @Override
  public Api api() {
    return Api.EMBEDDINGS;
  }

  @Override
  public Reply reply(RecordedRequest request, Script script) {
    Map<String, Object> body = RequestFields.body(request);
    String model = RequestFields.model(body);
    List<Input> inputs = inputs(RequestFields.required(body, "input"));
    int dimensions = dimensions(body, script);
    Object format = body.getOrDefault("encoding_format", "float");
    if (!"float".equals(format) && !"base64".equals(format)) {
      throw new InvalidRequest("Invalid value for 'encoding_format': expected 'float' or 'base64'.",
          "encoding_format", "invalid_value");
    }

    List<Object> data = new ArrayList<>();
    int tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      Input input = inputs.get(i);
      float[] vector = vector(input.key(), dimensions);
      data.add(Json.obj(
          "object", "embedding",
          "index", i,
          "embedding", "base64".equals(format) ? base64(vector) : vector));
      tokens += input.tokens();
    }
    Map<String, Object> response = Json.obj(
        "object", "list",
        "data", data,
        "model", script.model != null ? script.model : model);
    int promptTokens = script.promptTokens != null ? script.promptTokens : tokens;
    response.put("usage", Json.obj("prompt_tokens", promptTokens, "total_tokens", promptTokens));
    return Reply.json(200, response);
  }

  /** What a vector is derived from, and how many tokens the input counts as. */
  private record Input(String key, int tokens) {}

  /** A string, an array of strings, an array of token ids, or an array of token-id arrays. */
  private static List<Input> inputs(Object input) {
    List<Input> inputs = new ArrayList<>();
    if (input instanceof String s) {
      inputs.add(new Input(s, Math.max(1, Texts.tokens(s))));
    } else if (input instanceof List<?> list && !list.isEmpty()) {
      if (list.get(0) instanceof Long) {
        inputs.add(tokenInput(list));
      } else {
        for (Object item : list) {
          if (item instanceof String s) {
            inputs.add(new Input(s, Math.max(1, Texts.tokens(s))));
          } else if (item instanceof List<?> tokens && !tokens.isEmpty()) {
            inputs.add(tokenInput(tokens));
          } else {
            throw invalidInput();
          }
        }
      }
    } else {
      throw invalidInput();
    }
    return inputs;
  }

  private static Input tokenInput(List<?> tokens) {
    for (Object t : tokens) {
      if (!(t instanceof Long)) {
        throw invalidInput();
      }
    }
    return new Input("tokens:" + tokens, tokens.size());
  }

  private static InvalidRequest invalidInput() {
    return new InvalidRequest("'$.input' is invalid. Please check the API reference: "
        + "https://platform.openai.com/docs/api-reference.", "input", null);
  }

  private static int dimensions(Map<String, Object> body, Script script) {
    if (body.get("dimensions") != null) {
      return RequestFields.positiveIntUpTo(body, "dimensions", 65536);
    }
    return script.dimensions != null ? script.dimensions : DEFAULT_DIMENSIONS;
  }

  /** Seeded by a 64-bit FNV-1a hash of the input; uniform components, normalized to unit length. */
  static float[] vector(String key, int dimensions) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    SplittableRandom random = new SplittableRandom(hash);
    float[] v = new float[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      v[i] = (float) (random.nextDouble() * 2 - 1);
      norm += v[i] * v[i];
    }
    float scale = (float) (1 / Math.sqrt(norm == 0 ? 1 : norm));
    for (int i = 0; i < dimensions; i++) {
      v[i] *= scale;
    }
    return v;
  }

  /** OpenAI's base64 format: the float32 values, little-endian, back to back. */
  static String base64(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : vector) {
      bytes.putFloat(f);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
