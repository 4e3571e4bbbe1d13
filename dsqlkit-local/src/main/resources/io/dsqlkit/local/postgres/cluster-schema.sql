-- What every cluster database holds before the first client connects. Applied by the superuser,
-- idempotently, to the template and to the default cluster's database (ClusterSchema).
--
-- sys        DSQL's own objects, visible to every role (DSQL-FACTS §15).
-- dsql_local ours. PUBLIC may only resolve it and call the few functions client sessions need;
--            the job table behind sys.jobs is readable through the view alone.
--
-- The event triggers skip sessions of superusers, and the row limit skips superusers: management
-- DDL and the backing JDBC URL ("none of DSQL's rules") stay plain PostgreSQL.

create schema if not exists sys authorization postgres;
grant usage on schema sys to public;

create schema if not exists dsql_local authorization postgres;
revoke all on schema dsql_local from public;
-- Client sessions call dsql_local.fail (from the row-limit trigger and sys.wait_for_job) and the
-- submit functions (from statements the relay rewrites); resolving a schema-qualified name needs USAGE.
grant usage on schema dsql_local to public;

-- DSQL-FACTS §2: the mapping view for AWS IAM GRANT; local roles have no IAM mappings yet.
create or replace view sys.iam_pg_role_mappings as
select null::oid as iam_oid, null::text as arn, null::oid as pg_role_oid, null::name as pg_role_name,
       null::oid as grantor_pg_role_oid, null::name as grantor_pg_role_name
where false;
grant select on sys.iam_pg_role_mappings to public;

-- Raises an error through an anonymous block, so its context carries RaiseStatement.CONTEXT_MARKER,
-- the relay's sign that the context is ours to strip: DSQL's errors carry none.
create or replace function dsql_local.fail(code text, message text) returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $fn$
begin
    execute format('DO $dsql_local$BEGIN RAISE EXCEPTION USING ERRCODE = %L, MESSAGE = %L; END$dsql_local$',
                   code, message);
end
$fn$;
revoke all on function dsql_local.fail(text, text) from public;
grant execute on function dsql_local.fail(text, text) to public;

create or replace function dsql_local.fail(code text, message text, detail text) returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $fn$
begin
    execute format('DO $dsql_local$BEGIN RAISE EXCEPTION USING ERRCODE = %L, MESSAGE = %L, DETAIL = %L; END$dsql_local$',
                   code, message, detail);
end
$fn$;
revoke all on function dsql_local.fail(text, text, text) from public;
grant execute on function dsql_local.fail(text, text, text) to public;

------------------------------------------------------------------------------------------------
-- Async jobs (DSQL-FACTS §12): sys.jobs, sys.wait_for_job and the queue JobRunner drains.
------------------------------------------------------------------------------------------------

create table if not exists dsql_local.jobs (
    job_id       text primary key,
    -- Submission order: JobRunner runs a database's jobs one at a time in this order. A timestamp,
    -- not an identity column: its sequence would show in pg_sequences, where DSQL lists none of its own.
    submitted_at timestamptz not null default pg_catalog.clock_timestamp(),
    status       text not null,
    details      text,
    job_type     text not null,
    class_id     oid not null,
    -- Null until the object exists (an index is created by its build).
    object_id    oid,
    -- Shown while object_id is null; afterwards the name is read from the catalog, so a dropped
    -- object shows none, as on DSQL.
    object_name  text,
    start_time   timestamptz not null,
    update_time  timestamptz,
    -- What JobRunner runs, as whom, with which search_path, against which table.
    run_as       name,
    statement    text,
    search_path  text,
    table_id     oid
);
revoke all on dsql_local.jobs from public;
-- Data directories made before the queue was ordered by time: same queue, no sequence.
alter table dsql_local.jobs add column if not exists submitted_at timestamptz not null default pg_catalog.clock_timestamp();
alter table dsql_local.jobs drop column if exists seq;
create index if not exists jobs_submitted on dsql_local.jobs (submitted_at, job_id) where status = 'submitted';
-- Applied at start, before any job runs: a job a stopped DSQL Local left processing (a kept data
-- directory) runs again.
update dsql_local.jobs set status = 'submitted' where status = 'processing';

