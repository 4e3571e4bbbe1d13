package io.dsqlkit.hibernate.unsupported;

import io.dsqlkit.hibernate.DsqlIndexOptions;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(name = "misnamed_name_idx", columnList = "name"))
@DsqlIndexOptions(index = "misnamed_nme_idx", include = "code")
public class MisnamedIndex {
    @Id
    public Long id;

    public String name;
    public String code;
}
