package io.leeward.graph.embedded;

import io.leeward.graph.store.StoreException;
import io.leeward.graph.store.StoreLockedException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j community edition inside this JVM, data under a home directory, Bolt on 127.0.0.1 only,
 * authentication on with a password generated per start (or the one configured). Leeward talks to
 * it through the driver like to any other Neo4j, so there is one code path for embedded and remote.
 *
 * <p>A lock file in the home directory gives a clear error when a second process opens the same
 * data, before Neo4j's own store lock would fail with a less helpful message.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    private static final String USER = "neo4j";

    private final Path home;
    private final DatabaseManagementService service;
    private final URI boltUri;
    private final String password;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedNeo4j(
            Path home,
            DatabaseManagementService service,
            URI boltUri,
            String password,
            FileChannel lockChannel,
            FileLock lock) {
        this.home = home;
        this.service = service;
        this.boltUri = boltUri;
        this.password = password;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts Neo4j with data under {@code home}/neo4j. Port 0 picks a free port.
     *
     * @param password the password of user {@code neo4j}; null generates one for this run
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, String password) {
        Path absolute = home.toAbsolutePath().normalize();
        createDirectories(absolute);
        Path lockFile = absolute.resolve("leeward.lock");
        FileChannel channel = openLockFile(lockFile);
        FileLock lock = acquire(channel, lockFile, absolute);
        try {
            long started = System.nanoTime();
            DatabaseManagementService service = new DatabaseManagementServiceBuilder(absolute.resolve("neo4j"))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(30))
                    .build();
            String secret = password == null || password.isBlank() ? generatePassword() : password;
            setPassword(service, secret);
            int port = boundPort(service);
            URI uri = URI.create("bolt://127.0.0.1:" + port);
            LOG.info(
                    "Embedded Neo4j started in {} ms, data in {}, Bolt on {}",
                    (System.nanoTime() - started) / 1_000_000,
                    absolute,
                    uri);
            return new EmbeddedNeo4j(absolute, service, uri, secret, channel, lock);
        } catch (RuntimeException e) {
            release(channel, lock);
            throw new StoreException("Could not start embedded Neo4j in " + absolute + ": " + rootMessage(e), e);
        }
    }

    public URI boltUri() {
        return boltUri;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        try {
            service.shutdown();
            LOG.info("Embedded Neo4j in {} shut down", home);
        } finally {
            release(lockChannel, lock);
        }
    }

    private static void setPassword(DatabaseManagementService service, String secret) {
        service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                .executeTransactionally(
                        "ALTER USER neo4j IF EXISTS SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", secret));
    }

    private static int boundPort(DatabaseManagementService service) {
        var api = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        var register = api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        var address = register.getLocalAddress(ConnectorType.BOLT);
        if (address == null) {
            throw new StoreException("Embedded Neo4j did not bind its Bolt connector", null);
        }
        return address.getPort();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void createDirectories(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new StoreException("Cannot create LEEWARD_HOME " + home + ": " + e.getMessage(), e);
        }
    }

    private static FileChannel openLockFile(Path lockFile) {
        try {
            return FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("Cannot open lock file " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static FileLock acquire(FileChannel channel, Path lockFile, Path home) {
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readHolder(channel);
                closeQuietly(channel);
                throw new StoreLockedException(
                        "The Leeward data directory " + home + " is in use by another process" + holder
                                + ". Stop that process, or point LEEWARD_HOME (leeward.home) at another directory.",
                        null);
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
                    0);
            channel.force(true);
            return lock;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StoreLockedException(
                    "The Leeward data directory " + home
                            + " is already open in this process; close the other store first.",
                    e);
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            int read = channel.read(buffer, 0);
            if (read <= 0) {
                return "";
            }
            return " (" + new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip() + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            LOG.warn("Could not release the data directory lock: {}", e.getMessage());
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Could not close the lock file: {}", e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
