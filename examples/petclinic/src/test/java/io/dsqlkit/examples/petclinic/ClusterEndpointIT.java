package io.dsqlkit.examples.petclinic;

import io.dsqlkit.examples.petclinic.owner.ClinicService;
import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.spring.autoconfigure.DsqlConnectionDetails;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration a real cluster uses: {@code CLUSTER_ENDPOINT} set, tokens signed with AWS
 * credentials. The "cluster" is a DSQL Local that verifies token signatures against one key, so the
 * test proves the app signs with the credentials it was given and starts no dev services.
 */
@SpringBootTest
class ClusterEndpointIT {
    static final DsqlLocal CLUSTER = DsqlLocal.builder().trustedKey("AKIAPETCLINICTEST", "petclinic-test-secret")
            .start();

    @DynamicPropertySource
    static void clusterEndpoint(DynamicPropertyRegistry registry) {
        registry.add("CLUSTER_ENDPOINT", () -> "127.0.0.1");
        registry.add("dsqlkit.port", CLUSTER::port);
        registry.add("dsqlkit.region", () -> CLUSTER.region().id());
        registry.add("dsqlkit.ssl-root-certificate", () -> CLUSTER.caCertificateFile().toString());
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Autowired
    ClinicService clinic;
    @Autowired
    ObjectProvider<DsqlLocal> devServices;
    @Autowired
    DsqlConnectionDetails connection;

    @Test
    void runsOnTheConfiguredClusterWithSeedDataAndNoDevServices() {
        assertThat(devServices.getIfAvailable()).as("no embedded DSQL Local").isNull();
        assertThat(connection.local()).isFalse();
        assertThat(connection.description()).isEqualTo("Aurora DSQL 127.0.0.1");
        assertThat(clinic.findOwners("Davis", 1).getContent()).hasSize(2);
        assertThat(CLUSTER.openConnections()).isPositive();
    }

    @TestConfiguration
    static class AwsCredentials {
        @Bean
        AwsCredentialsProvider awsCredentialsProvider() {
            return CLUSTER.tokenCredentials();
        }
    }
}
