package io.dsqlkit.hibernate.update;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;

/** The next release: new columns (default, check, unique, not null) and an index. */
@Entity(name = "Account")
@Table(name = "account", indexes = @Index(name = "account_nickname_idx", columnList = "nickname"))
public class AccountV2 {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 50)
    public String name;

    @Column(length = 30)
    @ColumnDefault("'none'")
    public String nickname;

    @Check(constraints = "score >= 0")
    public Integer score;

    @Column(length = 100, unique = true)
    public String email;

    @Column(nullable = false)
    public boolean active;
}
