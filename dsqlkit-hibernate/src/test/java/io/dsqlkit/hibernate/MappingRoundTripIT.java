package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.model.Address;
import io.dsqlkit.hibernate.model.Category;
import io.dsqlkit.hibernate.model.Customer;
import io.dsqlkit.hibernate.model.Model;
import io.dsqlkit.hibernate.model.Product;
import io.dsqlkit.hibernate.model.PurchaseOrder;
import io.dsqlkit.hibernate.model.Status;
import io.dsqlkit.hibernate.model.Ticket;
import io.dsqlkit.hibernate.model.TimeValues;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every mapping of the broad model written and read back through DSQL Local. */
@DsqlLocalTest
class MappingRoundTripIT {
    static final Hibernates.SqlLog SQL = new Hibernates.SqlLog();
    static SessionFactoryImplementor factory;

    @BeforeAll
    static void createSchema(DsqlCluster cluster) {
        factory = Hibernates.createModel(SQL.install(Hibernates.connection(cluster)));
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void customerWithUuidKeyJsonArraysEnumsAndVersion() {
        Customer saved = new Customer();
        saved.name = "Ada";
        saved.status = Status.ACTIVE;
        saved.balance = new BigDecimal("1234.5678");
        saved.defaultScale = new BigDecimal("10.25");
        saved.createdAt = Instant.parse("2026-11-24T10:15:30.123456Z");
        saved.tags = new String[] {"vip", "early"};
        saved.preferences = Map.of("theme", "dark", "pageSize", 50);
        saved.address = new Address("1 Main St", "Paris", 75001);
        factory.inTransaction(session -> session.persist(saved));
        assertThat(saved.id).isNotNull();

        Customer read = factory.fromTransaction(session -> session.find(Customer.class, saved.id));
        assertThat(read.version).isZero();
        assertThat(read.status).isEqualTo(Status.ACTIVE);
        assertThat(read.balance).isEqualByComparingTo("1234.5678");
        assertThat(read.defaultScale).isEqualByComparingTo("10.25");
        assertThat(read.createdAt).isEqualTo(saved.createdAt);
        assertThat(read.tags).containsExactly("vip", "early");
        assertThat(read.preferences).containsEntry("theme", "dark").containsEntry("pageSize", 50);
        assertThat(read.address.city).isEqualTo("Paris");
        assertThat(read.address.zip).isEqualTo(75001);

        List<String> byCity = factory.fromTransaction(session -> session
                .createSelectionQuery("select c.name from Customer c where c.address.city = :city", String.class)
                .setParameter("city", "Paris").getResultList());
        assertThat(byCity).containsExactly("Ada");

        factory.inTransaction(session -> session.find(Customer.class, saved.id).status = Status.ARCHIVED);
        long version = factory.fromTransaction(session -> session.find(Customer.class, saved.id).version);
        assertThat(version).isEqualTo(1L);
    }

    @Test
    void ordersWithIdentityKeysForeignKeysAndManyToMany() {
        Customer customer = new Customer();
        customer.name = "Grace";
        Product first = product("SKU-1", "first");
        Product second = product("SKU-2", "second");
        PurchaseOrder order = new PurchaseOrder();
        factory.inTransaction(session -> {
            session.persist(customer);
            session.persist(first);
            session.persist(second);
            order.customer = customer;
            order.total = new BigDecimal("99.90");
            order.reference = "R-" + UUID.randomUUID().toString().substring(0, 8);
            order.placedAt = OffsetDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.ofHours(2));
            order.products.add(first);
            order.products.add(second);
            session.persist(order);
        });
        assertThat(order.id).isPositive();
        assertThat(second.id).isGreaterThan(first.id);

        PurchaseOrder read = factory.fromTransaction(session -> {
            PurchaseOrder o = session.find(PurchaseOrder.class, order.id);
            o.products.size();
            return o;
        });
        assertThat(read.products).extracting(p -> p.name).containsExactlyInAnyOrder("first", "second");
        assertThat(read.placedAt.toInstant()).isEqualTo(order.placedAt.toInstant());

        // @OnDelete(CASCADE): the database removes the orders of a deleted customer.
        factory.inTransaction(session -> {
            session.createMutationQuery("delete from PurchaseOrder o where o.id <> :id").setParameter("id", order.id)
                    .executeUpdate();
            session.createNativeMutationQuery("delete from purchase_order_product").executeUpdate();
        });
        factory.inTransaction(session -> session.createNativeMutationQuery("delete from Customer where id = :id")
                .setParameter("id", customer.id).executeUpdate());
        PurchaseOrder gone = factory.fromTransaction(session -> session.find(PurchaseOrder.class, order.id));
        assertThat(gone).isNull();
    }

