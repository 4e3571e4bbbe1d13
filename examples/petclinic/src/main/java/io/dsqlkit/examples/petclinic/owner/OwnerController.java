package io.dsqlkit.examples.petclinic.owner;

import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

@Controller
class OwnerController {
    static final String OWNER_FORM = "owners/createOrUpdateOwnerForm";

    private final ClinicService clinic;

    OwnerController(ClinicService clinic) {
        this.clinic = clinic;
    }

    @InitBinder
    void setAllowedFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/owners/new")
    String initCreationForm(Model model) {
        model.addAttribute("owner", new Owner());
        return OWNER_FORM;
    }

    @PostMapping("/owners/new")
    String processCreationForm(@Valid Owner owner, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return OWNER_FORM;
        }
        Owner created = clinic.createOwner(owner);
        redirect.addFlashAttribute("message", "New owner created");
        return "redirect:/owners/" + created.getId();
    }

    @GetMapping("/owners/find")
    String initFindForm(Model model) {
        model.addAttribute("owner", new Owner());
        return "owners/findOwners";
    }

    @GetMapping("/owners")
    String processFindForm(@RequestParam(defaultValue = "1") int page, @ModelAttribute("owner") Owner owner,
                           BindingResult result, Model model) {
        String lastName = owner.getLastName() == null ? "" : owner.getLastName().trim();
        Page<Owner> found = clinic.findOwners(lastName, page);
        if (found.isEmpty() && page <= 1) {
            result.rejectValue("lastName", "notFound", "has not been found");
            return "owners/findOwners";
        }
        if (found.getTotalElements() == 1) {
            return "redirect:/owners/" + found.getContent().get(0).getId();
        }
        model.addAttribute("lastName", lastName);
        model.addAttribute("currentPage", page);
        model.addAttribute("totalPages", found.getTotalPages());
        model.addAttribute("totalItems", found.getTotalElements());
        model.addAttribute("listOwners", found.getContent());
        return "owners/ownersList";
    }

    @GetMapping("/owners/{ownerId}/edit")
    String initUpdateOwnerForm(@PathVariable UUID ownerId, Model model) {
        model.addAttribute("owner", clinic.owner(ownerId));
        return OWNER_FORM;
    }

    @PostMapping("/owners/{ownerId}/edit")
    String processUpdateOwnerForm(@Valid Owner owner, BindingResult result, @PathVariable UUID ownerId,
                                  RedirectAttributes redirect) {
        if (result.hasErrors()) {
            owner.setId(ownerId);
            return OWNER_FORM;
        }
        clinic.updateOwner(ownerId, owner);
        redirect.addFlashAttribute("message", "Owner values updated");
        return "redirect:/owners/" + ownerId;
    }

    @GetMapping("/owners/{ownerId}")
    String showOwner(@PathVariable UUID ownerId, Model model) {
        model.addAttribute("owner", clinic.owner(ownerId));
        return "owners/ownerDetails";
    }
}
