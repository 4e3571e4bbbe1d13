package io.dsqlkit.examples.petclinic.owner;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface PetTypeRepository extends JpaRepository<PetType, UUID> {
    List<PetType> findAllByOrderByName();
}
