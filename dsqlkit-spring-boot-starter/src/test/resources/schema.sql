create table if not exists counters (id uuid primary key, value bigint not null);
