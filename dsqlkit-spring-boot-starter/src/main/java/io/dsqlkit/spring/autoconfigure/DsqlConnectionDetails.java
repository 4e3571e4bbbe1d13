package io.dsqlkit.spring.autoconfigure;

/**
 * Which DSQL the starter's DataSource talks to; a bean whenever the starter built the DataSource,
 * so other configuration (and applications, e.g. to show it) can tell they run on DSQL.
 *
 * @param target the endpoint ({@code <id>.dsql.<region>.on.aws} or cluster id) or the {@code jdbc:dsql:} URL;
 *               for DSQL Local its loopback {@code host:port}
 * @param local  whether it is an embedded DSQL Local started by the dev services or defined by the application
 */
public record DsqlConnectionDetails(String target, boolean local) {
    /** For people: "DSQL Local (embedded, 127.0.0.1:PORT)" or "Aurora DSQL <target>". */
    public String description() {
        return local ? "DSQL Local (embedded, " + target + ")" : "Aurora DSQL " + target;
    }
}
