-- PetClinic schema for Aurora DSQL. Spring runs each statement on its own, in autocommit: DSQL
-- allows one DDL statement per transaction and never DDL with DML (DSQL-FACTS §5).
-- Idempotent, so a kept DSQL Local data directory or a real cluster can start the app again.
-- Keys are random UUIDs made by the database (gen_random_uuid()): DSQL spreads rows by primary
-- key, so random keys spread the writes (DSQL-FACTS §9, §11).

create table if not exists vets (
  id         uuid        primary key default gen_random_uuid(),
  first_name varchar(30) not null,
  last_name  varchar(30) not null
);

create table if not exists specialties (
  id   uuid        primary key default gen_random_uuid(),
  name varchar(80) not null unique
);

create table if not exists vet_specialties (
  vet_id       uuid not null references vets (id),
  specialty_id uuid not null references specialties (id),
  primary key (vet_id, specialty_id)
);

create table if not exists types (
  id   uuid        primary key default gen_random_uuid(),
  name varchar(80) not null unique
);

create table if not exists owners (
  id         uuid         primary key default gen_random_uuid(),
  first_name varchar(30)  not null,
  last_name  varchar(30)  not null,
  address    varchar(255) not null,
  city       varchar(80)  not null,
  telephone  varchar(20)  not null
);

create table if not exists pets (
  id         uuid        primary key default gen_random_uuid(),
  name       varchar(30) not null,
  birth_date date,
  type_id    uuid        not null references types (id),
  owner_id   uuid        not null references owners (id)
);

create table if not exists visits (
  id          uuid         primary key default gen_random_uuid(),
  pet_id      uuid         not null references pets (id),
  visit_date  date         not null,
  description varchar(255) not null
);

-- DSQL builds secondary indexes only asynchronously (DSQL-FACTS §12); each answers with a job id.
create index async if not exists owners_last_name_idx on owners (last_name);
create index async if not exists pets_owner_idx on pets (owner_id);
create index async if not exists visits_pet_idx on visits (pet_id);
create index async if not exists vet_specialties_specialty_idx on vet_specialties (specialty_id);
