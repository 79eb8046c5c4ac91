package dev.genaiagent.instrumentation.langchain4j.rag;

import java.util.Locale;
import javax.annotation.Nullable;

/**
 * LangChain4j's in-process embedding models ({@code langchain4j-embeddings-*}: ONNX Runtime inside the
 * application's JVM). They report neither {@code provider()} nor {@code modelName()}, so both come from
 * the class: the span is INTERNAL and has no server, the model is named after the class the way its
 * Hugging Face model is named ({@code AllMiniLmL6V2EmbeddingModel} → {@code all-minilm-l6-v2}).
 */
final class InProcessModels {
  static final String BASE_CLASS = "dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel";
  /** The runtime that runs them, as {@code ollama} names the engine of a local model. */
  static final String PROVIDER = "onnx";

  private static final ClassValue<Boolean> IN_PROCESS = new ClassValue<Boolean>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        if (c.getName().equals(BASE_CLASS)) {
          return true;
        }
      }
      return false;
    }
  };

  private static final ClassValue<String> NAMES = new ClassValue<String>() {
    @Override
    protected String computeValue(Class<?> type) {
      return nameOf(type.getSimpleName());
    }
  };

  private InProcessModels() {}

  static boolean isInProcess(Class<?> modelClass) {
    return IN_PROCESS.get(modelClass);
  }

  @Nullable
  static String modelName(Class<?> modelClass) {
    String name = NAMES.get(modelClass);
    return name.isEmpty() ? null : name;
  }

  /**
   * The models LangChain4j ships, by their model's own name; any other class (a user's
   * {@code OnnxEmbeddingModel} subclass) by its simple name, hyphenated and lower-cased.
   */
  static String nameOf(String simpleName) {
    String base = simpleName.endsWith("EmbeddingModel")
        ? simpleName.substring(0, simpleName.length() - "EmbeddingModel".length()) : simpleName;
    String suffix = "";
    if (base.endsWith("Quantized")) {
      base = base.substring(0, base.length() - "Quantized".length());
      suffix = "-q";
    }
    switch (base) {
      case "AllMiniLmL6V2":
        return "all-minilm-l6-v2" + suffix;
      case "BgeSmallEn":
        return "bge-small-en" + suffix;
      case "BgeSmallEnV15":
        return "bge-small-en-v1.5" + suffix;
      case "BgeSmallZh":
        return "bge-small-zh" + suffix;
      case "BgeSmallZhV15":
        return "bge-small-zh-v1.5" + suffix;
      case "E5SmallV2":
        return "e5-small-v2" + suffix;
      default:
        return hyphenate(base) + suffix;
    }
  }

  private static String hyphenate(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(camel.charAt(i - 1))) {
        out.append('-');
      }
      out.append(c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
