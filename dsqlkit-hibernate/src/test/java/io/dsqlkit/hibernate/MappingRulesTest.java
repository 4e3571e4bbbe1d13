package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.internal.mapping.MappingRules;
import io.dsqlkit.hibernate.internal.mapping.MappingRules.Kind;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MappingRulesTest {

    @Test
    void supportedTypesPass() {
        for (int code : new int[] {SqlTypes.BIGINT, SqlTypes.VARCHAR, SqlTypes.JSON, SqlTypes.UUID, SqlTypes.NUMERIC,
                SqlTypes.TIMESTAMP_WITH_TIMEZONE, SqlTypes.BLOB, SqlTypes.CLOB, SqlTypes.INTERVAL_SECOND, SqlTypes.JSON_ARRAY}) {
            assertThat(MappingRules.judge(null, code, false, null).kind()).as("type %s", code).isEqualTo(Kind.SUPPORTED);
        }
    }

    @Test
    void smallIdentitiesAreWidenedAndBigintIdentitiesKept() {
        assertThat(MappingRules.judge(null, SqlTypes.INTEGER, true, null).kind()).isEqualTo(Kind.WIDEN_IDENTITY);
        assertThat(MappingRules.judge(null, SqlTypes.SMALLINT, true, null).kind()).isEqualTo(Kind.WIDEN_IDENTITY);
        assertThat(MappingRules.judge(null, SqlTypes.BIGINT, true, null).kind()).isEqualTo(Kind.SUPPORTED);
        assertThat(MappingRules.judge(null, SqlTypes.INTEGER, false, null).kind()).isEqualTo(Kind.SUPPORTED);
    }

    @Test
    void typesDsqlRefusesAreRefusedWithAFix() {
        assertRefused(MappingRules.judge(null, SqlTypes.ARRAY, false, null), "arrays are not column types");
        assertRefused(MappingRules.judge(null, SqlTypes.SQLXML, false, null), "xml");
        assertRefused(MappingRules.judge(null, SqlTypes.INET, false, null), "inet");
        assertRefused(MappingRules.judge(null, SqlTypes.GEOMETRY, false, null), "geometry");
        assertRefused(MappingRules.judge(null, SqlTypes.STRUCT, false, null), "@Struct");
        assertRefused(MappingRules.judge(null, SqlTypes.NAMED_ENUM, false, null), "CREATE TYPE");
        assertRefused(MappingRules.judge(null, SqlTypes.CHAR, false, 5_000L), "char(5000)");
        assertThat(MappingRules.judge(null, SqlTypes.CHAR, false, 4_096L).kind()).isEqualTo(Kind.SUPPORTED);
    }

    @Test
    void columnDefinitionsAreJudgedByTheirTypeName() {
        assertRefused(MappingRules.judge("numeric", SqlTypes.NUMERIC, false, null), "numeric(18,6)");
        assertRefused(MappingRules.judge("DECIMAL", SqlTypes.NUMERIC, false, null), "numeric(18,6)");
        assertThat(MappingRules.judge("numeric(19,4)", SqlTypes.NUMERIC, false, null).kind()).isEqualTo(Kind.SUPPORTED);
        assertRefused(MappingRules.judge("bigserial", SqlTypes.BIGINT, false, null), "serial");
        assertRefused(MappingRules.judge("oid", SqlTypes.BLOB, false, null), "large objects");
        assertRefused(MappingRules.judge("text[]", SqlTypes.VARCHAR, false, null), "array");
        assertRefused(MappingRules.judge("integer[3]", SqlTypes.VARCHAR, false, null), "array");
        assertRefused(MappingRules.judge("xml not null", SqlTypes.VARCHAR, false, null), "xml");
        assertThat(MappingRules.judge("text not null", SqlTypes.VARCHAR, false, null).kind()).isEqualTo(Kind.SUPPORTED);
        assertThat(MappingRules.judge("uuid default gen_random_uuid()", SqlTypes.UUID, false, null).kind())
                .isEqualTo(Kind.SUPPORTED);
    }

    private static void assertRefused(MappingRules.Verdict verdict, String problemPart) {
        assertThat(verdict.kind()).isEqualTo(Kind.REFUSED);
        assertThat(verdict.problem()).contains(problemPart);
        assertThat(verdict.fix()).isNotBlank();
    }
}
