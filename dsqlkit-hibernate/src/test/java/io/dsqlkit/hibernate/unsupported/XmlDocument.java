package io.dsqlkit.hibernate.unsupported;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class XmlDocument {
    @Id
    public Long id;

    @JdbcTypeCode(SqlTypes.SQLXML)
    public String body;
}
