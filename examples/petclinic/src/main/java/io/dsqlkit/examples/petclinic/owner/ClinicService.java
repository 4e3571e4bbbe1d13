package io.dsqlkit.examples.petclinic.owner;

import io.dsqlkit.spring.RetryOnConflict;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Every use case is one transaction, and on DSQL a transaction can lose an optimistic concurrency
 * check at COMMIT (two people editing the same owner at once). {@link RetryOnConflict} runs the
 * whole method again in that case: each attempt reads the current row and applies the form to it.
 */
@Service
@Transactional
@RetryOnConflict
public class ClinicService {
    public static final int PAGE_SIZE = 5;

    private final OwnerRepository owners;
    private final PetTypeRepository petTypes;

    public ClinicService(OwnerRepository owners, PetTypeRepository petTypes) {
        this.owners = owners;
        this.petTypes = petTypes;
    }

    @Transactional(readOnly = true)
    public Page<Owner> findOwners(String lastNamePrefix, int page) {
        PageRequest request = PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE, Sort.by("lastName", "firstName", "id"));
        return owners.findByLastNameStartingWith(lastNamePrefix == null ? "" : lastNamePrefix, request);
    }

    @Transactional(readOnly = true)
    public Owner owner(UUID ownerId) {
        return owners.findById(ownerId).orElseThrow(() -> new OwnerNotFoundException(ownerId));
    }

    @Transactional(readOnly = true)
    public List<PetType> petTypes() {
        return petTypes.findAllByOrderByName();
    }

    public Owner createOwner(Owner form) {
        Owner owner = new Owner();
        owner.updateFrom(form);
        return owners.save(owner);
    }

    public Owner updateOwner(UUID ownerId, Owner form) {
        Owner owner = owner(ownerId);
        owner.updateFrom(form);
        return owner;
    }

    public Pet addPet(UUID ownerId, Pet form) {
        Owner owner = owner(ownerId);
        Pet pet = new Pet();
        pet.updateFrom(form);
        owner.addPet(pet);
        // The owner is managed: flushing cascades the insert to the new pet (a save() would merge a
        // copy instead), and the database hands back its key.
        owners.flush();
        return pet;
    }

    public Pet updatePet(UUID ownerId, UUID petId, Pet form) {
        Pet pet = pet(owner(ownerId), petId);
        pet.updateFrom(form);
        return pet;
    }

    public Visit addVisit(UUID ownerId, UUID petId, Visit form) {
        Owner owner = owner(ownerId);
        Visit visit = new Visit();
        visit.setDate(form.getDate());
        visit.setDescription(form.getDescription());
        pet(owner, petId).addVisit(visit);
        owners.flush();
        return visit;
    }

    private static Pet pet(Owner owner, UUID petId) {
        Pet pet = owner.getPet(petId);
        if (pet == null) {
            throw new OwnerNotFoundException(owner.getId(), petId);
        }
        return pet;
    }
}
