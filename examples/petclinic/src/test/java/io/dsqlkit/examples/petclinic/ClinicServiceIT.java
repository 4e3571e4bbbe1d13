package io.dsqlkit.examples.petclinic;

import io.dsqlkit.examples.petclinic.owner.ClinicService;
import io.dsqlkit.examples.petclinic.owner.Owner;
import io.dsqlkit.examples.petclinic.owner.OwnerRepository;
import io.dsqlkit.examples.petclinic.owner.Pet;
import io.dsqlkit.examples.petclinic.owner.PetTypeRepository;
import io.dsqlkit.examples.petclinic.owner.Visit;
import io.dsqlkit.hibernate.AuroraDsqlDialect;
import io.dsqlkit.local.DsqlLocal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.dsqlkit.examples.petclinic.PetClinicWebIT.owner;
import static org.assertj.core.api.Assertions.assertThat;

/** Repositories and the clinic service on DSQL Local, including edits that collide. */
@SpringBootTest
class ClinicServiceIT {
    @Autowired
    ClinicService clinic;
    @Autowired
    OwnerRepository owners;
    @Autowired
    PetTypeRepository petTypes;
    @Autowired
    DataSource dataSource;
    @Autowired
    DsqlLocal local;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CommitOtherBeforeOwnerUpdate commitOtherBeforeOwnerUpdate;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void seedDataIsThere() {
        assertThat(petTypes.findAllByOrderByName()).extracting(t -> t.getName())
                .containsExactly("bird", "cat", "dog", "hamster", "lizard", "snake");
        Page<Owner> davis = owners.findByLastNameStartingWith("Davis", PageRequest.of(0, 5, Sort.by("firstName")));
        assertThat(davis.getContent()).extracting(Owner::getFirstName).containsExactly("Betty", "Harold");
    }

    @Test
    void hibernateDetectedTheDsqlDialect() {
        assertThat(entityManagerFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect())
                .isInstanceOf(AuroraDsqlDialect.class);
    }

    @Test
    void ownersArePagedInNameOrder() {
        Page<Owner> first = clinic.findOwners("", 1);
        assertThat(first.getContent()).hasSize(ClinicService.PAGE_SIZE);
        assertThat(first.getTotalElements()).isGreaterThanOrEqualTo(10);
        List<String> names = first.getContent().stream().map(Owner::getLastName).toList();
        assertThat(names).isSorted();
    }

    @Test
    void keysAreMadeByTheDatabase() {
        String defaultExpression = new JdbcTemplate(dataSource).queryForObject(
                "select column_default from information_schema.columns where table_name = 'owners' and column_name = 'id'",
                String.class);
        assertThat(defaultExpression).isEqualTo("gen_random_uuid()");
        assertThat(clinic.createOwner(owner("Key", "Maker", "6666666666")).getId()).isNotNull();
    }

    @Test
    void aForcedConflictWhileAddingAPetIsRetriedAndAddsItOnce() {
        UUID id = clinic.createOwner(owner("Retry", "Pets", "7777777777")).getId();
        Pet form = new Pet();
        form.setName("Once");
        form.setBirthDate(LocalDate.of(2022, 2, 2));
        form.setType(clinic.petTypes().get(0));
        double before = retries("ClinicService.addPet");
        local.defaultCluster().failNextCommits(2);

        clinic.addPet(id, form);

        assertThat(clinic.owner(id).getPets()).extracting(Pet::getName).containsExactly("Once");
        assertThat(retries("ClinicService.addPet") - before).isEqualTo(2.0);
    }

