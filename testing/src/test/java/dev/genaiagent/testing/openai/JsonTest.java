package dev.genaiagent.testing.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void roundTripsNestedValues() {
    String text = "{\"a\":[1,-2.5,1.0E-5,true,false,null],\"b\":{\"c\":\"x\\\"y\\\\z\\n\\u00e9\\ud83d\\ude00\"},"
        + "\"big\":12345678901234}";
    Object parsed = Json.parse(text);

    assertThat(parsed).isEqualTo(Map.of(
        "a", java.util.Arrays.asList(1L, -2.5, 1.0E-5, true, false, null),
        "b", Map.of("c", "x\"y\\z\né\uD83D\uDE00"),
        "big", 12345678901234L));
    assertThat(Json.parse(Json.write(parsed))).isEqualTo(parsed);
  }

  @Test
  void writesControlCharactersEscapedAndFloatsExactly() {
    assertThat(Json.write(Json.obj("s", "a\u0001\tb", "f", new float[] {0.1f, -1f})))
        .isEqualTo("{\"s\":\"a\\u0001\\tb\",\"f\":[0.1,-1.0]}");
    assertThat(Float.parseFloat(Json.write(List.of(0.1f)).replaceAll("[\\[\\]]", ""))).isEqualTo(0.1f);
  }

  @Test
  void rejectsMalformedInput() {
    assertThatThrownBy(() -> Json.parse("{\"a\":}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("[1,2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("{} x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
