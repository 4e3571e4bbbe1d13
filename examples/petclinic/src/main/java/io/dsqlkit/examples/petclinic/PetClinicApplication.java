package io.dsqlkit.examples.petclinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring PetClinic on Aurora DSQL. With {@code CLUSTER_ENDPOINT} set it connects to that cluster
 * (IAM tokens from the AWS credentials in the environment); otherwise the dsqlkit starter starts an
 * embedded DSQL Local for it.
 */
@SpringBootApplication
public class PetClinicApplication {
    public static void main(String[] args) {
        SpringApplication.run(PetClinicApplication.class, args);
    }
}
