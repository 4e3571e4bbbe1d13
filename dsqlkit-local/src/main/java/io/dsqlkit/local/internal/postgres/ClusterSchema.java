package io.dsqlkit.local.internal.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What every cluster database holds before the first client connects: the objects DSQL provides
 * in a new cluster. Applied idempotently to the template and to the default cluster's database.
 */
final class ClusterSchema {
    private ClusterSchema() {
    }

    static void apply(Connection superuser) throws SQLException {
        try (Statement s = superuser.createStatement()) {
            // DSQL-FACTS §15: the sys schema holds DSQL's own views and procedures.
            s.execute("create schema if not exists sys authorization postgres");
            s.execute("grant usage on schema sys to public");
            // DSQL-FACTS §2: the mapping view for AWS IAM GRANT; local roles have no IAM mappings yet.
            s.execute("create or replace view sys.iam_pg_role_mappings as select"
                    + " null::oid as iam_oid, null::text as arn, null::oid as pg_role_oid, null::name as pg_role_name,"
                    + " null::oid as grantor_pg_role_oid, null::name as grantor_pg_role_name where false");
            s.execute("grant select on sys.iam_pg_role_mappings to public");
        }
    }
}
