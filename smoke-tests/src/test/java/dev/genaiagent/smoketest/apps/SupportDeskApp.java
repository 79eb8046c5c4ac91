package dev.genaiagent.smoketest.apps;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A support desk as an application would write it, with no telemetry code: an HTTP endpoint that
 * answers a customer's message with one OpenAI chat call. A gateway in front of it propagates W3C
 * baggage (user and feature); this app plays the gateway with a raw socket, so nothing but the
 * header carries it. Args: baseUrl.
 */
public final class SupportDeskApp {

  public static void main(String[] args) throws Exception {
    OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(args[0]).apiKey("sk-smoke").build();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ask", exchange -> {
      String question = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder()
          .model("gpt-4o-mini")
          .addSystemMessage("You are the support desk of Example Corp. Be brief.")
          .addUserMessage(question)
          .build();
      String answer = client.chat().completions().create(chat).choices().get(0).message().content().orElse("");
      byte[] body = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      String question = "Hi, I am Jane Roe, jane.roe@example.com, card 4111 1111 1111 1111,"
          + " my key sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 leaked. Call me at +1 415 555 2671.";
      System.out.println("answer: " + ask(server.getAddress().getPort(), question));
    } finally {
      server.stop(0);
      client.close();
    }
  }

  private static String ask(int port, String question) throws Exception {
    byte[] body = question.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
          + "baggage: user.id=u-42,feature=refunds,tenant.id=acme\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      return text.substring(text.indexOf("\r\n\r\n") + 4);
    }
  }
}
