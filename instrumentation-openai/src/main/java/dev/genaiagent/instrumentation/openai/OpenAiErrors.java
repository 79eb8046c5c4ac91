package dev.genaiagent.instrumentation.openai;

import com.openai.errors.OpenAIServiceException;
import javax.annotation.Nullable;

/** {@code error.type} from the SDK's exceptions: the error body's code, else its type. */
final class OpenAiErrors {

  @Nullable
  static String errorType(Throwable error) {
    if (error instanceof OpenAIServiceException) {
      OpenAIServiceException e = (OpenAIServiceException) error;
      String code = e.code().orElse(null);
      return code != null ? code : e.type().orElse(null);
    }
    return null; // the core falls back to the exception class name
  }

  private OpenAiErrors() {}
}
