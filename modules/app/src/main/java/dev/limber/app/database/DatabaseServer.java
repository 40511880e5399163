package dev.limber.app.database;

/**
 * The PostgreSQL Limber talks to, embedded or external, with the two roles it uses.
 */
public record DatabaseServer(String host, int port, String database, Login owner, Login app, boolean embedded) {

	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
	}

	public record Login(String username, String password) {

		@Override
		public String toString() {
			return "Login[" + this.username + "]";
		}

	}

}
