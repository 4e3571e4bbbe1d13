package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.shop.Owner;
import io.dsqlkit.hibernate.shop.Pet;
import io.dsqlkit.hibernate.shop.Visit;
import io.dsqlkit.jdbc.DsqlErrors;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.local.junit.DsqlLocalTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Persistence;
import jakarta.persistence.RollbackException;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A JPA application written as a user would (persistence.xml, standard annotations, no dialect
 * named, no dsqlkit imports in its entities) boots against DSQL Local with schema creation and a
 * load script, works, validates its schema, and sees DSQL's conflicts as JPA exceptions.
 */
@DsqlLocalTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopApplicationIT {
    static EntityManagerFactory shop;

    static Map<String, Object> connection(DsqlCluster cluster) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", cluster.jdbcUrl());
        properties.put("jakarta.persistence.jdbc.user", "admin");
        properties.put("jakarta.persistence.jdbc.password", cluster.token("admin"));
        return properties;
    }

    @BeforeAll
    static void boot(DsqlCluster cluster) {
        shop = Persistence.createEntityManagerFactory("shop", connection(cluster));
    }

    @AfterAll
    static void close() {
        shop.close();
    }

    @Test
    @Order(1)
    void bootsWithTheDialectDetectedAndTheLoadScriptApplied(DsqlCluster cluster) {
        var dialect = shop.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getJdbcServices().getDialect();
        assertThat(dialect).isInstanceOf(AuroraDsqlDialect.class);
        assertThat(((AuroraDsqlDialect) dialect).getSettings().sequenceCacheSize()).isEqualTo(1);
        EntityManager em = shop.createEntityManager();
        assertThat(em.createQuery("select o.lastName from Owner o order by o.lastName", String.class).getResultList())
                .containsExactly("Davis", "Franklin");
        em.close();
        assertThat(Sql.scalar(cluster, "select seqcache from pg_sequence s join pg_class c on c.oid = s.seqrelid"
                + " where c.relname = 'visits_seq'")).isEqualTo("1");
        assertThat(Sql.scalar(cluster, "select format_type(atttypid, atttypmod) from pg_attribute"
                + " where attrelid = 'owners'::regclass and attname = 'id'")).isEqualTo("bigint");
        assertThat(Sql.scalar(cluster, "select indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " where c.relname = 'pets_name_idx'")).isEqualTo("t");
    }

    @Test
    @Order(2)
    void storesAndQueriesOwnersPetsAndVisits() {
        EntityManager em = shop.createEntityManager();
        em.getTransaction().begin();
        Owner owner = new Owner();
        owner.setLastName("Estaban");
        Pet pet = new Pet();
        pet.setName("Leo");
        pet.setKind(Pet.Kind.CAT);
        pet.setBirthDate(LocalDate.of(2020, 9, 7));
        owner.addPet(pet);
        em.persist(owner);
        Visit visit = new Visit();
        visit.setPet(pet);
        visit.setVisitedAt(LocalDateTime.of(2026, 11, 24, 9, 30));
        visit.setNotes("rabies shot");
        visit.setFee(new BigDecimal("45.50"));
        em.persist(visit);
        em.getTransaction().commit();
        em.close();

        EntityManager read = shop.createEntityManager();
        List<Object[]> rows = read.createQuery("select p.name, v.fee, v.notes from Visit v join v.pet p"
                + " where p.owner.lastName = :name", Object[].class).setParameter("name", "Estaban").getResultList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row[0]).isEqualTo("Leo");
            assertThat((BigDecimal) row[1]).isEqualByComparingTo("45.50");
            assertThat(row[2]).isEqualTo("rabies shot");
        });
        assertThat(owner.getId()).isPositive();
        read.close();
    }

    @Test
    @Order(3)
    void validatesItsSchema(DsqlCluster cluster) {
        Map<String, Object> properties = connection(cluster);
        properties.put("jakarta.persistence.schema-generation.database.action", "none");
        properties.put(AvailableSettings.HBM2DDL_AUTO, "validate");
        properties.put("jakarta.persistence.sql-load-script-source", "");
        EntityManagerFactory validated = Persistence.createEntityManagerFactory("shop", properties);
        assertThat(validated.isOpen()).isTrue();
        validated.close();
    }

    @Test
    @Order(4)
    void aConcurrentEditFailsAtCommitAsARollbackCarryingDsqlsConflict() {
        EntityManager first = shop.createEntityManager();
        EntityManager second = shop.createEntityManager();
        first.getTransaction().begin();
        second.getTransaction().begin();
        Owner mine = first.createQuery("select o from Owner o where o.lastName = 'Davis'", Owner.class).getSingleResult();
        Owner theirs = second.find(Owner.class, mine.getId());
        mine.setTelephone("1111111111");
        theirs.setTelephone("2222222222");
        first.flush();
        second.flush();
        first.getTransaction().commit();
        assertThatThrownBy(() -> second.getTransaction().commit())
                .isInstanceOf(RollbackException.class)
                .satisfies(e -> {
                    assertThat(DsqlErrors.isConflict(e)).isTrue();
                    assertThat(DsqlErrors.conflictCode(e)).contains(DsqlErrors.DATA_CONFLICT);
                });
        first.close();
        second.close();
    }

    @Test
    @Order(5)
    void aSchemaConflictInsideATransactionIsAnOptimisticLockException(DsqlCluster cluster) {
        EntityManager em = shop.createEntityManager();
        em.getTransaction().begin();
        em.createQuery("select count(o) from Owner o", Long.class).getSingleResult();
        Sql.execute(cluster, "create table shop_schema_bump (id bigint primary key)");
        assertThatThrownBy(() -> em.createQuery("select o from Owner o", Owner.class).getResultList())
                .isInstanceOf(OptimisticLockException.class)
                .hasCauseInstanceOf(DsqlConflictException.class)
                .satisfies(e -> assertThat(((DsqlConflictException) e.getCause()).isSchemaConflict()).isTrue());
        em.getTransaction().rollback();
        em.close();
    }

    @Test
    @Order(6)
    void anUnsupportedMappingFailsBootstrapBeforeAnySqlRuns(DsqlLocal dsql) {
        try (DsqlCluster fresh = dsql.newCluster()) {
            assertThatThrownBy(() -> Persistence.createEntityManagerFactory("shop-with-inet", connection(fresh)))
                    .hasRootCauseInstanceOf(UnsupportedMappingException.class)
                    .rootCause()
                    .hasMessage("Aurora DSQL cannot store io.dsqlkit.hibernate.shop.Device.address: DSQL refuses inet"
                            + " columns (DSQL-FACTS §8). Fix: map the address as a String (varchar(45) holds IPv6)");
            assertThat(Sql.scalar(fresh, "select count(*) from pg_tables where schemaname = 'public'")).isEqualTo("0");
        }
    }
}
