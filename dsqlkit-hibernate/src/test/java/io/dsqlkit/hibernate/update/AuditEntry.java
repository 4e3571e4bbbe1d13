package io.dsqlkit.hibernate.update;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.Instant;
import java.util.UUID;

/** A table the next release adds, with a foreign key to an existing table and a unique key. */
@Entity
@Table(name = "audit_entry", uniqueConstraints = @UniqueConstraint(name = "audit_entry_account_at_key",
        columnNames = {"account_id", "at"}))
public class AuditEntry {
    @Id
    @GeneratedValue
    public UUID id;

    @ManyToOne
    public AccountV2 account;

    public Instant at;
}
