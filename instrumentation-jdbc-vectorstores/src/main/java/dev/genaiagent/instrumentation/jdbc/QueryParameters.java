package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.instrumentation.jdbc.sql.VectorSql;
import java.lang.reflect.Array;
import javax.annotation.Nullable;

/** Bound values as telemetry may show them: a vector only as {@code [vector 1536]}. */
final class QueryParameters {

  @Nullable
  static Long asLong(@Nullable Object value) {
    if (value instanceof Number) {
      return ((Number) value).longValue();
    }
    if (value instanceof String) {
      try {
        return Long.parseLong(((String) value).trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static String describe(VectorSql vectorSql, int index, @Nullable Object value) {
    if (isVectorParameter(vectorSql, index) || looksLikeVector(value)) {
      int dimensions = dimensions(value);
      return dimensions < 0 ? "[vector]" : "[vector " + dimensions + "]";
    }
    return String.valueOf(value);
  }

  private static boolean isVectorParameter(VectorSql vectorSql, int index) {
    for (int p : vectorSql.vectorParameters()) {
      if (p == index) {
        return true;
      }
    }
    return false;
  }

  /** float[]/double[] arrays, and driver vector objects (pgvector's PGvector, PGobject of type vector). */
  private static boolean looksLikeVector(@Nullable Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof String) {
      return isNumberList((String) value);
    }
    Class<?> type = value.getClass();
    if (type == float[].class || type == double[].class) {
      return true;
    }
    String name = type.getName();
    return name.startsWith("com.pgvector.") || name.equals("org.postgresql.util.PGobject") && isVectorType(value);
  }

  /** {@code [0.1, -2e-3, …]}: a vector written as text, whatever the SQL around it says. */
  private static boolean isNumberList(String s) {
    int n = s.length();
    if (n < 2 || s.charAt(0) != '[' || s.charAt(n - 1) != ']') {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c == ',' || c == '.' || c == ' ' || c == '-' || c == '+' || c == 'e'
          || c == 'E')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVectorType(Object pgObject) {
    String text = String.valueOf(pgObject);
    return text.startsWith("[") || text.contains("}/");
  }

  /** Dimensions of an array or of a textual vector ({@code [1,2,3]}, sparse {@code {1:1,3:2}/5}); -1 when unknown. */
  static int dimensions(@Nullable Object value) {
    if (value == null) {
      return -1;
    }
    if (value.getClass().isArray()) {
      return Array.getLength(value);
    }
    String text = String.valueOf(value).trim();
    int sparse = text.lastIndexOf("}/");
    if (sparse >= 0) {
      try {
        return Integer.parseInt(text.substring(sparse + 2).trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    if (text.startsWith("[") && text.endsWith("]")) {
      if (text.length() == 2) {
        return 0;
      }
      int commas = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == ',') {
          commas++;
        }
      }
      return commas + 1;
    }
    return -1;
  }

  private QueryParameters() {}
}
