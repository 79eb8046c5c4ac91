package dev.genaiagent.instrumentation.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KeywordsTest {

  @Test
  void everyConstantIsTheCodeOfItsName() throws Exception {
    int checked = 0;
    for (Field f : Keywords.class.getDeclaredFields()) {
      if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && !f.getName().equals("NONE")
          && !f.getName().equals("MAX_LENGTH")) {
        String word = f.getName().toLowerCase(Locale.ROOT);
        int code = f.getInt(null);
        assertThat(Keywords.NAMES[code]).as(f.getName()).isEqualTo(word);
        assertThat(Keywords.code(" " + word.toUpperCase(Locale.ROOT) + " ", 1, word.length() + 1)).isEqualTo(code);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(Keywords.NAMES.length - 1);
    assertThat(Keywords.code("embedding", 0, 9)).isEqualTo(Keywords.NONE);
  }
}
