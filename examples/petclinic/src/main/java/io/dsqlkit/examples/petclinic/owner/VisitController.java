package io.dsqlkit.examples.petclinic.owner;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

@Controller
class VisitController {
    static final String VISIT_FORM = "pets/createOrUpdateVisitForm";

    private final ClinicService clinic;

    VisitController(ClinicService clinic) {
        this.clinic = clinic;
    }

    @InitBinder("visit")
    void setAllowedFields(WebDataBinder binder) {
        binder.setDisallowedFields("id", "pet");
    }

    /** The owner and pet the form is about, looked up before binding. */
    @ModelAttribute("visit")
    Visit loadPetWithVisit(@PathVariable UUID ownerId, @PathVariable UUID petId, Model model) {
        Owner owner = clinic.owner(ownerId);
        Pet pet = owner.getPet(petId);
        if (pet == null) {
            throw new OwnerNotFoundException(ownerId, petId);
        }
        model.addAttribute("owner", owner);
        model.addAttribute("pet", pet);
        return new Visit();
    }

    @GetMapping("/owners/{ownerId}/pets/{petId}/visits/new")
    String initNewVisitForm() {
        return VISIT_FORM;
    }

    @PostMapping("/owners/{ownerId}/pets/{petId}/visits/new")
    String processNewVisitForm(@PathVariable UUID ownerId, @PathVariable UUID petId, @Valid Visit visit,
                               BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return VISIT_FORM;
        }
        clinic.addVisit(ownerId, petId, visit);
        redirect.addFlashAttribute("message", "Your visit has been booked");
        return "redirect:/owners/" + ownerId;
    }
}
