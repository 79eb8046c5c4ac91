package dev.genaiagent.instrumentation.langchain4j.service;

import dev.langchain4j.service.TokenStream;
import dev.langchain4j.spi.services.TokenStreamAdapter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.Flow;

/**
 * A reactive return type the way langchain4j-reactor adapts {@code Flux}: through LangChain4j's
 * {@code TokenStreamAdapter} SPI, the stream starting only when someone subscribes, after the service
 * method has returned. (The reactor module is not served here; this adapter takes the same path.)
 */
public final class PublisherTokenStreamAdapter implements TokenStreamAdapter {

  @Override
  public boolean canAdaptTokenStreamTo(Type type) {
    return type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == Flow.Publisher.class;
  }

  @Override
  public Object adapt(TokenStream tokenStream) {
    return (Flow.Publisher<String>) subscriber -> {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      tokenStream.onPartialResponse(subscriber::onNext)
          .onCompleteResponse(response -> subscriber.onComplete())
          .onError(subscriber::onError)
          .start();
    };
  }
}