-- 26 lowercase RFC 4648 base32 characters of 128 random bits, DSQL's job id shape. The bits are
-- a SHA-256 of two random UUIDs (244 random bits), since core PostgreSQL has no random bytes.
create or replace function dsql_local.new_job_id() returns text
language sql volatile
set search_path = pg_catalog, pg_temp
as $fn$
    select string_agg(substr('abcdefghijklmnopqrstuvwxyz234567',
                             substring(b.bits from i * 5 + 1 for 5)::integer + 1, 1), '' order by i)
    from (select (('x' || encode(substr(sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())),
                                        1, 16), 'hex'))::bit(128) || b'00') as bits) b,
         generate_series(0, 25) as i
$fn$;
revoke all on function dsql_local.new_job_id() from public;

-- DSQL's column list and order (EMU index.json sys_jobs_columns). job_id is text: SELECT
-- sys.wait_for_job((SELECT job_id FROM sys.jobs ...)) names it "sys.wait_for_job(text)".
create or replace view sys.jobs as
select j.job_id,
       j.status,
       j.details,
       j.job_type,
       j.class_id,
       -- DSQL assigns it at submission; a build records it in its first transaction, before the
       -- submitting commit is answered, and JobRunner stores it when the build ends.
       coalesce(j.object_id,
                case when j.job_type = 'INDEX_BUILD' and j.status in ('submitted', 'processing') then
                    (select c.oid
                     from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                     where n.nspname || '.' || c.relname = j.object_name)
                end) as object_id,
       case
           when j.object_id is null then j.object_name
           when j.class_id = 'pg_catalog.pg_class'::regclass then
               (select n.nspname || '.' || c.relname
                from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                where c.oid = j.object_id)
           when j.class_id = 'pg_catalog.pg_constraint'::regclass then
               (select n.nspname || '.' || k.conname
                from pg_catalog.pg_constraint k join pg_catalog.pg_namespace n on n.oid = k.connamespace
                where k.oid = j.object_id)
       end as object_name,
       j.start_time,
       j.update_time
from dsql_local.jobs j;
grant select on sys.jobs to public;

-- Queues a job as the calling session's user (never a caller-chosen role), in the caller's
-- transaction: JobRunner only sees it once that transaction commits, and never if it rolls back.
create or replace function dsql_local.enqueue_job(p_job_type text, p_class_id oid, p_object_id oid,
                                                  p_object_name text, p_table_id oid, p_statement text,
                                                  p_search_path text) returns text
language sql volatile security definer
set search_path = pg_catalog, pg_temp
as $fn$
    insert into dsql_local.jobs (job_id, status, job_type, class_id, object_id, object_name, start_time,
                                 run_as, statement, search_path, table_id)
    values (dsql_local.new_job_id(), 'submitted', p_job_type, p_class_id, p_object_id, p_object_name,
            statement_timestamp(), session_user, p_statement, p_search_path, p_table_id)
    returning job_id
$fn$;
revoke all on function dsql_local.enqueue_job(text, oid, oid, text, oid, text, text) from public;

-- DSQL-FACTS §7: at most 24 indexes per table, counting builds already queued for it.
create or replace function dsql_local.check_index_limit(p_table regclass) returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $fn$
begin
    -- A build in progress already has its (not yet valid) index in pg_index: count its job only
    -- while that index does not exist. One snapshot answers both counts (to_regclass would read the
    -- newer catalog snapshot and miss an index committed in between).
    if (select count(*) from pg_index i where i.indrelid = p_table)
       + (select count(*) from dsql_local.jobs j
          where j.job_type = 'INDEX_BUILD' and j.status in ('submitted', 'processing') and j.table_id = p_table
            and not exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname || '.' || c.relname = j.object_name)) >= 24 then
        perform dsql_local.fail('54000', 'more than 24 indexes per table are not allowed');
    end if;
end
$fn$;
revoke all on function dsql_local.check_index_limit(regclass) from public;

-- For the relay: CREATE [UNIQUE] INDEX ASYNC becomes
--   SELECT dsql_local.submit_index_build('<table>', '<index>', '<CREATE ... INDEX CONCURRENTLY ...>',
--                                        pg_catalog.current_setting('search_path')) AS job_id
-- The table argument resolves in the client's session, so a missing table fails right there.
create or replace function dsql_local.submit_index_build(p_table regclass, p_index_name text, p_statement text,
                                                         p_search_path text) returns text
