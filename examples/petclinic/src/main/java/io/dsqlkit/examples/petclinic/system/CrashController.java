package io.dsqlkit.examples.petclinic.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows the error page: the "Error" menu entry calls it on purpose. */
@Controller
class CrashController {
    @GetMapping("/oups")
    String triggerException() {
        throw new IllegalStateException("Expected: controller used to showcase what happens when an exception is thrown");
    }
}
