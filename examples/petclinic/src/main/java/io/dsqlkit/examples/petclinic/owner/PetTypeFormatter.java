package io.dsqlkit.examples.petclinic.owner;

import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;

import java.text.ParseException;
import java.util.Locale;
import java.util.UUID;

/** Binds the pet form's type select (the option value is the type's id) to a {@link PetType}. */
@Component
public class PetTypeFormatter implements Formatter<PetType> {
    private final PetTypeRepository petTypes;

    public PetTypeFormatter(PetTypeRepository petTypes) {
        this.petTypes = petTypes;
    }

    @Override
    public String print(PetType type, Locale locale) {
        return type.getId() == null ? "" : type.getId().toString();
    }

    @Override
    public PetType parse(String text, Locale locale) throws ParseException {
        try {
            return petTypes.findById(UUID.fromString(text.trim()))
                    .orElseThrow(() -> new ParseException("unknown pet type: " + text, 0));
        } catch (IllegalArgumentException e) {
            throw new ParseException("not a pet type id: " + text, 0);
        }
    }
}