language sql volatile security definer
set search_path = pg_catalog, pg_temp
as $fn$
    select dsql_local.check_index_limit(p_table);
    select dsql_local.enqueue_job('INDEX_BUILD', 'pg_catalog.pg_class'::regclass, null,
                                  n.nspname || '.' || p_index_name, c.oid, p_statement, p_search_path)
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.oid = p_table
$fn$;
revoke all on function dsql_local.submit_index_build(regclass, text, text, text) from public;
grant execute on function dsql_local.submit_index_build(regclass, text, text, text) to public;

-- For the relay, before submit_index_build: DSQL records a new index in its catalog when the
-- statement runs (the job only builds it), so a definition PostgreSQL would refuse (a missing
-- column, a mutable function, a name in use) fails at once. The check builds the index with a
-- false predicate (no rows) in a subtransaction, as the client with its search_path, and always
-- rolls it back, setting included. A table that a writer holds is not waited for (the session's
-- lock_timeout): its build job reports a bad definition then.
create or replace function dsql_local.check_index_definition(p_statement text, p_search_path text) returns void
language plpgsql volatile
as $fn$
begin
    begin
        perform pg_catalog.set_config('search_path', p_search_path, true);
        execute p_statement;
        raise exception using errcode = 'DLV01';
    exception
        when sqlstate 'DLV01' or lock_not_available then
            null;
    end;
end
$fn$;
revoke all on function dsql_local.check_index_definition(text, text) from public;
grant execute on function dsql_local.check_index_definition(text, text) to public;

-- For the relay: ALTER TABLE ASYNC t VALIDATE CONSTRAINT c, likewise.
create or replace function dsql_local.submit_constraint_validation(p_table regclass, p_constraint text,
                                                                   p_statement text, p_search_path text)
returns text
language sql volatile security definer
set search_path = pg_catalog, pg_temp
as $fn$
    -- Like an index, the constraint is looked up when the statement runs: a missing one fails at
    -- once with PostgreSQL's answer, not in a job.
    select dsql_local.fail('42704', pg_catalog.format('constraint "%s" of relation "%s" does not exist',
                                                      p_constraint, c.relname))
    from pg_class c
    where c.oid = p_table
      and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.conname = p_constraint);
    select dsql_local.enqueue_job('VALIDATE_CONSTRAINT', 'pg_catalog.pg_constraint'::regclass,
                                  (select k.oid from pg_constraint k where k.conrelid = c.oid and k.conname = p_constraint),
                                  n.nspname || '.' || p_constraint, c.oid, p_statement, p_search_path)
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.oid = p_table
$fn$;
revoke all on function dsql_local.submit_constraint_validation(regclass, text, text, text) from public;
grant execute on function dsql_local.submit_constraint_validation(regclass, text, text, text) to public;

-- CALL sys.wait_for_job('<job_id>'): one row, one boolean (true completed; false failed, unknown
-- or still pending after five minutes). SELECT sys.wait_for_job(...) fails as on DSQL with 42809
-- "... is a procedure". Transaction control makes it a procedure that must run outside a
-- transaction block: it commits between polls so each poll sees JobRunner's latest update, and
-- inside a block PostgreSQL refuses that first COMMIT (2D000 invalid transaction termination).
-- No SET clause and no SECURITY DEFINER, both of which would forbid COMMIT; it reads sys.jobs,
-- which every role may.
create or replace procedure sys.wait_for_job(job_id text, inout wait_for_job boolean default null)
language plpgsql
as $fn$
declare
    v_id       text := pg_catalog.lower($1);
    v_status   text;
    v_deadline timestamptz;
    v_pause    double precision := 0.002;
begin
    -- DSQL decodes the id into 128 bits (a UUID) before looking it up.
    if v_id is null or v_id !~ '^[a-z2-7]{26}$' then
        perform dsql_local.fail('22P02', 'Unable to convert text to UUID');
    end if;
    commit;
    v_deadline := pg_catalog.clock_timestamp() + interval '5 minutes';
    loop
        select j.status into v_status from sys.jobs j where j.job_id = v_id;
        if v_status is null or v_status = 'failed' then
            wait_for_job := false;
            return;
        elsif v_status = 'completed' then
            wait_for_job := true;
            return;
        elsif pg_catalog.clock_timestamp() >= v_deadline then
            wait_for_job := false;
            return;
        end if;
        -- The pause is a transaction of its own: CREATE INDEX CONCURRENTLY waits for older
        -- snapshots to go, so a build waits at most one pause for this session.
        commit;
        perform pg_catalog.pg_sleep(v_pause);
        commit;
        v_pause := least(v_pause * 2, 0.05);
    end loop;
