package io.dsqlkit.examples.petclinic.vet;

import java.util.List;

/** The JSON body of {@code GET /vets}. */
public record Vets(List<Vet> vetList) {
}
