package io.dsqlkit.examples.petclinic.system;

import io.dsqlkit.local.DsqlLocal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page which DSQL it runs on (shown in the footer). */
@ControllerAdvice
class BackendAdvice {
    private final String backend;

    BackendAdvice(ObjectProvider<DsqlLocal> local, Environment environment) {
        DsqlLocal embedded = local.getIfAvailable();
        this.backend = embedded != null
                ? "DSQL Local (embedded, " + embedded.host() + ":" + embedded.port() + ")"
                : "Aurora DSQL " + environment.getProperty("dsqlkit.endpoint", "cluster");
    }

    @ModelAttribute("backend")
    String backend() {
        return backend;
    }
}
