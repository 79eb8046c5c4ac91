package dev.genaiagent.smoketest.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Plain JDBC against PostgreSQL with pgvector: creates a table with a vector column, inserts rows and
 * runs a nearest-neighbour query. Args: url user password table.
 */
public final class PgvectorJdbcApp {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String table = args[3];
    try (Connection connection = DriverManager.getConnection(url, args[1], args[2])) {
      try (Statement st = connection.createStatement()) {
        st.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, embedding vector(3))");
      }
      try {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + table + " (id, embedding) VALUES (?, ?::vector)")) {
          String[] vectors = {"[1,2,3]", "[4,5,6]", "[1,2,4]"};
          for (int i = 0; i < vectors.length; i++) {
            insert.setInt(1, i + 1);
            insert.setString(2, vectors[i]);
            insert.executeUpdate();
          }
        }
        try (Statement st = connection.createStatement();
            ResultSet rs = st.executeQuery("SELECT id, embedding <-> '[1,2,3]' AS distance FROM "
                + table + " ORDER BY distance LIMIT 2")) {
          while (rs.next()) {
            System.out.println("id=" + rs.getInt("id") + " distance=" + rs.getDouble("distance"));
          }
        }
      } finally {
        try (Statement st = connection.createStatement()) {
          st.execute("DROP TABLE " + table);
        }
      }
    }
  }
}
