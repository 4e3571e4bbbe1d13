package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.model.Profile;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows of optional secondary tables are written without MERGE (DSQL-FACTS §13). */
@DsqlLocalTest
class OptionalSecondaryTableIT {

    @Test
    void writesOptionalRowsByUpdateThenInsert(DsqlCluster cluster) {
        Hibernates.SqlLog sql = new Hibernates.SqlLog();
        Map<String, Object> settings = sql.install(Hibernates.connection(cluster));
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create-drop");
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true");
        try (SessionFactoryImplementor factory = Hibernates.build(settings, Profile.class)) {
            Profile profile = new Profile();
            profile.handle = "ada";
            factory.inTransaction(session -> session.persist(profile));
            assertThat(Sql.scalar(cluster, "select count(*) from profile_detail")).isEqualTo("0");

            factory.inTransaction(session -> session.find(Profile.class, profile.id).bio = "first programmer");
            factory.inTransaction(session -> session.find(Profile.class, profile.id).bio = "analytical engine");
            factory.inTransaction(session -> session.find(Profile.class, profile.id).bio = null);
            factory.inTransaction(session -> session.find(Profile.class, profile.id).bio = "back again");

            assertThat(Sql.scalar(cluster, "select bio from profile_detail")).isEqualTo("back again");
            assertThat(sql.statements()).noneSatisfy(statement -> assertThat(statement).containsIgnoringCase("merge"));
        }
    }

    /** The contrast: PostgreSQL's dialect, on the plain PostgreSQL behind DSQL Local, uses MERGE here. */
    @Test
    void postgresqlsDialectWouldUseMerge(DsqlCluster cluster) {
        Hibernates.SqlLog sql = new Hibernates.SqlLog();
        Map<String, Object> settings = sql.install(new java.util.HashMap<>());
        settings.put(AvailableSettings.JAKARTA_JDBC_URL, cluster.backingJdbcUrl());
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create-drop");
        try (SessionFactoryImplementor factory = Hibernates.build(settings, Profile.class)) {
            assertThat(factory.getJdbcServices().getDialect()).isExactlyInstanceOf(org.hibernate.dialect.PostgreSQLDialect.class);
            Profile profile = new Profile();
            profile.handle = "grace";
            factory.inTransaction(session -> session.persist(profile));
            factory.inTransaction(session -> session.find(Profile.class, profile.id).bio = "compiler");
            assertThat(sql.statements()).anySatisfy(statement -> assertThat(statement).startsWith("merge into profile_detail"));
        }
    }
}
