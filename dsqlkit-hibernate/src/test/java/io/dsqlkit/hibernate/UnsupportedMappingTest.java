package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.unsupported.Host;
import io.dsqlkit.hibernate.unsupported.IncludeKeyColumn;
import io.dsqlkit.hibernate.unsupported.Invoice;
import io.dsqlkit.hibernate.unsupported.MisnamedIndex;
import io.dsqlkit.hibernate.unsupported.Mood;
import io.dsqlkit.hibernate.unsupported.Place;
import io.dsqlkit.hibernate.unsupported.Sample;
import io.dsqlkit.hibernate.unsupported.XmlDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mappings DSQL cannot store fail at bootstrap, naming entity, field and fix, before any SQL runs. */
class UnsupportedMappingTest {

    @Test
    void xml() {
        assertRefused(XmlDocument.class, "Aurora DSQL cannot store io.dsqlkit.hibernate.unsupported.XmlDocument.body:"
                + " DSQL refuses xml columns (DSQL-FACTS §8). Fix: map the XML as a String (text column)");
    }

    @Test
    void inet() {
        assertRefused(Host.class, "Aurora DSQL cannot store io.dsqlkit.hibernate.unsupported.Host.address:"
                + " DSQL refuses inet columns (DSQL-FACTS §8). Fix: map the address as a String (varchar(45) holds IPv6)");
    }

    @Test
    void struct() {
        assertRefused(Place.class, "Aurora DSQL cannot store io.dsqlkit.hibernate.unsupported.Place.location:"
                + " @Struct needs CREATE TYPE, which DSQL refuses (DSQL-FACTS §14)."
                + " Fix: use @JdbcTypeCode(SqlTypes.JSON) on the embedded field instead of @Struct");
    }

    @Test
    void namedEnum() {
        assertRefused(Mood.class, "Aurora DSQL cannot store io.dsqlkit.hibernate.unsupported.Mood.feeling:"
                + " named enum types need CREATE TYPE, which DSQL refuses (DSQL-FACTS §14)."
                + " Fix: drop @JdbcTypeCode(SqlTypes.NAMED_ENUM): @Enumerated(STRING) maps to varchar with a CHECK");
    }

    @Test
    void bareNumeric() {
        assertRefused(Invoice.class, "Aurora DSQL cannot store io.dsqlkit.hibernate.unsupported.Invoice.amount:"
                + " columnDefinition \"numeric\" has no precision; DSQL makes a bare numeric numeric(18,6) and rounds"
                + " to 6 decimals (DSQL-FACTS §8). Fix: give precision and scale, e.g. numeric(19,4), or drop"
                + " columnDefinition and use @Column(precision, scale)");
    }

    @Test
    void explicitArrayColumn() {
        assertRefused(Sample.class, "Aurora DSQL cannot store io.dsqlkit.hibernate.unsupported.Sample.readings:"
                + " arrays are not column types on DSQL (DSQL-FACTS §8). Fix: remove @JdbcTypeCode(SqlTypes.ARRAY)"
                + " so the dialect stores the array as jsonb, or map an @ElementCollection");
    }

    @Test
    void indexOptionsForAnIndexThatDoesNotExist() {
        assertRefused(MisnamedIndex.class, "Aurora DSQL cannot store io.dsqlkit.hibernate.unsupported.MisnamedIndex:"
                + " @DsqlIndexOptions(index = \"misnamed_nme_idx\") names no index of table MisnamedIndex."
                + " Fix: declare the index with @Table(indexes = @Index(name = \"misnamed_nme_idx\", columnList = ...))"
                + " on the same entity");
    }

    @Test
    void indexOptionsIncludingAKeyColumn() {
        assertRefused(IncludeKeyColumn.class, "Aurora DSQL cannot store io.dsqlkit.hibernate.unsupported.IncludeKeyColumn:"
                + " @DsqlIndexOptions(index = \"include_key_idx\") includes key column \"name\"."
                + " Fix: remove it from include: key columns are in the index already");
    }

    private static void assertRefused(Class<?> entity, String message) {
        assertThatThrownBy(() -> Offline.build(Offline.settings(), entity).close())
                .isInstanceOf(UnsupportedMappingException.class)
                .hasMessage(message);
    }
}
