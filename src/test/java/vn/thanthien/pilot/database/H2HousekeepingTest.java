package vn.thanthien.pilot.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With every commit written at once ({@code WRITE_DELAY 0}) an open H2 file grows to many times
 * its live data: rows rewritten and removed, one commit each, as the engine's runtime tables are.
 * The compaction at a clean stop ({@link H2Housekeeping#compact}) brings the file back within ten
 * times its live data, and every committed row is there when the file is opened again.
 */
class H2HousekeepingTest {

  static final int COMMITS = 6000;

  @TempDir Path data;

  @Test
  void compactionAtStopBringsTheFileBackNearItsDataAndKeepsEveryCommit() throws Exception {
    String url = "jdbc:h2:file:" + data.resolve("pilot").toAbsolutePath() + ";WRITE_DELAY=0";
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    H2Housekeeping.Sizes grown;
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE RUNTIME(ID INT PRIMARY KEY, TEXT VARCHAR(2000))");
      statement.execute("CREATE TABLE HISTORY(ID INT PRIMARY KEY, TEXT VARCHAR(2000))");
      PreparedStatement runtime = connection.prepareStatement("MERGE INTO RUNTIME KEY(ID) VALUES(?, ?)");
      PreparedStatement history = connection.prepareStatement("INSERT INTO HISTORY VALUES(?, ?)");
      PreparedStatement end = connection.prepareStatement("DELETE FROM RUNTIME WHERE ID = ?");
      for (int i = 0; i < COMMITS; i++) {
        runtime.setInt(1, i % 500);
        runtime.setString(2, "Kế hoạch thực hiện ".repeat(25) + i);
        runtime.executeUpdate();
        history.setInt(1, i);
        history.setString(2, "Lịch sử ".repeat(25) + i);
        history.executeUpdate();
        if (i % 3 == 0) {
          end.setInt(1, (i * 7) % 500);
          end.executeUpdate();
        }
      }
      grown = H2Housekeeping.sizes(dataSource).orElseThrow();
      assertThat(H2Housekeeping.compact(dataSource)).isTrue();
    }
    long compacted = Files.size(data.resolve("pilot.mv.db"));
    System.out.printf("H2 file after %d commits: %.1f MB open, %.1f MB live; %.1f MB after the compaction at stop%n",
        COMMITS, grown.fileBytes() / 1048576.0, grown.liveBytes() / 1048576.0, compacted / 1048576.0);
    assertThat(grown.fileBytes()).as("the growth this guards against").isGreaterThan(10 * grown.liveBytes());
    assertThat(compacted).isLessThanOrEqualTo(10 * Math.max(grown.liveBytes(), 1));
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet history = statement.executeQuery("SELECT COUNT(*), MAX(ID) FROM HISTORY")) {
      history.next();
      assertThat(history.getLong(1)).isEqualTo(COMMITS);
      assertThat(history.getLong(2)).isEqualTo(COMMITS - 1);
    }
  }
}
