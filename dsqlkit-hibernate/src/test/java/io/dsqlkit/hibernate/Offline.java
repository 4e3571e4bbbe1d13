package io.dsqlkit.hibernate;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Session factories without a database: the dialect named, no JDBC metadata, DDL to a script. */
final class Offline {
    private Offline() {
    }

    static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.DIALECT, AuroraDsqlDialect.class.getName());
        settings.put(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false");
        return settings;
    }

    static SessionFactoryImplementor build(Map<String, Object> settings, Class<?>... entities) {
        return Hibernates.build(settings, entities);
    }

    /** The create script Hibernate writes for {@code entities}, one statement per line. */
    static List<String> createScript(Map<String, Object> extra, Class<?>... entities) {
        try {
            Path script = Files.createTempFile("dsqlkit-ddl", ".sql");
            Map<String, Object> settings = settings();
            settings.putAll(extra);
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create");
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script.toString());
            try (SessionFactoryImplementor ignored = build(settings, entities)) {
                return Files.readAllLines(script);
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
