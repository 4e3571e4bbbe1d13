package io.dsqlkit.examples.petclinic.owner;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.UUID;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class OwnerNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OwnerNotFoundException(UUID ownerId) {
        super("Owner " + ownerId + " not found");
    }

    public OwnerNotFoundException(UUID ownerId, UUID petId) {
        super("Owner " + ownerId + " has no pet " + petId);
    }
}
