package io.dsqlkit.examples.petclinic.vet;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Read-only: the clinic's vets are seed data. */
public interface VetRepository extends Repository<Vet, java.util.UUID> {
    @Transactional(readOnly = true)
    List<Vet> findAllByOrderByLastNameAscFirstNameAsc();

    @Transactional(readOnly = true)
    Page<Vet> findAll(Pageable pageable);
}
