package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.model.Model;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DsqlLocalTest
class SchemaGenerationIT {

    @Test
    void createsTheSchema(DsqlCluster cluster, @TempDir Path dir) throws Exception {
        Path script = dir.resolve("create.sql");
        Map<String, Object> settings = Hibernates.connection(cluster);
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create");
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script.toString());
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true");
        try (SessionFactoryImplementor factory = Hibernates.build(settings, Model.ENTITIES)) {
            System.out.println(Files.readString(script));
            assertThat(factory.getJdbcServices().getDialect()).isInstanceOf(AuroraDsqlDialect.class);
        }
    }
}
