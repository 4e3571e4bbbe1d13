package io.dsqlkit.jdbc.internal.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed {@code jdbc:dsql://<endpoint>[:port][/postgres][?name=value&...]} URL. The endpoint is a
 * host name, an IPv6 literal in brackets, or a bare cluster id; DSQL has exactly one database,
 * {@code postgres} (DSQL-FACTS §2), so no other path is accepted.
 */
public record DsqlUrl(String endpoint, Integer port, Map<String, String> parameters) {
    public static final String PREFIX = "jdbc:dsql:";
    private static final String AUTHORITY_PREFIX = PREFIX + "//";
    /** The only database a DSQL cluster has. */
    public static final String DATABASE = "postgres";

    public DsqlUrl {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** @throws IllegalArgumentException with the reason and the expected form */
    public static DsqlUrl parse(String url) {
        if (url == null || !url.startsWith(AUTHORITY_PREFIX)) {
            throw invalid(url, "it must start with " + AUTHORITY_PREFIX);
        }
        String rest = url.substring(AUTHORITY_PREFIX.length());
        String query = null;
        int queryStart = rest.indexOf('?');
        if (queryStart >= 0) {
            query = rest.substring(queryStart + 1);
            rest = rest.substring(0, queryStart);
        }
        String path = "";
        int pathStart = rest.indexOf('/');
        if (pathStart >= 0) {
            path = rest.substring(pathStart + 1);
            rest = rest.substring(0, pathStart);
        }
        if (!path.isEmpty() && !path.equals(DATABASE)) {
            throw invalid(url, "DSQL has one database, postgres; the path must be empty or /postgres, was /" + path);
        }
        String host;
        Integer port = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw invalid(url, "the IPv6 address has no closing ]");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(url, "unexpected '" + after + "' after the IPv6 address");
                }
                port = parsePort(url, after.substring(1));
            }
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon >= 0) {
                host = rest.substring(0, colon);
                port = parsePort(url, rest.substring(colon + 1));
            } else {
                host = rest;
            }
        }
        if (host.isEmpty()) {
            throw invalid(url, "the endpoint is missing");
        }
        return new DsqlUrl(host, port, parseQuery(url, query));
    }

    private static Integer parsePort(String url, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65_535) {
                throw invalid(url, "port must be between 1 and 65535, was " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            throw invalid(url, "port must be a number, was '" + text + "'");
        }
    }

    private static Map<String, String> parseQuery(String url, String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (parameters.put(name, value) != null) {
                throw invalid(url, "parameter '" + name + "' is given twice");
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String url, String reason) {
        return new IllegalArgumentException("invalid DSQL URL '" + url + "': " + reason
                + " (expected jdbc:dsql://<endpoint>[:port][/postgres][?user=...&region=...])");
    }
}
