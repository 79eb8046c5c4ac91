package dev.genaiagent.benchmarks.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, beside JMH's wall-clock time per operation: on a shared machine a busy
 * neighbour stretches wall time (the benchmark thread waits for a core) but hardly the CPU time it uses.
 *
 * <ul>
 *   <li>{@code cpu.thread}: CPU time of the benchmark thread(s) ({@code jmh-worker-*}) per operation:
 *       the work done on the application's thread.
 *   <li>{@code cpu.process}: CPU time of the whole forked JVM per operation: the benchmark thread plus
 *       garbage collection, the agent's background threads (batch span processor, metric reader) and any
 *       JIT compilation still going on. The most complete figure of what a call costs the process.
 * </ul>
 *
 * Measured from just before to just after each iteration, divided by the operations JMH counted in it.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<Long, Long> workersBefore = new HashMap<>();
  private long processBefore;

  public CpuTimeProfiler() {
    if (!threads.isThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM does not measure thread CPU time");
    }
    threads.setThreadCpuTimeEnabled(true);
  }

  @Override
  public String getDescription() {
    return "CPU time per operation of the benchmark thread and of the whole JVM";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    workersBefore = workerCpu();
    processBefore = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result<?>> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long process = os.getProcessCpuTime() - processBefore;
    long worker = 0;
    for (Map.Entry<Long, Long> e : workerCpu().entrySet()) {
      worker += e.getValue() - workersBefore.getOrDefault(e.getKey(), 0L);
    }
    long ops = result.getMetadata().getMeasuredOps();
    if (ops <= 0) {
      ops = result.getMetadata().getAllOps();
    }
    List<Result<?>> out = new ArrayList<>();
    if (ops > 0) {
      out.add(new ScalarResult("cpu.thread", worker / 1e3 / ops, "us/op", AggregationPolicy.AVG));
      out.add(new ScalarResult("cpu.process", process / 1e3 / ops, "us/op", AggregationPolicy.AVG));
    }
    return out;
  }

  private Map<Long, Long> workerCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && infos[i].getThreadName().contains("jmh-worker")) {
        long t = threads.getThreadCpuTime(ids[i]);
        if (t >= 0) {
          cpu.put(ids[i], t);
        }
      }
    }
    return cpu;
  }
}
