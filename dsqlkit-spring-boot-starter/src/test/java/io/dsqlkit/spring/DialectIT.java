package io.dsqlkit.spring;

import io.dsqlkit.hibernate.AuroraDsqlDialect;
import io.dsqlkit.spring.testapp.TestApplication;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No dialect is named anywhere: dsqlkit-hibernate's resolver recognises DSQL Local as DSQL. */
@SpringBootTest(classes = TestApplication.class)
class DialectIT {
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void theDsqlDialectIsDetectedFromTheConnection() {
        assertThat(entityManagerFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect())
                .isInstanceOf(AuroraDsqlDialect.class);
    }

    @Test
    void naming_PostgreSQL_sDialectOnDsqlFailsTheStartupNamingTheProperty() {
        SpringApplication application = new SpringApplication(TestApplication.class);
        assertThatThrownBy(() -> application.run("--spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect",
                "--spring.main.web-application-type=none"))
                .rootCause()
                .hasMessageContaining("spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect")
                .hasMessageContaining("Remove spring.jpa.database-platform so dsqlkit-hibernate detects "
                        + AuroraDsqlDialect.class.getName());
    }
}
