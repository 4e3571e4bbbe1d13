package io.dsqlkit.examples.petclinic.owner;

import io.dsqlkit.examples.petclinic.model.NamedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "types")
public class PetType extends NamedEntity {
}
