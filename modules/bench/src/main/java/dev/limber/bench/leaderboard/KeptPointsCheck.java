package dev.limber.bench.leaderboard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Whether a challenge's points kept per member and day (what the leaderboard reads) equal
 * a recomputation from every entry, member by member and team by team: the same two
 * database functions the app's tests compare, run as the database superuser.
 */
public final class KeptPointsCheck {

	private static final String DIFFERENCES = """
			select count(*) from (
			    (select * from challenges.points_kept(?) where points <> 0
			     except select * from challenges.points_from_entries(?) where points <> 0)
			    union all
			    (select * from challenges.points_from_entries(?) where points <> 0
			     except select * from challenges.points_kept(?) where points <> 0)) differences""";

	private final String jdbcUrl;

	public KeptPointsCheck(String jdbcUrl) {
		this.jdbcUrl = jdbcUrl;
	}

	public boolean matches(UUID challenge) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, "postgres", "");
				PreparedStatement query = connection.prepareStatement(DIFFERENCES)) {
			for (int parameter = 1; parameter <= 4; parameter++) {
				query.setObject(parameter, challenge);
			}
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() && rows.getLong(1) == 0;
			}
		}
	}

}
