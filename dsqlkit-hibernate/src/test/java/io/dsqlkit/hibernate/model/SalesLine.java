package io.dsqlkit.hibernate.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.util.UUID;

/** A table in its own schema: the index name stays unqualified, the table does not. */
@Entity
@Table(schema = "sales", name = "sales_line", indexes = @Index(name = "sales_line_sku_idx", columnList = "sku"))
public class SalesLine {
    @Id
    @GeneratedValue
    public UUID id;

    public String sku;
}
