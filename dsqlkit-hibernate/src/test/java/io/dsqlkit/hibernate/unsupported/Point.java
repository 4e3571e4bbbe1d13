package io.dsqlkit.hibernate.unsupported;

import jakarta.persistence.Embeddable;
import org.hibernate.annotations.Struct;

@Embeddable
@Struct(name = "point_type")
public class Point {
    public double x;
    public double y;
}