    @Test
    void lobsAreByteaAndTextNeverOid() throws Exception {
        byte[] image = new byte[200_000];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 31);
        }
        String description = "d".repeat(100_000);
        Product product = product("SKU-L", "lob");
        product.image = image;
        product.description = description;
        product.longText = "x".repeat(70_000);
        factory.inTransaction(session -> {
            product.manual = session.getLobHelper().createBlob("manual".getBytes(StandardCharsets.UTF_8));
            product.notes = session.getLobHelper().createClob("notes");
            session.persist(product);
        });
        factory.inTransaction(session -> {
            Product read = session.find(Product.class, product.id);
            assertThat(read.image).isEqualTo(image);
            assertThat(read.description).isEqualTo(description);
            assertThat(read.longText).hasSize(70_000);
            try {
                assertThat(new String(read.manual.getBytes(1, (int) read.manual.length()), StandardCharsets.UTF_8))
                        .isEqualTo("manual");
                assertThat(read.notes.getSubString(1, (int) read.notes.length())).isEqualTo("notes");
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void timeTypesRoundTripAndLiteralsRenderWithTheirValues() {
        TimeValues values = new TimeValues();
        values.day = LocalDate.of(2026, 2, 13);
        values.time = LocalTime.of(10, 15, 30);
        values.timeWithZone = OffsetTime.of(10, 15, 30, 0, ZoneOffset.ofHours(2));
        values.timetz = OffsetTime.of(23, 45, 1, 0, ZoneOffset.ofHours(-7));
        values.localDateTime = LocalDateTime.of(2026, 2, 13, 10, 15, 30, 123_456_000);
        values.offsetDateTime = OffsetDateTime.of(2026, 2, 13, 10, 15, 30, 0, ZoneOffset.ofHours(-5));
        values.zonedDateTime = ZonedDateTime.of(2026, 2, 13, 10, 15, 30, 0, ZoneOffset.UTC);
        values.instant = Instant.parse("2026-02-13T10:15:30.654321Z");
        values.duration = Duration.ofMinutes(90).plusMillis(5);
        values.interval = Duration.ofHours(26).plusSeconds(7);
        factory.inTransaction(session -> session.persist(values));
        assertThat(values.id).isPositive();

        TimeValues read = factory.fromTransaction(session -> session.find(TimeValues.class, values.id));
        assertThat(read.day).isEqualTo(values.day);
        assertThat(read.time).isEqualTo(values.time);
        assertThat(read.timeWithZone.isEqual(values.timeWithZone)).isTrue();
        assertThat(read.timetz).isEqualTo(values.timetz);
        assertThat(read.localDateTime).isEqualTo(values.localDateTime);
        assertThat(read.offsetDateTime.toInstant()).isEqualTo(values.offsetDateTime.toInstant());
        assertThat(read.zonedDateTime.toInstant()).isEqualTo(values.zonedDateTime.toInstant());
        assertThat(read.instant).isEqualTo(values.instant.truncatedTo(ChronoUnit.MICROS));
        assertThat(read.duration).isEqualTo(values.duration);
        assertThat(read.interval).isEqualTo(values.interval);

        SQL.clear();
        List<Integer> byLiterals = factory.fromTransaction(session -> session.createSelectionQuery(
                "select t.id from TimeValues t where t.time = local time 10:15:30 and t.day = local date 2026-02-13"
                        + " and t.localDateTime > local datetime 2026-02-13 10:15:30", Integer.class).getResultList());
        assertThat(byLiterals).contains(values.id);
        assertThat(SQL.statements()).anySatisfy(sql -> assertThat(sql)
                .contains("time '10:15:30'").contains("date '2026-02-13'").contains("timestamp '2026-02-13 10:15:30"));
    }

    @Test
    void serverSideUuidDefaultIsReadBackOnInsert() {
        Ticket ticket = new Ticket();
        ticket.subject = "printer on fire";
        factory.inTransaction(session -> session.persist(ticket));
        assertThat(ticket.id).isNotNull();
        String subject = factory.fromTransaction(session -> session.find(Ticket.class, ticket.id).subject);
        assertThat(subject).isEqualTo("printer on fire");
    }

    @Test
    void selfReferencingRows() {
        Category root = new Category();
        root.name = "root";
        Category leaf = new Category();
        leaf.name = "leaf";
        factory.inTransaction(session -> {
            session.persist(root);
            leaf.parent = root;
            session.persist(leaf);
        });
        String parent = factory.fromTransaction(session ->
                ((Category) org.hibernate.Hibernate.unproxy(session.find(Category.class, leaf.id).parent)).name);
        assertThat(parent).isEqualTo("root");
    }

    /** Two application instances (session factories) allocate from one cached sequence: no id twice. */
    @Test
    void pooledSequenceIdsAreUniqueAcrossApplicationInstances(DsqlCluster cluster) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        try (SessionFactoryImplementor other = Hibernates.build(Hibernates.connection(cluster), Model.ENTITIES)) {
            for (int round = 0; round < 3; round++) {
                for (SessionFactoryImplementor instance : List.of(factory, other)) {
                    List<Product> batch = new java.util.ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        batch.add(product("P" + round + (instance == factory ? "a" : "b") + i, "pooled"));
                    }
                    instance.inTransaction(session -> batch.forEach(session::persist));
                    batch.forEach(p -> assertThat(ids.add(p.id)).as("id %s allocated twice", p.id).isTrue());
                }
            }
        }
        assertThat(ids).hasSize(360);
    }

    static Product product(String sku, String name) {
        Product product = new Product();
        product.sku = sku;
        product.name = name;
        product.price = new BigDecimal("9.99");
        return product;
    }
}
