package io.dsqlkit.examples.petclinic.vet;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class VetController {
    static final int PAGE_SIZE = 5;

    private final VetRepository vets;

    VetController(VetRepository vets) {
        this.vets = vets;
    }

    @GetMapping("/vets.html")
    String showVetList(@RequestParam(defaultValue = "1") int page, Model model) {
        Page<Vet> found = vets.findAll(PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE,
                Sort.by("lastName", "firstName", "id")));
        model.addAttribute("currentPage", page);
        model.addAttribute("totalPages", found.getTotalPages());
        model.addAttribute("totalItems", found.getTotalElements());
        model.addAttribute("listVets", found.getContent());
        return "vets/vetList";
    }

    @GetMapping({"/vets"})
    @ResponseBody
    Vets showResourcesVetList() {
        return new Vets(vets.findAllByOrderByLastNameAscFirstNameAsc());
    }
}
