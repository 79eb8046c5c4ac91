package dev.genaiagent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.jdbc.sql.SqlDialect;
import dev.genaiagent.instrumentation.jdbc.sql.VectorSql;
import dev.genaiagent.instrumentation.jdbc.sql.VectorSqlClassifier;
import org.junit.jupiter.api.Test;

class QueryParametersTest {
  private static final VectorSql SEARCH = VectorSqlClassifier.classify(
      "SELECT id FROM docs WHERE tenant = ? ORDER BY embedding <=> ? LIMIT ?", SqlDialect.POSTGRESQL);

  @Test
  void vectorsAreSummarizedNeverRecorded() {
    assertThat(QueryParameters.describe(SEARCH, 2, "[0.1,0.2,0.3]")).isEqualTo("[vector 3]");
    assertThat(QueryParameters.describe(SEARCH, 2, new float[1536])).isEqualTo("[vector 1536]");
    assertThat(QueryParameters.describe(SEARCH, 2, "{1:0.5,7:1}/10")).isEqualTo("[vector 10]");
    assertThat(QueryParameters.describe(SEARCH, 2, null)).isEqualTo("[vector]");
    // A vector bound where the SQL does not say so is still recognized by its shape.
    assertThat(QueryParameters.describe(SEARCH, 1, "[1, -2e-3, 3.5]")).isEqualTo("[vector 3]");
    assertThat(QueryParameters.describe(SEARCH, 1, new double[] {1, 2})).isEqualTo("[vector 2]");
    assertThat(QueryParameters.describe(SEARCH, 1, "acme")).isEqualTo("acme");
    assertThat(QueryParameters.describe(SEARCH, 3, 5)).isEqualTo("5");
  }

  @Test
  void topKFromNumbersAndNumericStrings() {
    assertThat(QueryParameters.asLong(5)).isEqualTo(5L);
    assertThat(QueryParameters.asLong(7L)).isEqualTo(7L);
    assertThat(QueryParameters.asLong(" 9 ")).isEqualTo(9L);
    assertThat(QueryParameters.asLong("nine")).isNull();
    assertThat(QueryParameters.asLong(null)).isNull();
  }

  @Test
  void preparedStatementKeepsTheBoundTopKAndForgetsItOnClear() {
    PreparedVectorSql prepared = new PreparedVectorSql("sql", SEARCH, JdbcConnectionInfo.UNKNOWN);
    assertThat(SEARCH.topKParameter()).isEqualTo(3);
    prepared.bind(3, 4, false);
    prepared.bind(2, "[1,2,3]", false);
    assertThat(prepared.topK()).isEqualTo(4L);
    assertThat(prepared.parameters()).isNull();
    prepared.bind(1, "acme", true);
    prepared.bind(2, "[1,2,3]", true);
    assertThat(prepared.parameters()).containsEntry("0", "acme").containsEntry("1", "[vector 3]");
    prepared.clear();
    assertThat(prepared.topK()).isNull();
    assertThat(prepared.parameters()).isNull();
  }
}
