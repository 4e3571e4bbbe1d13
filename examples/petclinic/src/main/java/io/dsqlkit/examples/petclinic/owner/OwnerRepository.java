package io.dsqlkit.examples.petclinic.owner;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

public interface OwnerRepository extends JpaRepository<Owner, UUID> {
    /** Owners whose last name starts with {@code lastName} (the schema indexes last_name). */
    Page<Owner> findByLastNameStartingWith(String lastName, Pageable pageable);
}
