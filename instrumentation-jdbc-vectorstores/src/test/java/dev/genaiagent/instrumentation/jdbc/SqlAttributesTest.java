package dev.genaiagent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlAttributesTest {

  @Test
  void bracketedNumberListsAreRemovedFromSanitizedText() {
    assertThat(SqlAttributes.withoutVectorLiterals(
        "SELECT id, array_cosine_distance(vec, [1, 2.5, -3e-2]::FLOAT[3]) AS d FROM docs LIMIT ?"))
        .isEqualTo("SELECT id, array_cosine_distance(vec, ?::FLOAT[3]) AS d FROM docs LIMIT ?");
    assertThat(SqlAttributes.withoutVectorLiterals("SELECT ARRAY[?, ?, ?]::vector, ARRAY[1,2] FROM t"))
        .isEqualTo("SELECT ARRAY[?, ?, ?]::vector, ARRAY? FROM t");
    assertThat(SqlAttributes.withoutVectorLiterals("SELECT a[1], b[x,y], \"c[1,2\" FROM t"))
        .isEqualTo("SELECT a[1], b[x,y], \"c[1,2\" FROM t");
    assertThat(SqlAttributes.withoutVectorLiterals("SELECT 1")).isEqualTo("SELECT 1");
    assertThat(SqlAttributes.withoutVectorLiterals(null)).isNull();
  }
}