    @Test
    void aForcedConflictWhileBookingAVisitIsRetried() {
        UUID id = clinic.createOwner(owner("Retry", "Visits", "8888888888")).getId();
        Pet form = new Pet();
        form.setName("Patient");
        form.setBirthDate(LocalDate.of(2022, 3, 3));
        form.setType(clinic.petTypes().get(1));
        UUID pet = clinic.addPet(id, form).getId();
        Visit visit = new Visit();
        visit.setDescription("vaccination");
        local.defaultCluster().failNextCommits(1);

        clinic.addVisit(id, pet, visit);

        assertThat(clinic.owner(id).getPet(pet).getVisits()).extracting(Visit::getDescription)
                .containsExactly("vaccination");
    }

    /**
     * Two people edit the same owner at once. The other edit commits after ours has read the owner
     * and just before ours writes it, so ours is the second committer and DSQL fails it with OC000;
     * the retry reads the other's edit and applies our form on top, and both edits succeed.
     */
    @Test
    void concurrentEditsOfTheSameOwnerAreResolvedByTheRetry() throws Exception {
        UUID id = clinic.createOwner(owner("Shared", "Owner", "1000000000")).getId();
        double before = retries("ClinicService.updateOwner");
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement edit = other.prepareStatement("update owners set address = ? where id = ?")) {
                edit.setString(1, "Other Street 1");
                edit.setObject(2, id);
                assertThat(edit.executeUpdate()).isEqualTo(1);
            }
            commitOtherBeforeOwnerUpdate.arm(other);
            try {
                Owner form = owner("Shared", "Owner", "2000000000");
                form.setCity("Our City");
                clinic.updateOwner(id, form);
            } finally {
                commitOtherBeforeOwnerUpdate.disarm();
            }
            assertThat(commitOtherBeforeOwnerUpdate.fired()).isEqualTo(1);
        }
        Owner stored = clinic.owner(id);
        assertThat(stored.getTelephone()).isEqualTo("2000000000");
        assertThat(stored.getCity()).isEqualTo("Our City");
        assertThat(retries("ClinicService.updateOwner") - before).isEqualTo(1.0);
    }

    @Test
    void manySimultaneousEditsOfOneOwnerAllSucceed() throws Exception {
        UUID id = clinic.createOwner(owner("Busy", "Owner", "3000000000")).getId();
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Owner>> edits = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String telephone = String.format("40000000%02d", i);
                edits.add(() -> clinic.updateOwner(id, owner("Busy", "Owner", telephone)));
            }
            List<String> written = new ArrayList<>();
            for (Future<Owner> result : pool.invokeAll(edits)) {
                written.add(result.get().getTelephone());
            }
            assertThat(written).hasSize(writers);
            assertThat(written).contains(clinic.owner(id).getTelephone());
        } finally {
            pool.shutdownNow();
        }
    }

    private double retries(String method) {
        Counter counter = meters.find("dsqlkit.transaction.retries").tag("method", method).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Commits the other session's edit when Hibernate is about to send the first {@code update
     * owners} after being armed: after the service read the owner, before its write reaches DSQL.
     */
    static final class CommitOtherBeforeOwnerUpdate implements StatementInspector {
        private static final long serialVersionUID = 1L;
        private final transient AtomicReference<Connection> other = new AtomicReference<>();
        private final AtomicInteger fired = new AtomicInteger();

        void arm(Connection connection) {
            fired.set(0);
            other.set(connection);
        }

        void disarm() {
            other.set(null);
        }

        int fired() {
            return fired.get();
        }

        @Override
        public String inspect(String sql) {
            if (sql.startsWith("update owners")) {
                Connection connection = other.getAndSet(null);
                if (connection != null) {
                    try {
                        connection.commit();
                        fired.incrementAndGet();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return sql;
        }
    }

    @TestConfiguration
    static class Inspectors {
        @Bean
        CommitOtherBeforeOwnerUpdate commitOtherBeforeOwnerUpdate() {
            return new CommitOtherBeforeOwnerUpdate();
        }

        @Bean
        HibernatePropertiesCustomizer commitOtherBeforeOwnerUpdateInspector(CommitOtherBeforeOwnerUpdate inspector) {
            return properties -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, inspector);
        }
    }
}
