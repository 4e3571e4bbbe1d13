package io.dsqlkit.examples.petclinic.system;

import io.dsqlkit.spring.autoconfigure.DsqlConnectionDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page which DSQL it runs on (shown in the footer). */
@ControllerAdvice
class BackendAdvice {
    private final String backend;

    BackendAdvice(ObjectProvider<DsqlConnectionDetails> connection) {
        DsqlConnectionDetails details = connection.getIfAvailable();
        this.backend = details != null ? details.description() : "a database not configured by dsqlkit";
    }

    @ModelAttribute("backend")
    String backend() {
        return backend;
    }
}