end
$fn$;
grant execute on procedure sys.wait_for_job(text, boolean) to public;

------------------------------------------------------------------------------------------------
-- Transaction row and size limits (DSQL-FACTS §4, §7): at most 3000 rows inserted, updated or
-- deleted and at most 10 MiB written per transaction; a key (primary or index) at most 1 KiB, a
-- column at most 1 MiB, a row at most 2 MiB. The statement that crosses a limit fails.
-- Statement-level AFTER triggers read their transition table and keep the transaction's totals in
-- transaction-local settings, so an autocommit statement, an explicit transaction and a
-- multi-statement query (one implicit transaction) all add up alike. COPY FROM fires them, and so
-- do the statements FK cascades run on child tables. A row changed twice counts twice.
--
-- Sizes are PostgreSQL's datum sizes of the values written (pg_column_size: uncompressed for a
-- new value, as stored for a value an UPDATE carried over); DSQL does not document its measure.
------------------------------------------------------------------------------------------------

create or replace function dsql_local.count_modified_rows() returns trigger
language plpgsql
as $fn$
declare
    v_rows    bigint;
    v_bytes   bigint;
    v_largest bigint;
    v_set     text;
    v_columns text;
    v_row_sum text;
    v_row     bigint;
    v_key     record;
begin
    -- Qualified names: this runs with the client's search_path (a SET clause would cost a GUC
    -- save and restore on every statement). Assignments rather than PERFORM: PL/pgSQL evaluates
    -- them as simple expressions, without starting the executor.
    if pg_catalog.current_setting('is_superuser') = 'on' then
        -- The backing JDBC URL: plain PostgreSQL, for loading test data and debugging.
        return null;
    end if;
    if TG_OP = 'DELETE' then
        select pg_catalog.count(*) into v_rows from dsql_modified_rows;
        v_bytes := 0;
    else
        select pg_catalog.count(*), pg_catalog.sum(pg_catalog.pg_column_size(r.*)), pg_catalog.max(pg_catalog.pg_column_size(r.*))
          into v_rows, v_bytes, v_largest
        from dsql_modified_rows r;
    end if;
    if v_rows = 0 then
        return null;
    end if;
    v_rows := v_rows + coalesce(nullif(pg_catalog.current_setting('dsql_local.modified_rows', true), '')::bigint, 0);
    if v_rows > 3000 then
        perform dsql_local.fail('54000', 'transaction row limit exceeded');
    end if;
    v_set := pg_catalog.set_config('dsql_local.modified_rows', v_rows::text, true);
    if v_bytes > 0 then
        -- The slow path, only for a statement that wrote a row larger than the smallest limit
        -- (a whole row is never smaller than any one of its keys or columns): each index key,
        -- each column, each row, in that order. Inline, because the transition table is visible
        -- to this function's queries only. Expression keys (attnum 0) are not measured.
        if v_largest > 1024 then
            for v_key in
                select pg_catalog.string_agg(pg_catalog.format('coalesce(pg_catalog.pg_column_size(r.%I), 0)', a.attname), ' + ') as expr
                from pg_catalog.pg_index i
                cross join lateral pg_catalog.unnest(i.indkey::int2[]) with ordinality as k(attnum, pos)
                join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                where i.indrelid = TG_RELID and k.pos <= i.indnkeyatts
                group by i.indexrelid
            loop
                execute 'select pg_catalog.max(' || v_key.expr || ') from dsql_modified_rows r' into v_row;
                if v_row > 1024 then
                    perform dsql_local.fail('54000', 'key size too large');
                end if;
            end loop;
            select pg_catalog.string_agg(pg_catalog.format('coalesce(pg_catalog.pg_column_size(r.%I), 0)', a.attname), ', '),
                   pg_catalog.string_agg(pg_catalog.format('coalesce(pg_catalog.pg_column_size(r.%I), 0)', a.attname), ' + ')
              into v_columns, v_row_sum
            from pg_catalog.pg_attribute a
            where a.attrelid = TG_RELID and a.attnum > 0 and not a.attisdropped;
            execute 'select pg_catalog.max(greatest(' || v_columns || ')), pg_catalog.max(' || v_row_sum || ') from dsql_modified_rows r'
                into v_largest, v_row;
            if v_largest > 1048576 then
                perform dsql_local.fail('54000', 'maximum column size exceeded');
            end if;
            if v_row > 2097152 then
                perform dsql_local.fail('54000', 'maximum row size exceeded');
            end if;
        end if;
        v_bytes := v_bytes + coalesce(nullif(pg_catalog.current_setting('dsql_local.modified_bytes', true), '')::bigint, 0);
        if v_bytes > 10485760 then
            perform dsql_local.fail('54000', 'transaction size limit 10mb exceeded',
                                    'Current transaction size ' || ceil(v_bytes / 1048576.0)::bigint || 'mb 10mb');
        end if;
        v_set := pg_catalog.set_config('dsql_local.modified_bytes', v_bytes::text, true);
    end if;
    return null;
