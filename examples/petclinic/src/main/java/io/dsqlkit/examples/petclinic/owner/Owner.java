package io.dsqlkit.examples.petclinic.owner;

import io.dsqlkit.examples.petclinic.model.Person;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "owners")
public class Owner extends Person {
    @Column(name = "address")
    @NotBlank
    private String address;

    @Column(name = "city")
    @NotBlank
    private String city;

    @Column(name = "telephone")
    @NotBlank
    @Pattern(regexp = "\\d{10}", message = "Telephone must be a 10-digit number")
    private String telephone;

    // The pet row carries owner_id (NOT NULL), so the pet side owns the association and the
    // insert writes it at once, rather than inserting a NULL and updating it afterwards.
    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL)
    @OrderBy("name")
    private Set<Pet> pets = new LinkedHashSet<>();

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getTelephone() {
        return telephone;
    }

    public void setTelephone(String telephone) {
        this.telephone = telephone;
    }

    public List<Pet> getPets() {
        return new ArrayList<>(pets);
    }

    public void addPet(Pet pet) {
        pet.setOwner(this);
        pets.add(pet);
    }

    /** The pet with this name, ignoring case, or {@code null}; {@code except} skips the pet being edited. */
    public Pet getPet(String name, UUID except) {
        for (Pet pet : pets) {
            if (pet.getName() != null && pet.getName().equalsIgnoreCase(name)
                    && (except == null || !except.equals(pet.getId()))) {
                return pet;
            }
        }
        return null;
    }

    public Pet getPet(UUID id) {
        for (Pet pet : pets) {
            if (id.equals(pet.getId())) {
                return pet;
            }
        }
        return null;
    }

    /** Copies the fields the owner form edits. */
    public void updateFrom(Owner form) {
        setFirstName(form.getFirstName());
        setLastName(form.getLastName());
        setAddress(form.getAddress());
        setCity(form.getCity());
        setTelephone(form.getTelephone());
    }

    @Override
    public String toString() {
        return "Owner[" + getId() + " " + getFirstName() + " " + getLastName() + "]";
    }
}
