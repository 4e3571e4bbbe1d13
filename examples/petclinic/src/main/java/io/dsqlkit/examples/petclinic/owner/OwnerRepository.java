package io.dsqlkit.examples.petclinic.owner;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

public interface OwnerRepository extends JpaRepository<Owner, UUID> {
    /** The owner with pets, their types and visits, in one query (the details page shows them all). */
    @Override
    @EntityGraph(attributePaths = {"pets", "pets.type", "pets.visits"})
    Optional<Owner> findById(UUID id);

    /** Owners whose last name starts with {@code lastName} (the schema indexes last_name). */
    Page<Owner> findByLastNameStartingWith(String lastName, Pageable pageable);
}
