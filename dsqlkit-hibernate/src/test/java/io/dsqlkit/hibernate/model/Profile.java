package io.dsqlkit.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;

/** An optional secondary table: PostgreSQL's dialect writes its rows with MERGE, which DSQL refuses. */
@Entity
@SecondaryTable(name = "profile_detail")
public class Profile {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String handle;

    @Column(table = "profile_detail", length = 200)
    public String bio;
}