end
$fn$;
revoke all on function dsql_local.count_modified_rows() from public;
grant execute on function dsql_local.count_modified_rows() to public;

------------------------------------------------------------------------------------------------
-- Column rules, asked of the catalog after CREATE TABLE / ALTER TABLE has run (DSQL-FACTS §8, §9,
-- §11). Raising here aborts the statement, so a refused table never exists.
------------------------------------------------------------------------------------------------

-- The display name of a type DSQL refuses as a column type, or null. Domains are judged by their
-- base type. Arrays, ranges, multiranges, geometric, network-address and bit-string types are
-- refused as whole categories; the rest by name.
create or replace function dsql_local.refused_column_type(p_type oid) returns text
language sql stable
set search_path = pg_catalog, pg_temp
as $fn$
    with recursive base(oid) as (
        select p_type
        union all
        select t.typbasetype from base b join pg_type t on t.oid = b.oid where t.typtype = 'd'
    )
    select format_type(t.oid, null)
    from base b join pg_type t on t.oid = b.oid
    where t.typtype <> 'd'
      and (t.typcategory in ('A', 'G', 'I', 'V')
           or t.typtype in ('r', 'm')
           or t.oid in ('money'::regtype, 'xml'::regtype, 'macaddr'::regtype, 'macaddr8'::regtype,
                        'tsvector'::regtype, 'tsquery'::regtype, 'pg_lsn'::regtype))
$fn$;
revoke all on function dsql_local.refused_column_type(oid) from public;

-- DSQL-FACTS §9: a table's primary key is fixed when the table is made; neither a key column nor
-- the key itself can be dropped. sql_drop sees the catalog after the drop, so each table's key is
-- recorded here when CREATE/ALTER TABLE ends, and the drop is judged in the client's own session
-- (its search_path resolved the table).
create table if not exists dsql_local.primary_keys (
    table_id      oid primary key,
    constraint_id oid not null,
    columns       int2[] not null
);
revoke all on dsql_local.primary_keys from public;
-- Tables made before keys were recorded here (a data directory kept from an earlier release).
insert into dsql_local.primary_keys (table_id, constraint_id, columns)
select k.conrelid, k.oid, k.conkey
from pg_catalog.pg_constraint k
join pg_catalog.pg_class c on c.oid = k.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where k.contype = 'p'
  and n.nspname not in ('pg_catalog', 'information_schema', 'dsql_local', 'sys')
  and n.nspname not like 'pg\_%'
on conflict (table_id) do nothing;

create or replace function dsql_local.on_table_ddl() returns event_trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $fn$
declare
    v_cmd     record;
    v_col     record;
    v_refused text;
    v_xact_age integer;
