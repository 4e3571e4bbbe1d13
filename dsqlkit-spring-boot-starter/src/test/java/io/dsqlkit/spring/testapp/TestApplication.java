package io.dsqlkit.spring.testapp;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** A small JPA application on DSQL Local dev services, for the starter's integration tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
public class TestApplication {
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    Attempts attempts() {
        return new Attempts();
    }
}
