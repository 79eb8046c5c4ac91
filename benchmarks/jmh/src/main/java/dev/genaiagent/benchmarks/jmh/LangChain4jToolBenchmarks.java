package dev.genaiagent.benchmarks.jmh;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code @Tool} method executed through LangChain4j's own {@code DefaultToolExecutor.execute(
 * ToolExecutionRequest, memoryId)}, as an AI service runs the tool calls a model asked for: the JSON
 * arguments parsed and coerced to the method's parameter types, the method invoked reflectively, its
 * result turned into text. The tool itself does almost nothing (a string from its arguments), so the
 * figure is LangChain4j's and the agent's work around it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class LangChain4jToolBenchmarks {
  /** The application's tools. */
  public static final class WeatherTools {
    @Tool("Returns the weather forecast for a city for the next days")
    public String forecast(@P(name = "city", value = "the city") String city,
        @P(name = "days", value = "how many days, 1 to 7") int days) {
      return "Forecast for " + city + ", " + days + " days: mild afternoons, cool evenings, light rain on Thursday.";
    }
  }

  private DefaultToolExecutor executor;
  private ToolExecutionRequest request;

  @Setup(Level.Trial)
  public void setUp() throws NoSuchMethodException {
    WeatherTools tools = new WeatherTools();
    Method method = WeatherTools.class.getMethod("forecast", String.class, int.class);
    executor = new DefaultToolExecutor(tools, method);
    request = ToolExecutionRequest.builder()
        .id("call_Wq3bX1oK9Zt7fP2sLm4nY8dC")
        .name("forecast")
        .arguments("{\"city\": \"Paris\", \"days\": 3}")
        .build();
    String result = execute();
    if (!result.startsWith("Forecast for Paris, 3 days")) {
      throw new IllegalStateException("unexpected tool result: " + result);
    }
  }

  @Benchmark
  public String execute() {
    return executor.execute(request, "default");
  }
}
