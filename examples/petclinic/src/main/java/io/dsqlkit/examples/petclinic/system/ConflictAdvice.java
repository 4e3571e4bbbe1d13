package io.dsqlkit.examples.petclinic.system;

import io.dsqlkit.spring.DsqlConflictFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * When a use case still conflicts after every retry (DSQL kept failing its COMMIT with OC000), the
 * person sees what happened and that trying again is safe: nothing of the failed attempt was saved.
 */
@ControllerAdvice
class ConflictAdvice {
    @ExceptionHandler(DsqlConflictFailureException.class)
    ModelAndView conflict(DsqlConflictFailureException conflict) {
        ModelAndView view = new ModelAndView("error", HttpStatus.CONFLICT);
        view.addObject("status", HttpStatus.CONFLICT.value());
        view.addObject("error", HttpStatus.CONFLICT.getReasonPhrase());
        view.addObject("message", "Someone else changed the same data at the same moment, and it kept happening ("
                + conflict.getConflictCode() + "). Nothing was saved; please submit again.");
        return view;
    }
}
