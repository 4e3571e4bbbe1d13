package io.dsqlkit.examples.petclinic;

import io.dsqlkit.examples.petclinic.owner.ClinicService;
import io.dsqlkit.examples.petclinic.owner.Owner;
import io.dsqlkit.jdbc.RetryPolicy;
import io.dsqlkit.local.DsqlLocal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The PetClinic's pages, end to end through the controllers, on DSQL Local with the seed data. */
@SpringBootTest
@AutoConfigureMockMvc
class PetClinicWebIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    ClinicService clinic;
    @Autowired
    DsqlLocal local;

    @Test
    void welcomePageNamesTheBackend() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(view().name("welcome"))
                .andExpect(content().string(containsString("Welcome")))
                .andExpect(content().string(containsString("DSQL Local (embedded")));
    }

    @Test
    void findingByASharedLastNameListsBothOwners() throws Exception {
        mvc.perform(get("/owners").param("lastName", "Davis")).andExpect(status().isOk())
                .andExpect(view().name("owners/ownersList"))
                .andExpect(content().string(containsString("Betty Davis")))
                .andExpect(content().string(containsString("Harold Davis")))
                .andExpect(content().string(containsString("Basil")));
    }

    @Test
    void findingAllOwnersPagesThroughThem() throws Exception {
        mvc.perform(get("/owners").param("lastName", "")).andExpect(status().isOk())
                .andExpect(model().attribute("currentPage", 1))
                .andExpect(content().string(containsString("Pages:")));
    }

    @Test
    void aUniqueLastNameGoesStraightToTheOwner() throws Exception {
        mvc.perform(get("/owners").param("lastName", "Franklin")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/owners/*"));
    }

    @Test
    void anUnknownLastNameIsReportedOnTheForm() throws Exception {
        mvc.perform(get("/owners").param("lastName", "Nobody")).andExpect(status().isOk())
                .andExpect(view().name("owners/findOwners"))
                .andExpect(content().string(containsString("has not been found")));
    }

    @Test
    void ownerDetailsShowPetsAndTheirVisits() throws Exception {
        UUID coleman = ownerId("Coleman");
        mvc.perform(get("/owners/{id}", coleman)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jean Coleman")))
                .andExpect(content().string(containsString("Samantha")))
                .andExpect(content().string(containsString("Max")))
                .andExpect(content().string(containsString("rabies shot")))
                .andExpect(content().string(containsString("neutered")));
    }

    @Test
    void anUnknownOwnerIsNotFound() throws Exception {
        mvc.perform(get("/owners/{id}", UUID.randomUUID()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    @Test
    void addingAnOwnerStoresItWithADatabaseGeneratedKey() throws Exception {
        MvcResult result = mvc.perform(post("/owners/new").param("firstName", "Ada").param("lastName", "Lovelace")
                        .param("address", "12 St James's Square").param("city", "London")
                        .param("telephone", "0123456789"))
                .andExpect(status().is3xxRedirection()).andReturn();
        UUID id = UUID.fromString(result.getResponse().getRedirectedUrl().substring("/owners/".length()));

        Owner stored = clinic.owner(id);
        assertThat(stored.getLastName()).isEqualTo("Lovelace");
        assertThat(stored.getTelephone()).isEqualTo("0123456789");
    }

    @Test
    void anOwnerWithABadTelephoneIsSentBackToTheForm() throws Exception {
        mvc.perform(post("/owners/new").param("firstName", "Bad").param("lastName", "Phone")
                        .param("address", "x").param("city", "y").param("telephone", "12ab"))
                .andExpect(status().isOk()).andExpect(view().name("owners/createOrUpdateOwnerForm"))
                .andExpect(model().attributeHasFieldErrors("owner", "telephone"));
    }

    @Test
    void editingAnOwnerUpdatesTheRow() throws Exception {
        UUID id = clinic.createOwner(owner("Edit", "Me", "0000000000")).getId();

        mvc.perform(post("/owners/{id}/edit", id).param("firstName", "Edited").param("lastName", "Me")
                        .param("address", "2 New Road").param("city", "Leeds").param("telephone", "1111111111"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/owners/" + id));

        Owner stored = clinic.owner(id);
        assertThat(stored.getFirstName()).isEqualTo("Edited");
        assertThat(stored.getCity()).isEqualTo("Leeds");
    }

    @Test
    void addingAPetAndAVisitShowsThemOnTheOwnerPage() throws Exception {
        UUID id = clinic.createOwner(owner("Pet", "Keeper", "2222222222")).getId();
        UUID dog = clinic.petTypes().stream().filter(t -> t.getName().equals("dog")).findFirst().orElseThrow().getId();

        mvc.perform(post("/owners/{id}/pets/new", id).param("name", "Rex").param("birthDate", "2020-05-01")
                .param("type", dog.toString())).andExpect(status().is3xxRedirection());
        UUID rex = clinic.owner(id).getPets().get(0).getId();
        mvc.perform(post("/owners/{id}/pets/{pet}/visits/new", id, rex).param("date", "2026-11-20")
                .param("description", "annual check-up")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/owners/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Rex")))
                .andExpect(content().string(containsString("2020-05-01")))
                .andExpect(content().string(containsString("dog")))
                .andExpect(content().string(containsString("annual check-up")));
    }

    @Test
    void aSecondPetWithTheSameNameIsRefused() throws Exception {
        UUID id = clinic.createOwner(owner("Twin", "Names", "3333333333")).getId();
        UUID cat = clinic.petTypes().get(0).getId();
        mvc.perform(post("/owners/{id}/pets/new", id).param("name", "Tom").param("birthDate", "2021-01-01")
                .param("type", cat.toString())).andExpect(status().is3xxRedirection());

        mvc.perform(post("/owners/{id}/pets/new", id).param("name", "tom").param("birthDate", "2021-01-01")
                        .param("type", cat.toString()))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("pet", "name"));
        assertThat(clinic.owner(id).getPets()).hasSize(1);
    }

    @Test
    void editingAPetChangesItsName() throws Exception {
        UUID id = clinic.createOwner(owner("Rename", "Pet", "4444444444")).getId();
        UUID cat = clinic.petTypes().get(0).getId();
        mvc.perform(post("/owners/{id}/pets/new", id).param("name", "Old").param("birthDate", "2019-01-01")
                .param("type", cat.toString()));
        UUID pet = clinic.owner(id).getPets().get(0).getId();

        mvc.perform(post("/owners/{id}/pets/{pet}/edit", id, pet).param("name", "New").param("birthDate", "2019-01-01")
                .param("type", cat.toString())).andExpect(status().is3xxRedirection());

        assertThat(clinic.owner(id).getPets()).extracting(p -> p.getName()).containsExactly("New");
    }

    @Test
    void vetsAsHtmlAndJson() throws Exception {
        mvc.perform(get("/vets.html")).andExpect(status().isOk())
                .andExpect(content().string(containsString("James Carter")))
                .andExpect(content().string(containsString("radiology")));
        mvc.perform(get("/vets").accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk())
                .andExpect(jsonPath("$.vetList.length()").value(6))
                .andExpect(jsonPath("$.vetList[?(@.lastName == 'Douglas')].specialties[*].name")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("dentistry", "surgery")));
    }

    @Test
    void aConflictThatOutlastsEveryRetryIsShownAsConflict() throws Exception {
        long before = clinic.findOwners("Unlucky", 1).getTotalElements();
        local.defaultCluster().failNextCommits(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
        try {
            mvc.perform(post("/owners/new").param("firstName", "Unlucky").param("lastName", "Unlucky")
                            .param("address", "1 Busy Road").param("city", "Contention").param("telephone", "5555555555"))
                    .andExpect(status().isConflict()).andExpect(view().name("error"))
                    .andExpect(content().string(containsString("Someone else changed the same data")))
                    .andExpect(content().string(containsString("OC000")));
        } finally {
            local.defaultCluster().failNextCommits(0);
        }
        assertThat(clinic.findOwners("Unlucky", 1).getTotalElements()).isEqualTo(before);
    }

    private UUID ownerId(String lastName) {
        return clinic.findOwners(lastName, 1).getContent().get(0).getId();
    }

    static Owner owner(String first, String last, String telephone) {
        Owner owner = new Owner();
        owner.setFirstName(first);
        owner.setLastName(last);
        owner.setAddress("1 Test Street");
        owner.setCity("Testville");
        owner.setTelephone(telephone);
        return owner;
    }
}