begin
    if (select r.rolsuper from pg_roles r where r.rolname = session_user) then
        return;
    end if;
    v_xact_age := age(pg_current_xact_id()::xid);
    for v_cmd in
        select distinct d.objid, d.command_tag
        from pg_event_trigger_ddl_commands() d
        where d.classid = 'pg_class'::regclass and d.object_type = 'table'
    loop
        -- Only columns this transaction wrote (all of a new table's; an ALTER's added or changed
        -- ones), so a table made by a superuser keeps what it has. age() orders xids safely
        -- across wraparound; subtransaction xids are younger than their top-level one.
        for v_col in
            select a.attname, a.atttypid, a.atttypmod, a.attidentity
            from pg_attribute a
            where a.attrelid = v_cmd.objid and a.attnum > 0 and not a.attisdropped
              and age(a.xmin) <= v_xact_age
            order by a.attnum
        loop
            v_refused := dsql_local.refused_column_type(v_col.atttypid);
            if v_refused is not null then
                perform dsql_local.fail('0A000', format('datatype %s not supported', v_refused));
            end if;
            if v_col.attidentity <> '' and v_col.atttypid <> 'bigint'::regtype then
                perform dsql_local.fail('0A000', format('datatype %s not supported, identity column type must be bigint',
                                                        format_type(v_col.atttypid, null)));
            end if;
        end loop;

        -- DSQL stores a numeric declared without precision and scale as numeric(18,6). ALTER TYPE
        -- re-coerces defaults and stored values; a column a generated column reads cannot be
        -- altered (PostgreSQL refuses) and stays unconstrained. The nested ALTER TABLE fires this
        -- trigger again and finds nothing left to do.
        for v_col in
            select a.attname
            from pg_attribute a
            where a.attrelid = v_cmd.objid and a.attnum > 0 and not a.attisdropped
              and age(a.xmin) <= v_xact_age
              and a.atttypid = 'numeric'::regtype and a.atttypmod = -1
            order by a.attnum
        loop
            begin
                execute format('alter table %s alter column %I type numeric(18,6)', v_cmd.objid::regclass, v_col.attname);
            exception when feature_not_supported then
                null;
            end;
        end loop;

        if v_cmd.command_tag = 'CREATE TABLE'
           and (select c.relkind from pg_class c where c.oid = v_cmd.objid) = 'r'
           and not exists (select 1 from pg_trigger t where t.tgrelid = v_cmd.objid
                                                      and t.tgname = 'dsql_local_row_limit_insert') then
            execute format('create trigger dsql_local_row_limit_insert after insert on %s '
                           'referencing new table as dsql_modified_rows for each statement '
                           'execute function dsql_local.count_modified_rows()', v_cmd.objid::regclass);
            execute format('create trigger dsql_local_row_limit_update after update on %s '
                           'referencing new table as dsql_modified_rows for each statement '
                           'execute function dsql_local.count_modified_rows()', v_cmd.objid::regclass);
            execute format('create trigger dsql_local_row_limit_delete after delete on %s '
                           'referencing old table as dsql_modified_rows for each statement '
                           'execute function dsql_local.count_modified_rows()', v_cmd.objid::regclass);
        end if;

        delete from dsql_local.primary_keys k where k.table_id = v_cmd.objid;
        insert into dsql_local.primary_keys (table_id, constraint_id, columns)
        select k.conrelid, k.oid, k.conkey from pg_constraint k
        where k.conrelid = v_cmd.objid and k.contype = 'p';

        -- DSQL accepts ALTER TABLE ... DISABLE TRIGGER ALL|USER, but its row limit cannot be turned off.
        for v_col in
            select t.tgname from pg_trigger t
            where t.tgrelid = v_cmd.objid and t.tgname like 'dsql\_local\_row\_limit\_%' and t.tgenabled = 'D'
        loop
            execute format('alter table %s enable trigger %I', v_cmd.objid::regclass, v_col.tgname);
        end loop;
    end loop;
end
$fn$;
revoke all on function dsql_local.on_table_ddl() from public;

-- DSQL records a completed DROP job for each dropped table (EMU index.json) and, here, for an
-- index dropped by name; in the dropping transaction, so a rolled-back DROP leaves no job.
-- It also refuses dropping a recorded primary-key column or key (see dsql_local.primary_keys).
create or replace function dsql_local.on_sql_drop() returns event_trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $fn$
declare
    v_name text;
