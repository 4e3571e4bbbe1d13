package io.dsqlkit.hibernate.unsupported;

import io.dsqlkit.hibernate.DsqlIndexOptions;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(name = "include_key_idx", columnList = "name"))
@DsqlIndexOptions(index = "include_key_idx", include = "name", nullsNotDistinct = false)
public class IncludeKeyColumn {
    @Id
    public Long id;

    public String name;
}
