package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.update.AccountV1;
import io.dsqlkit.hibernate.update.AccountV2;
import io.dsqlkit.hibernate.update.AuditEntry;
import io.dsqlkit.hibernate.update.ChildV1;
import io.dsqlkit.hibernate.update.ChildV2;
import io.dsqlkit.hibernate.update.Parent;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema update from one release to the next on DSQL Local: a new table with its foreign key and
 * unique key, bare ADD COLUMN followed by what DSQL accepts for defaults, checks and unique keys,
 * a new async index; then validate passes and a second update has nothing to do.
 */
@DsqlLocalTest
class SchemaUpdateIT {

    static Map<String, Object> settings(DsqlCluster cluster, String action, Path script) {
        Map<String, Object> settings = Hibernates.connection(cluster);
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, action);
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true");
        if (script != null) {
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, action);
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script.toString());
        }
        return settings;
    }

    @Test
    void updatesTheSchemaOfTheNextRelease(DsqlCluster cluster, @TempDir Path dir) throws Exception {
        try (SessionFactoryImplementor v1 = Hibernates.build(settings(cluster, "create", null), AccountV1.class)) {
            v1.inTransaction(session -> {
                AccountV1 account = new AccountV1();
                account.name = "existing";
                session.persist(account);
            });
        }

        Path script = dir.resolve("update.sql");
        try (SessionFactoryImplementor v2 = Hibernates.build(settings(cluster, "update", script),
                AccountV2.class, AuditEntry.class)) {
            List<String> ddl = Files.readAllLines(script);
            assertThat(ddl).containsExactly(
                    "alter table account add column active boolean;",
                    "alter table account add column email varchar(100);",
                    "create unique index async if not exists account_email_key on account (email);",
                    "alter table account add column nickname varchar(30);",
                    "alter table account alter column nickname set default 'none';",
                    "alter table account add column score integer;",
                    "alter table account add constraint account_score_check check (score >= 0) not valid;",
                    "alter table async account validate constraint account_score_check;",
                    "create table audit_entry (id uuid not null, at timestamp(6) with time zone, account_id bigint, primary key (id), constraint audit_entry_account_at_key unique (account_id, at));",
                    "create index async account_nickname_idx on account (nickname);",
                    "create unique index async if not exists audit_entry_account_at_key on audit_entry (account_id, at);",
                    ddl.get(11),
                    ddl.get(12));
            assertThat(ddl.get(11)).startsWith("alter table if exists audit_entry add constraint FK")
                    .endsWith(" foreign key (account_id) references account not valid;");
            assertThat(ddl.get(12)).startsWith("alter table async audit_entry validate constraint FK");

            v2.inTransaction(session -> {
                AccountV2 account = new AccountV2();
                account.name = "new";
                account.email = "new@example.com";
                account.score = 3;
                session.persist(account);
                AuditEntry entry = new AuditEntry();
                entry.account = account;
                entry.at = Instant.parse("2026-11-24T00:00:00Z");
                session.persist(entry);
            });
        }

        assertThat(Sql.rows(cluster, "select nickname, active from account order by id"))
                .containsExactly("null|null", "null|f");
        assertThat(Sql.scalar(cluster, "select column_default from information_schema.columns"
                + " where table_name = 'account' and column_name = 'nickname'")).startsWith("'none'");
        assertThat(Sql.rows(cluster, "select conname, convalidated from pg_constraint where conrelid = 'account'::regclass and contype = 'c'"))
                .containsExactly("account_score_check|t");
        assertThat(Sql.rows(cluster, "select distinct i.indisvalid from pg_index i where i.indrelid in ('account'::regclass, 'audit_entry'::regclass)"))
                .containsExactly("t");
        assertThat(Sql.rows(cluster, "select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " where i.indrelid = 'account'::regclass and i.indisunique and not i.indisprimary"))
                .containsExactly("account_email_key");
        assertThat(Sql.scalar(cluster, "select count(*) from pg_constraint where contype = 'f' and conrelid = 'audit_entry'::regclass and convalidated"))
                .isEqualTo("1");

        try (SessionFactoryImplementor validated = Hibernates.build(settings(cluster, "validate", null),
                AccountV2.class, AuditEntry.class)) {
            assertThat(validated.isOpen()).isTrue();
        }

        Path second = dir.resolve("second-update.sql");
        try (SessionFactoryImplementor again = Hibernates.build(settings(cluster, "update", second),
                AccountV2.class, AuditEntry.class)) {
            assertThat(Files.readAllLines(second)).filteredOn(line -> !line.isBlank()).isEmpty();
        }
    }

    /**
     * A foreign key added over orphaned rows: DSQL adds it NOT VALID and its validation job fails;
     * the failure stops the update with the job's details instead of leaving the key unvalidated.
     */
    @Test
    void aFailedValidationJobFailsTheUpdate(DsqlCluster cluster) {
        try (SessionFactoryImplementor v1 = Hibernates.build(settings(cluster, "create", null), Parent.class, ChildV1.class)) {
            v1.inTransaction(session -> {
                ChildV1 orphan = new ChildV1();
                orphan.id = 1L;
                orphan.parentId = 42L;
                session.persist(orphan);
            });
        }
        assertThatThrownBy(() -> Hibernates.build(settings(cluster, "update", null), Parent.class, ChildV2.class))
                .hasMessageContaining("alter table async child validate constraint")
                .hasMessageContaining("DSQL async job")
                .hasMessageContaining("ended failed");
        assertThat(Sql.scalar(cluster, "select convalidated from pg_constraint where contype = 'f'"
                + " and conrelid = 'child'::regclass")).isEqualTo("f");
    }
}
