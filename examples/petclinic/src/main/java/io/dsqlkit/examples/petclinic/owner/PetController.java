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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

@Controller
@RequestMapping("/owners/{ownerId}")
class PetController {
    static final String PET_FORM = "pets/createOrUpdatePetForm";

    private final ClinicService clinic;

    PetController(ClinicService clinic) {
        this.clinic = clinic;
    }

    @ModelAttribute("types")
    List<PetType> populatePetTypes() {
        return clinic.petTypes();
    }

    @ModelAttribute("owner")
    Owner findOwner(@PathVariable UUID ownerId) {
        return clinic.owner(ownerId);
    }

    @InitBinder("owner")
    void initOwnerBinder(WebDataBinder binder) {
        binder.setDisallowedFields("*");
    }

    @InitBinder("pet")
    void initPetBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id", "owner", "visits");
    }

    @GetMapping("/pets/new")
    String initCreationForm(Model model) {
        model.addAttribute("pet", new Pet());
        return PET_FORM;
    }

    @PostMapping("/pets/new")
    String processCreationForm(Owner owner, @Valid Pet pet, BindingResult result, RedirectAttributes redirect) {
        if (pet.getName() != null && owner.getPet(pet.getName(), null) != null) {
            result.rejectValue("name", "duplicate", "already exists");
        }
        if (result.hasErrors()) {
            return PET_FORM;
        }
        clinic.addPet(owner.getId(), pet);
        redirect.addFlashAttribute("message", "New pet has been added");
        return "redirect:/owners/" + owner.getId();
    }

    @GetMapping("/pets/{petId}/edit")
    String initUpdateForm(Owner owner, @PathVariable UUID petId, Model model) {
        Pet pet = owner.getPet(petId);
        if (pet == null) {
            throw new OwnerNotFoundException(owner.getId(), petId);
        }
        model.addAttribute("pet", pet);
        return PET_FORM;
    }

    @PostMapping("/pets/{petId}/edit")
    String processUpdateForm(Owner owner, @PathVariable UUID petId, @Valid Pet pet, BindingResult result,
                             RedirectAttributes redirect) {
        if (pet.getName() != null && owner.getPet(pet.getName(), petId) != null) {
            result.rejectValue("name", "duplicate", "already exists");
        }
        if (result.hasErrors()) {
            pet.setId(petId);
            return PET_FORM;
        }
        clinic.updatePet(owner.getId(), petId, pet);
        redirect.addFlashAttribute("message", "Pet details have been edited");
        return "redirect:/owners/" + owner.getId();
    }
}