begin
    if (select r.rolsuper from pg_roles r where r.rolname = session_user) then
        return;
    end if;
    select d.address_names[3] into v_name
    from pg_event_trigger_dropped_objects() d join dsql_local.primary_keys k on k.table_id = d.objid
    where d.object_type = 'table column' and d.original and d.objsubid = any (k.columns)
    limit 1;
    if v_name is not null then
        perform dsql_local.fail('0A000', format('cannot drop primary key column %s', v_name));
    end if;
    select d.address_names[3] into v_name
    from pg_event_trigger_dropped_objects() d join dsql_local.primary_keys k on k.constraint_id = d.objid
    where d.object_type = 'table constraint' and d.original
    limit 1;
    if v_name is not null then
        perform dsql_local.fail('0A000', format('cannot drop primary key constraint %s', v_name));
    end if;
    delete from dsql_local.primary_keys k
    using pg_event_trigger_dropped_objects() d
    where d.object_type = 'table' and k.table_id = d.objid;
    insert into dsql_local.jobs (job_id, status, job_type, class_id, object_id, start_time, update_time)
    select dsql_local.new_job_id(), 'completed', 'DROP', d.classid, d.objid, now(), now()
    from pg_event_trigger_dropped_objects() d
    where d.classid = 'pg_class'::regclass
      and (d.object_type = 'table' or (d.object_type = 'index' and d.original));
end
$fn$;
revoke all on function dsql_local.on_sql_drop() from public;

drop event trigger if exists dsql_local_table_ddl;
create event trigger dsql_local_table_ddl on ddl_command_end
    when tag in ('CREATE TABLE', 'ALTER TABLE')
    execute function dsql_local.on_table_ddl();

drop event trigger if exists dsql_local_sql_drop;
create event trigger dsql_local_sql_drop on sql_drop
    execute function dsql_local.on_sql_drop();

------------------------------------------------------------------------------------------------
-- Object limits (DSQL-FACTS §7, UG CHAP_quotas) that one catalog count can check when the object is made.
-- sys and dsql_local are DSQL's and ours, not the user's, so they do not count.
------------------------------------------------------------------------------------------------

create or replace function dsql_local.on_object_create() returns event_trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $fn$
declare
    v_count bigint;
begin
    if (select r.rolsuper from pg_roles r where r.rolname = session_user) then
        return;
    end if;
    if tg_tag = 'CREATE SCHEMA' then
        select count(*) into v_count from pg_namespace n
        where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'sys', 'dsql_local')
          and n.nspname not like 'pg\_temp\_%' and n.nspname not like 'pg\_toast\_temp\_%';
        if v_count > 10 then
            perform dsql_local.fail('54000', 'more than 10 schemas not allowed');
        end if;
    elsif tg_tag in ('CREATE TABLE', 'CREATE VIEW') then
        select count(*) into v_count from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = any (case when tg_tag = 'CREATE TABLE' then array['r', 'p'] else array['v'] end::"char"[])
          and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'sys', 'dsql_local');
        if tg_tag = 'CREATE TABLE' and v_count > 1000 then
            perform dsql_local.fail('54000', 'creating more than 1000 tables not allowed');
        elsif tg_tag = 'CREATE VIEW' and v_count > 5000 then
            perform dsql_local.fail('54000', 'creating more than 5000 views not allowed');
        end if;
    end if;
    if tg_tag = 'CREATE SEQUENCE' or (tg_tag = 'CREATE TABLE' and exists (
            select 1 from pg_event_trigger_ddl_commands() c where c.object_type = 'sequence')) then
        -- UG CHAP_quotas: 5 000 sequences per database; an identity column's sequence is one too.
        select count(*) into v_count from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'S'
          and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'sys', 'dsql_local');
        if v_count > 5000 then
            perform dsql_local.fail('54000', 'creating more than 5000 sequences is not allowed');
        end if;
    elsif tg_tag = 'CREATE STATISTICS' then
        -- UG create-statistics-syntax-support / CHAP_quotas: at most 5 per table.
        select count(*) into v_count from pg_statistic_ext s
        where s.stxrelid in (select x.stxrelid from pg_event_trigger_ddl_commands() c
                             join pg_statistic_ext x on x.oid = c.objid
                             where c.classid = 'pg_statistic_ext'::regclass);
        if v_count > 5 then
            perform dsql_local.fail('54000', 'more than 5 extended statistics per table are not allowed');
        end if;
    end if;
end
$fn$;
revoke all on function dsql_local.on_object_create() from public;

drop event trigger if exists dsql_local_object_limits;
create event trigger dsql_local_object_limits on ddl_command_end
    when tag in ('CREATE SCHEMA', 'CREATE TABLE', 'CREATE VIEW', 'CREATE SEQUENCE', 'CREATE STATISTICS')
    execute function dsql_local.on_object_create();
