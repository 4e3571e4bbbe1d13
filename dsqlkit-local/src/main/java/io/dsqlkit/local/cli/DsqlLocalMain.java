package io.dsqlkit.local.cli;

import io.dsqlkit.local.AuthTokens;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.local.DsqlLocalException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/dsql-local}: runs DSQL Local until SIGINT/SIGTERM, or prints an auth token for it.
 *
 * <pre>
 * dsql-local [--port N] [--bind ADDR] [--data-dir DIR] [--no-tls] [--iam-key AKID:SECRET]...
 *            [--region R] [--max-connections N] [--max-connection-age SECONDS] [--max-transaction-age SECONDS]
 * dsql-local token [--user NAME] [--host HOST] [--region R] [--iam-key AKID:SECRET] [--expires-in SECONDS]
 * </pre>
 */
public final class DsqlLocalMain {
    static final int DEFAULT_PORT = 5432;
    private static final String USAGE = String.join("\n",
            "usage: dsql-local [options]            run DSQL Local until interrupted",
            "       dsql-local token [options]      print an IAM auth token to use as the password",
            "",
            "server options:",
            "  --port N                    port of the default cluster (default 5432; 0 = any free port)",
            "  --bind ADDR                 address to listen on (default 127.0.0.1)",
            "  --data-dir DIR              keep data across restarts (default: a temporary directory removed on exit)",
            "  --no-tls                    accept unencrypted connections instead of requiring TLS",
            "  --iam-key AKID:SECRET       trust this key pair and verify token signatures (repeatable)",
            "  --region R                  region in endpoint names (default us-east-1)",
            "  --max-connections N         open connections before 53300 (default " + DsqlLocal.DEFAULT_MAX_CONNECTIONS + ")",
            "  --max-connection-age S      seconds before a connection is closed (default 3600, as DSQL)",
            "  --max-transaction-age S     seconds a transaction may last (default 300, as DSQL)",
            "",
            "token options:",
            "  --user NAME                 role to connect as (default admin: a DbConnectAdmin token)",
            "  --host HOST                 host the token is for (default localhost)",
            "  --region R                  signing region (default us-east-1)",
            "  --iam-key AKID:SECRET       key to sign with (default: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,",
            "                              else a fixed local key, fine when the server verifies no signatures)",
            "  --expires-in S              token lifetime in seconds (default 900)");

    private DsqlLocalMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Quiet the embedded PostgreSQL's chatter unless the user asked otherwise (slf4j-simple).
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.io.dsqlkit",
                System.getProperty("org.slf4j.simpleLogger.log.io.dsqlkit", "info"));
        try {
            if (args.length > 0 && args[0].equals("token")) {
                System.out.println(token(List.of(args).subList(1, args.length)));
                return;
            }
            run(List.of(args), System.out);
        } catch (UsageException e) {
            System.err.println("dsql-local: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (DsqlLocalException e) {
            System.err.println("dsql-local: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(List<String> args, PrintStream out) throws InterruptedException {
        DsqlLocal.Builder builder = DsqlLocal.builder().port(DEFAULT_PORT);
        String bind = "127.0.0.1";
        Options options = new Options(args);
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--port" -> builder.port(options.intValue(option));
                case "--bind" -> {
                    bind = options.value(option);
                    builder.bindAddress(bind);
                }
                case "--data-dir" -> builder.dataDirectory(Path.of(options.value(option)).toAbsolutePath());
                case "--no-tls" -> builder.tls(false);
                case "--iam-key" -> {
                    String[] key = keyPair(options.value(option));
                    builder.trustedKey(key[0], key[1]);
                }
                case "--region" -> builder.region(Region.of(options.value(option)));
                case "--max-connections" -> builder.maxConnections(options.intValue(option));
                case "--max-connection-age" -> builder.maxConnectionAge(Duration.ofSeconds(options.intValue(option)));
                case "--max-transaction-age" -> builder.maxTransactionAge(Duration.ofSeconds(options.intValue(option)));
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return;
                }
                default -> throw new UsageException("unknown option " + option);
            }
        }
        DsqlLocal dsql;
        try {
            dsql = builder.start();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dsql.close();
            stopped.countDown();
        }, "dsql-local-shutdown"));
        DsqlCluster cluster = dsql.defaultCluster();
        out.println("DSQL Local listening on " + bind + ":" + cluster.port());
        out.println("  endpoint  " + cluster.endpoint() + " (region " + cluster.region().id() + ")");
        if (dsql.tlsEnabled()) {
            out.println("  TLS       required; CA certificate " + dsql.caCertificateFile());
            out.println("  psql      PGPASSWORD=\"$(bin/dsql-local token)\" psql \"host=" + cluster.host() + " port="
                    + cluster.port() + " user=admin dbname=postgres sslmode=verify-full sslrootcert="
                    + dsql.caCertificateFile() + "\"");
        } else {
            out.println("  TLS       off (--no-tls)");
            out.println("  psql      PGPASSWORD=\"$(bin/dsql-local token)\" psql \"host=" + cluster.host() + " port="
                    + cluster.port() + " user=admin dbname=postgres sslmode=disable\"");
        }
        out.println("  JDBC      " + cluster.jdbcUrl());
        out.flush();
        stopped.await();
    }

    static String token(List<String> args) {
        String user = DsqlLocal.ADMIN_USER;
        String host = "localhost";
        Region region = Region.US_EAST_1;
        Duration expiresIn = DsqlCluster.DEFAULT_TOKEN_DURATION;
        AwsCredentialsProvider credentials = null;
        Options options = new Options(args);
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--user" -> user = options.value(option);
                case "--host" -> host = options.value(option);
                case "--region" -> region = Region.of(options.value(option));
                case "--expires-in" -> expiresIn = Duration.ofSeconds(options.intValue(option));
                case "--iam-key" -> {
                    String[] key = keyPair(options.value(option));
                    credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(key[0], key[1]));
                }
                default -> throw new UsageException("unknown token option " + option);
            }
        }
        if (credentials == null) {
            credentials = System.getenv("AWS_ACCESS_KEY_ID") != null
                    ? EnvironmentVariableCredentialsProvider.create()
                    : DsqlLocal.UNCHECKED_LOCAL_CREDENTIALS;
        }
        return AuthTokens.generate(credentials, region, host, user, expiresIn);
    }

    private static String[] keyPair(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException("--iam-key takes ACCESS_KEY_ID:SECRET_ACCESS_KEY");
        }
        return new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }

    /** A cursor over arguments that knows which options take a value. */
    private static final class Options {
        private final List<String> args;
        private int next;

        Options(List<String> args) {
            this.args = new ArrayList<>(args);
        }

        boolean hasNext() {
            return next < args.size();
        }

        String next() {
            return args.get(next++);
        }

        String value(String option) {
            if (!hasNext()) {
                throw new UsageException(option + " needs a value");
            }
            return next();
        }

        int intValue(String option) {
            String value = value(option);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a number, got " + value);
            }
        }
    }

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
