package io.dsqlkit.hibernate.model;

public enum Status { NEW, ACTIVE, ARCHIVED }
