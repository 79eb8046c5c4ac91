package dev.genaiagent.testing;

/** Child-JVM main for {@link AgentProcessTest}: reports what it was started with. */
public final class EchoMain {

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("sleep")) {
      System.out.println("going to sleep");
      System.out.flush();
      Thread.sleep(60_000);
    }
    System.out.println("endpoint=" + System.getProperty("otel.exporter.otlp.endpoint"));
    System.out.println("traces=" + System.getProperty("otel.traces.exporter"));
    System.out.println("service=" + System.getProperty("otel.service.name"));
    System.out.println("custom=" + System.getProperty("custom"));
    System.out.println("optOut=" + System.getenv("OPT_OUT_TRACKING"));
    System.out.println("env=" + System.getenv("CHILD_ENV"));
    System.out.println("version=" + Runtime.version().feature());
    System.out.println("args=" + String.join(",", args));
    System.err.println("to stderr");
    System.exit(args.length > 0 && args[0].equals("fail") ? 3 : 0);
  }
}
