package io.dsqlkit.local.internal.classify;

import io.dsqlkit.local.internal.classify.CaseTable.Case;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: every refusal rule the classifier applies and every accepted form of DSQL-FACTS §3–§14. */
class StatementClassifierTest {

    static final String LEXER_HOSTILE = """
            QUERY ok :: select 'MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE'
            QUERY ok :: select "truncate" from t
            QUERY ok :: /* savepoint */ select 1
            QUERY ok :: select 1 -- FOR SHARE
            QUERY ok :: select $$ TRUNCATE t; SAVEPOINT x $$
            QUERY ok :: select $tag$ LISTEN x; VACUUM $tag$
            QUERY ok :: select * from t where note = 'x FOR SHARE'
            QUERY ok :: select "tablesample" from t
            QUERY ok :: SELECT 'x TABLESAMPLE SYSTEM (1)' FROM t
            QUERY ok :: SELECT E'\\' SAVEPOINT s' AS e
            QUERY ok :: select 1 /* FOR UPDATE of a, b */ from t, u
            QUERY ok :: select line_id, circle_id, path, "point" from t
            QUERY ok :: select to_tsvector(body) from docs
            QUERY ok :: select "merge" from "truncate"
            DDL ok :: CREATE TABLE "temp" (id int)
            DDL ok :: CREATE TABLE t (note text DEFAULT 'serial')
            DDL ok :: CREATE TABLE t ("serial" int, "money" text)
            DDL ok :: CREATE TABLE t (v "text")
            DDL ok :: COMMENT ON TABLE t IS 'TRUNCATE me; VACUUM; CREATE TEMP TABLE'
            DDL ok :: CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 -- LANGUAGE plpgsql $$
            DDL ok :: CREATE FUNCTION f() RETURNS text LANGUAGE sql AS 'SELECT ''LANGUAGE plpgsql'''
            DDL ok :: CREATE INDEX ASYNC "concurrently" ON t (v)
            SESSION ok :: SET application_name = 'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE'
            DML ok :: INSERT INTO t (v) VALUES ('/* */ MERGE -- TABLESAMPLE')
            """;

    static final String SESSION = """
            # §3 session settings
            SESSION 0A000 setting configuration parameter "TRANSACTION" not supported :: SET TRANSACTION ISOLATION LEVEL REPEATABLE READ
            SESSION 0A000 setting configuration parameter "TRANSACTION" not supported :: SET TRANSACTION READ ONLY
            SESSION 0A000 setting configuration parameter "TRANSACTION" not supported :: set transaction read write
            SESSION 0A000 setting configuration parameter "TRANSACTION" not supported :: SET TRANSACTION DEFERRABLE
            SESSION 0A000 setting configuration parameter "TRANSACTION" not supported :: SET LOCAL TRANSACTION ISOLATION LEVEL REPEATABLE READ
            SESSION 0A000 setting configuration parameter "TRANSACTION" not supported :: SET SESSION TRANSACTION READ ONLY
            SESSION 0A000 Unsupported isolation level: SERIALIZABLE :: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE
            SESSION 0A000 Unsupported isolation level: READ COMMITTED :: SET TRANSACTION ISOLATION LEVEL READ COMMITTED
            SESSION 0A000 Unsupported isolation level: READ UNCOMMITTED :: SET TRANSACTION READ ONLY, ISOLATION LEVEL READ UNCOMMITTED
            SESSION 0A000 setting configuration parameter "TRANSACTION SNAPSHOT" not supported :: SET TRANSACTION SNAPSHOT '00000003-0000001B-1'
            SESSION 0A000 setting configuration parameter "default_transaction_isolation" not supported :: SET default_transaction_isolation = 'repeatable read'
            SESSION 0A000 setting configuration parameter "default_transaction_isolation" not supported :: SET default_transaction_isolation TO 'serializable'
            SESSION 0A000 setting configuration parameter "default_transaction_isolation" not supported :: SET SESSION DEFAULT_TRANSACTION_ISOLATION = 'repeatable read'
            SESSION 0A000 setting configuration parameter "transaction_isolation" not supported :: SET transaction_isolation = 'repeatable read'
            SESSION 0A000 setting configuration parameter "SESSION CHARACTERISTICS" not supported :: SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ
            SESSION 0A000 setting configuration parameter "SESSION CHARACTERISTICS" not supported :: SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY
            SESSION 0A000 Unsupported isolation level: SERIALIZABLE :: SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE
            SESSION 0A000 Unsupported isolation level: READ COMMITTED :: set session characteristics as transaction isolation level read committed
            SESSION ok :: SET search_path = public, app
            SESSION ok :: SET TIME ZONE 'UTC'
            SESSION ok :: SET dsql.enable_batched_nestloop = on
            SESSION ok :: SET statement_timeout TO 5000
            SESSION ok :: SET LOCAL work_mem = '8MB'
            SESSION 0A000 setting configuration parameter "session_authorization" not supported :: SET SESSION AUTHORIZATION DEFAULT
            SESSION 0A000 setting configuration parameter "role" not supported :: SET ROLE app
            SESSION 0A000 setting configuration parameter "role" not supported :: SET LOCAL ROLE 'postgres'
            SESSION 0A000 setting configuration parameter "role" not supported :: SET role = app
            SESSION 0A000 setting configuration parameter "client_min_messages" not supported :: SET client_min_messages TO warning
            SESSION 0A000 setting configuration parameter "response.headers" not supported :: SET "response.headers" = '[]'
            SESSION 0A000 setting configuration parameter "request.jwt.claims" not supported :: set local request.jwt.claims = '{}'
            QUERY 0A000 setting configuration parameter "response.headers" not supported :: select set_config('response.headers', '[]', true)
            QUERY 0A000 setting configuration parameter "role" not supported :: SELECT set_config('role', 'web_user', true), set_config('search_path', 'api', true)
            QUERY ok :: SELECT set_config('search_path', 'api, public', true)
            SESSION ok :: SET dsql.enable_batched_nestloop TO off
            SESSION ok :: SET application_name = 'app'
            SESSION ok :: SET CONSTRAINTS ALL DEFERRED
            SESSION ok :: SET CONSTRAINTS fk_a, fk_b IMMEDIATE
            SESSION ok :: RESET ALL
            SESSION ok :: RESET search_path
            QUERY 42704 unrecognized configuration parameter "lc_collate" :: SHOW lc_collate
            QUERY 42704 unrecognized configuration parameter "lc_ctype" :: show LC_CTYPE
            QUERY ok :: SHOW server_version
            QUERY ok :: SHOW transaction_isolation
            QUERY ok :: SHOW ALL
            QUERY ok :: SHOW TIME ZONE
            SESSION ok :: DISCARD PLANS
            SESSION ok :: DISCARD SEQUENCES
            SESSION 0A000 unsupported statement: Discard :: DISCARD ALL
            SESSION ok :: DEALLOCATE ALL
            SESSION ok :: DEALLOCATE PREPARE s1
            SESSION 0A000 unsupported statement: Prepare :: PREPARE q (int) AS SELECT $1
            UNKNOWN ok :: EXECUTE q (1)
            """;

    static final String TRANSACTIONS = """
            # §4 transactions and isolation
            TRANSACTION ok :: BEGIN
            TRANSACTION ok :: BEGIN WORK
            TRANSACTION ok :: begin transaction read only
            TRANSACTION ok :: BEGIN READ WRITE
            TRANSACTION ok :: BEGIN DEFERRABLE
            TRANSACTION ok :: BEGIN ISOLATION LEVEL REPEATABLE READ
            TRANSACTION ok :: START TRANSACTION
            TRANSACTION ok :: START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY
            TRANSACTION 0A000 Unsupported isolation level: SERIALIZABLE :: BEGIN ISOLATION LEVEL SERIALIZABLE
            TRANSACTION 0A000 Unsupported isolation level: SERIALIZABLE :: begin transaction isolation level serializable read only deferrable
            TRANSACTION 0A000 Unsupported isolation level: READ COMMITTED :: START TRANSACTION ISOLATION LEVEL READ COMMITTED
            TRANSACTION 0A000 Unsupported isolation level: READ UNCOMMITTED :: BEGIN READ ONLY, ISOLATION LEVEL READ UNCOMMITTED
            TRANSACTION ok :: COMMIT
            TRANSACTION ok :: COMMIT WORK
            TRANSACTION ok :: COMMIT AND NO CHAIN
            TRANSACTION ok :: END
            TRANSACTION ok :: END TRANSACTION
            TRANSACTION ok :: ROLLBACK
            TRANSACTION ok :: ROLLBACK WORK
            TRANSACTION ok :: ABORT
            TRANSACTION 0A000 unsupported transaction statement: SAVEPOINT :: SAVEPOINT sp1
            TRANSACTION 0A000 unsupported transaction statement: RELEASE :: RELEASE SAVEPOINT sp1
            TRANSACTION 0A000 unsupported transaction statement: RELEASE :: release sp1
            TRANSACTION 0A000 unsupported transaction statement: ROLLBACK TO :: ROLLBACK TO SAVEPOINT sp1
            TRANSACTION 0A000 unsupported transaction statement: ROLLBACK TO :: ROLLBACK TO sp1
            TRANSACTION 0A000 unsupported transaction statement: ROLLBACK TO :: ROLLBACK WORK TO SAVEPOINT sp1
            TRANSACTION 0A000 unsupported transaction statement: PREPARE TRANSACTION :: PREPARE TRANSACTION 'gid-1'
            TRANSACTION 0A000 unsupported transaction statement: COMMIT PREPARED :: COMMIT PREPARED 'gid-1'
            TRANSACTION 0A000 unsupported transaction statement: ROLLBACK PREPARED :: ROLLBACK PREPARED 'gid-1'
            """;

    static final String TYPES = """
            # §8 column types, CREATE TABLE and ALTER TABLE ADD COLUMN alike
            DDL ok :: CREATE TABLE t (a smallint, b integer, c bigint, d real, e double precision, f numeric, g numeric(18,6), h decimal(10,2), i character(10), j character varying(20), k bpchar(5), l text, m date, n time, o time with time zone, p timestamp, q timestamp with time zone, r interval, s boolean, u bytea, v uuid, w json, x jsonb)
            DDL ok :: CREATE TABLE t (a int2, b int4, c int8, d float4, e float8, f bool, g varchar(5), h char(5), i dec, j timetz, k timestamptz)
            DDL ok :: CREATE TABLE t (a float, b float(10), c timestamp(3) without time zone, d interval day to second, e interval(6), f numeric(1000, 20))
            DDL ok :: CREATE TABLE t (c char(4096), v varchar(65535), w character varying(65535))
            DDL ok :: CREATE TABLE t (v my_domain, w app.other_domain)
            DDL 0A000 length for type char cannot exceed 4096 :: CREATE TABLE t (c char(4097))
            DDL 0A000 length for type char cannot exceed 4096 :: CREATE TABLE t (c bpchar(5000))
            DDL 0A000 length for type varchar cannot exceed 65535 :: CREATE TABLE t (v varchar(65536))
            DDL 0A000 length for type varchar cannot exceed 65535 :: CREATE TABLE t (v character varying(100000))
            DDL 0A000 datatype money not supported :: CREATE TABLE t (v money)
            DDL 0A000 datatype xml not supported :: CREATE TABLE t (v xml)
            DDL 0A000 datatype inet not supported :: CREATE TABLE t (id int, v inet NOT NULL)
            DDL 0A000 datatype cidr not supported :: CREATE TABLE t (v cidr)
            DDL 0A000 datatype macaddr not supported :: CREATE TABLE t (v macaddr)
            DDL 0A000 datatype macaddr8 not supported :: CREATE TABLE t (v macaddr8)
            DDL 0A000 datatype point not supported :: CREATE TABLE t (v point)
            DDL 0A000 datatype point not supported :: CREATE TABLE t (v pg_catalog.point)
            DDL 0A000 datatype line not supported :: CREATE TABLE t (v line)
            DDL 0A000 datatype lseg not supported :: CREATE TABLE t (v lseg)
            DDL 0A000 datatype box not supported :: CREATE TABLE t (v box)
            DDL 0A000 datatype path not supported :: CREATE TABLE t (v path)
            DDL 0A000 datatype polygon not supported :: CREATE TABLE t (v polygon)
            DDL 0A000 datatype circle not supported :: CREATE TABLE t (v circle)
            DDL 0A000 datatype tsvector not supported :: CREATE TABLE t (v tsvector)
            DDL 0A000 datatype tsquery not supported :: CREATE TABLE t (v tsquery)
            DDL 0A000 datatype int4range not supported :: CREATE TABLE t (v int4range)
            DDL 0A000 datatype int8range not supported :: CREATE TABLE t (v int8range)
            DDL 0A000 datatype numrange not supported :: CREATE TABLE t (v numrange)
            DDL 0A000 datatype tsrange not supported :: CREATE TABLE t (v tsrange)
            DDL 0A000 datatype tstzrange not supported :: CREATE TABLE t (v tstzrange)
            DDL 0A000 datatype daterange not supported :: CREATE TABLE t (v daterange)
            DDL 0A000 datatype int4multirange not supported :: CREATE TABLE t (v int4multirange)
            DDL 0A000 datatype pg_lsn not supported :: CREATE TABLE t (v pg_lsn)
            DDL 0A000 datatype bit not supported :: CREATE TABLE t (v bit(8))
            DDL 0A000 datatype bit not supported :: CREATE TABLE t (v BIT)
            DDL 0A000 datatype bit varying not supported :: CREATE TABLE t (v varbit(8))
            DDL 0A000 datatype bit varying not supported :: CREATE TABLE t (v bit varying(8))
            DDL 0A000 datatype integer[] not supported :: CREATE TABLE t (v int[])
            DDL 0A000 datatype integer[] not supported :: CREATE TABLE t (v int4[])
            DDL 0A000 datatype integer[] not supported :: CREATE TABLE t (v integer ARRAY)
            DDL 0A000 datatype integer[] not supported :: CREATE TABLE t (v int[3][3])
            DDL 0A000 datatype integer[] not supported :: CREATE TABLE t (v _int4)
            DDL 0A000 datatype text[] not supported :: CREATE TABLE t (v text[])
            DDL 0A000 datatype character varying[] not supported :: CREATE TABLE t (v varchar(10)[])
            DDL 0A000 datatype double precision[] not supported :: CREATE TABLE t (v float8[])
            DDL 0A000 datatype timestamp with time zone[] not supported :: CREATE TABLE t (v timestamptz[])
            DDL 0A000 datatype money[] not supported :: CREATE TABLE t (v money[])
            DDL 0A000 datatype uuid[] not supported :: CREATE TABLE t (ids uuid[] NOT NULL)
            DDL 42704 type "serial" does not exist :: CREATE TABLE t (id serial PRIMARY KEY)
            DDL 42704 type "serial" does not exist :: CREATE TABLE t (id SERIAL)
            DDL 42704 type "bigserial" does not exist :: CREATE TABLE t (id bigserial PRIMARY KEY)
            DDL 42704 type "smallserial" does not exist :: CREATE TABLE t (id smallserial)
            DDL 42704 type "serial8" does not exist :: CREATE TABLE t (id serial8)
            DDL 42704 type "serial4" does not exist :: CREATE TABLE t (a text, id serial4)
            DDL 0A000 datatype money not supported :: CREATE TABLE t (a money, b serial)
            DDL 0A000 datatype money not supported :: ALTER TABLE t ADD COLUMN bad_money money
            DDL 0A000 datatype text[] not supported :: ALTER TABLE t ADD COLUMN bad_array text[]
            DDL 0A000 datatype bit varying not supported :: ALTER TABLE t ADD v varbit
            DDL 42704 type "serial" does not exist :: ALTER TABLE t ADD COLUMN bad_serial serial
            DDL 42704 type "bigserial" does not exist :: ALTER TABLE t ADD COLUMN IF NOT EXISTS id bigserial
            DDL 0A000 length for type varchar cannot exceed 65535 :: ALTER TABLE t ADD COLUMN v varchar(70000)
            """;

    static final String CREATE_TABLE = """
            # §9 CREATE TABLE forms
            DDL ok :: CREATE TABLE t (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL)
            DDL ok :: CREATE TABLE IF NOT EXISTS app.t (id bigint PRIMARY KEY, v varchar(255) NULL)
            DDL ok :: CREATE TABLE t (LIKE src INCLUDING ALL)
            DDL ok :: CREATE TABLE t (id int, v text STORAGE EXTERNAL)
            DDL ok :: CREATE TABLE t (id int, v text CHECK (length(v) < 10), CONSTRAINT t_pk PRIMARY KEY (id))
            DDL ok :: CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED)
            DDL ok :: CREATE TABLE t (a int UNIQUE NULLS NOT DISTINCT, b int, UNIQUE (a, b))
            DDL ok :: CREATE TABLE t (a int, b int, c int, d int, e int, f int, g int, h int, PRIMARY KEY (a, b, c, d, e, f, g, h))
            DDL ok :: CREATE TABLE t (id int) WITHOUT OIDS
            DDL ok :: CREATE TABLE baseline_enum_check (id int, m text CHECK (m IN ('sad', 'ok')))
            DDL 0A000 TEMPORARY or TEMP table not supported for CREATE TABLE :: CREATE TEMP TABLE t (id int)
            DDL 0A000 TEMPORARY or TEMP table not supported for CREATE TABLE :: CREATE TEMPORARY TABLE t (id int)
            DDL 0A000 TEMPORARY or TEMP table not supported for CREATE TABLE :: CREATE GLOBAL TEMPORARY TABLE t (id int)
            DDL 0A000 TEMPORARY or TEMP table not supported for CREATE TABLE :: CREATE LOCAL TEMP TABLE t (id serial) ON COMMIT DROP
            DDL 0A000 UNLOGGED table not supported for CREATE TABLE :: CREATE UNLOGGED TABLE t (id int)
            DDL 0A000 unsupported statement: CreateTableAs :: CREATE TABLE t AS SELECT 1 AS x
            DDL 0A000 unsupported statement: CreateTableAs :: CREATE TABLE t (a) AS VALUES (1)
            DDL 0A000 unsupported statement: CreateTableAs :: CREATE TEMP TABLE t AS SELECT 1
            DDL 0A000 unsupported statement: CreateTableAs :: CREATE TABLE IF NOT EXISTS t AS TABLE s WITH NO DATA
            DDL 0A000 unsupported statement: CreateTableAs :: CREATE TABLE t AS EXECUTE q
            DDL 0A000 unsupported statement: CreateTableAs :: CREATE MATERIALIZED VIEW mv AS SELECT 1
            DDL 0A000 unsupported statement: CreateTableAs :: SELECT 1 AS x INTO t2
            DDL 0A000 unsupported statement: CreateTableAs :: SELECT * INTO TEMP t2 FROM t WHERE id > 1
            DDL 0A000 PARTITION BY clause not supported for CREATE TABLE :: CREATE TABLE t (id int, d date) PARTITION BY RANGE (d)
            DDL 0A000 PARTITION OF clause not supported for CREATE TABLE :: CREATE TABLE t_2026 PARTITION OF t FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')
            DDL 0A000 INHERITS clause not supported for CREATE TABLE :: CREATE TABLE c (x int) INHERITS (p)
            DDL 0A000 TABLESPACE clause not supported for CREATE TABLE :: CREATE TABLE t (id int) TABLESPACE pg_default
            DDL 0A000 WITH clause not supported for CREATE TABLE :: CREATE TABLE t (id int) WITH (fillfactor = 70)
            # UG create-table-syntax-support: no EXCLUDE among the table constraints
            DDL 0A000 EXCLUDE constraint not supported for CREATE TABLE :: CREATE TABLE t (id int, r int, EXCLUDE USING btree (r WITH =))
            DDL 0A000 EXCLUDE constraint not supported for CREATE TABLE :: CREATE TABLE t (id int PRIMARY KEY, r int, CONSTRAINT ex EXCLUDE (r WITH =))
            DDL ok :: CREATE TABLE t ("exclude" int, exclude text)
            DDL 0A000 ON COMMIT clause not supported for CREATE TABLE :: CREATE TABLE t (id int) ON COMMIT PRESERVE ROWS
            DDL 0A000 COLLATE clause not supported :: CREATE TABLE t (v text COLLATE "C")
            DDL 0A000 COLLATE clause not supported :: CREATE TABLE t (id int, v text COLLATE "en_US" NOT NULL)
            DDL 0A000 COMPRESSION clause not supported for CREATE TABLE :: CREATE TABLE t (v text COMPRESSION pglz)
            DDL 54011 more than 8 column keys in an index are not supported :: CREATE TABLE t (a int, b int, c int, d int, e int, f int, g int, h int, i int, PRIMARY KEY (a, b, c, d, e, f, g, h, i))
            DDL 54011 more than 8 column keys in an index are not supported :: CREATE TABLE t (a int, b int, c int, d int, e int, f int, g int, h int, i int, CONSTRAINT u UNIQUE NULLS NOT DISTINCT (a, b, c, d, e, f, g, h, i))
            # §10 foreign keys
            DDL ok :: CREATE TABLE c (id uuid PRIMARY KEY, p uuid REFERENCES parent(id) ON DELETE CASCADE)
            DDL ok :: CREATE TABLE c (id uuid PRIMARY KEY, p uuid REFERENCES parent ON DELETE SET NULL ON UPDATE RESTRICT)
            DDL ok :: CREATE TABLE c (id uuid PRIMARY KEY, p uuid DEFAULT '00000000-0000-0000-0000-000000000000' REFERENCES parent(id) ON DELETE SET DEFAULT)
            DDL ok :: CREATE TABLE c (id uuid PRIMARY KEY, p uuid REFERENCES parent(id) ON DELETE NO ACTION ON UPDATE CASCADE)
            DDL ok :: CREATE TABLE c (a int, b int, CONSTRAINT c_fk FOREIGN KEY (a, b) REFERENCES p (a, b) MATCH FULL ON DELETE SET NULL (a))
            DDL ok :: CREATE TABLE c (id int PRIMARY KEY, p uuid REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)
            DDL ok :: CREATE TABLE c (id int PRIMARY KEY, p uuid REFERENCES parent(id) MATCH SIMPLE NOT DEFERRABLE INITIALLY IMMEDIATE)
            """;

    static final String IDENTITY = """
            # §11 sequences and identity columns
            DDL ok :: CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY (CACHE 65536) PRIMARY KEY, v text)
            DDL ok :: CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY (CACHE 1) PRIMARY KEY)
            DDL ok :: CREATE TABLE t (id int8 GENERATED BY DEFAULT AS IDENTITY (START WITH 1 INCREMENT BY 1 CACHE 65536))
            DDL ok :: CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000000 NO CYCLE), v text)
            DDL ok :: CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY (CACHE 65_536))
            DDL 0A000 identity column is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, value text)
            DDL 0A000 identity column is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10))
            DDL 0A000 identity column is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY (CACHE 1000))
            DDL 0A000 identity column is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY (CACHE 65535))
            DDL 0A000 datatype integer not supported, identity column type must be bigint :: CREATE TABLE t (id integer GENERATED BY DEFAULT AS IDENTITY (CACHE 1) PRIMARY KEY)
            DDL 0A000 datatype integer not supported, identity column type must be bigint :: CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY (CACHE 65536))
            DDL 0A000 datatype smallint not supported, identity column type must be bigint :: CREATE TABLE t (id smallint GENERATED BY DEFAULT AS IDENTITY (CACHE 1) PRIMARY KEY)
            DDL 0A000 datatype smallint not supported, identity column type must be bigint :: CREATE TABLE t (id int2 GENERATED BY DEFAULT AS IDENTITY (CACHE 1))
            DDL 0A000 datatype numeric not supported, identity column type must be bigint :: CREATE TABLE t (id numeric GENERATED BY DEFAULT AS IDENTITY (CACHE 1))
            DDL ok :: CREATE SEQUENCE s CACHE 65536
            DDL ok :: CREATE SEQUENCE s CACHE 1
            DDL ok :: CREATE SEQUENCE IF NOT EXISTS app.s CACHE 65536 AS bigint INCREMENT BY 1 MINVALUE 1 NO MAXVALUE START WITH 1 NO CYCLE
            DDL ok :: CREATE SEQUENCE s AS int8 START 100 CACHE 70000 OWNED BY t.id
            DDL 0A000 CREATE SEQUENCE is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: CREATE SEQUENCE s
            DDL 0A000 CREATE SEQUENCE is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: CREATE SEQUENCE s START WITH 1 INCREMENT BY 1
            DDL 0A000 CREATE SEQUENCE is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: CREATE SEQUENCE s CACHE 10
            DDL 0A000 CREATE SEQUENCE is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: CREATE SEQUENCE s CACHE 65535
            DDL 0A000 CREATE SEQUENCE is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: CREATE SEQUENCE s CACHE 0
            DDL 0A000 datatype integer not supported, sequence type must be bigint :: CREATE SEQUENCE s AS integer CACHE 1
            DDL 0A000 datatype smallint not supported, sequence type must be bigint :: CREATE SEQUENCE s AS smallint CACHE 65536
            DDL 0A000 TEMPORARY or TEMP sequence not supported for CREATE SEQUENCE :: CREATE TEMP SEQUENCE s CACHE 1
            DDL 0A000 UNLOGGED sequence not supported for CREATE SEQUENCE :: CREATE UNLOGGED SEQUENCE s CACHE 1
            DDL ok :: ALTER SEQUENCE s RESTART WITH 100
            DDL ok :: ALTER SEQUENCE s CACHE 1
            DDL ok :: ALTER SEQUENCE IF EXISTS app.s INCREMENT BY 5 CACHE 65536 NO CYCLE
            DDL ok :: ALTER SEQUENCE s AS bigint
            DDL ok :: ALTER SEQUENCE s RENAME TO cache
            DDL ok :: ALTER SEQUENCE s OWNER TO CURRENT_USER
            DDL ok :: ALTER SEQUENCE "cache" SET SCHEMA app
            DDL 0A000 ALTER SEQUENCE is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: ALTER SEQUENCE s CACHE 10
            DDL 0A000 ALTER SEQUENCE is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: ALTER SEQUENCE IF EXISTS app.s INCREMENT 2 CACHE 65535
            DDL 0A000 ALTER SEQUENCE is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: ALTER SEQUENCE s CACHE 0
            DDL 0A000 datatype integer not supported, sequence type must be bigint :: ALTER SEQUENCE s AS integer
            DDL ok :: DROP SEQUENCE IF EXISTS s
            DDL ok :: ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (CACHE 65536)
            DDL ok :: ALTER TABLE t ALTER id ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 10 CACHE 1)
            DDL 0A000 identity column is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY
            DDL 0A000 identity column is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: ALTER TABLE t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (CACHE 100)
            DDL ok :: ALTER TABLE t ALTER COLUMN id SET GENERATED BY DEFAULT
            DDL ok :: ALTER TABLE t ALTER COLUMN id RESTART WITH 1000
            DDL ok :: ALTER TABLE t ALTER COLUMN id SET INCREMENT BY 2 SET CACHE 65536
            DDL 0A000 identity column is not supported without an explicit cache size. please define CACHE greater than or equal to 65536 or equal to 1 :: ALTER TABLE t ALTER COLUMN id SET CACHE 10
            DDL ok :: ALTER TABLE t ALTER COLUMN id DROP IDENTITY IF EXISTS
            """;

    static final String ALTER_TABLE = """
            # §9 ALTER TABLE
            DDL ok :: ALTER TABLE t ADD COLUMN c text
            DDL ok :: ALTER TABLE t ADD c text
            DDL ok :: ALTER TABLE t ADD COLUMN IF NOT EXISTS c text
            DDL ok :: ALTER TABLE t ADD COLUMN d text STORAGE PLAIN
            DDL ok :: ALTER TABLE IF EXISTS ONLY app.t ADD COLUMN c int, ADD COLUMN d numeric(12, 2)
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN nn int NOT NULL DEFAULT 0
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN df int DEFAULT 7
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN ck int CHECK (ck > 0)
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN uq int UNIQUE
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN pk int PRIMARY KEY
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN p uuid REFERENCES parent(id)
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN x int NULL
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN x int CONSTRAINT x_pos CHECK (x > 0)
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (a + 1) STORED
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN seq integer GENERATED BY DEFAULT AS IDENTITY (CACHE 1)
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN seq2 bigint GENERATED BY DEFAULT AS IDENTITY (CACHE 1)
            DDL 0A000 ALTER TABLE ADD COLUMN with constraint not supported :: ALTER TABLE t ADD COLUMN m money DEFAULT 0
            DDL 0A000 COLLATE clause not supported :: ALTER TABLE t ADD COLUMN v text COLLATE "C"
            DDL 0A000 unsupported ALTER TABLE ALTER COLUMN ... SET DATA TYPE statement :: ALTER TABLE t ALTER COLUMN a TYPE xml
            DDL 0A000 unsupported ALTER TABLE ALTER COLUMN ... SET DATA TYPE statement :: ALTER TABLE t ALTER COLUMN a TYPE varchar(20)
            DDL 0A000 unsupported ALTER TABLE ALTER COLUMN ... SET DATA TYPE statement :: ALTER TABLE t ALTER a SET DATA TYPE bigint
            DDL 0A000 unsupported ALTER TABLE ALTER COLUMN ... SET DATA TYPE statement :: ALTER TABLE t ALTER COLUMN a TYPE text USING a::text
            DDL 0A000 unsupported ALTER TABLE ALTER COLUMN ... SET DATA TYPE statement :: ALTER TABLE t ADD COLUMN c text, ALTER COLUMN a TYPE int
            DDL 0A000 unsupported ALTER TABLE ALTER COLUMN ... SET NOT NULL statement :: ALTER TABLE t ALTER COLUMN a SET NOT NULL
            DDL ok :: ALTER TABLE t ALTER COLUMN a DROP NOT NULL
            DDL ok :: ALTER TABLE t ALTER COLUMN a SET DEFAULT 0
            DDL ok :: ALTER TABLE t ALTER a DROP DEFAULT
            DDL ok :: ALTER TABLE t ALTER COLUMN g DROP EXPRESSION IF EXISTS
            DDL ok :: ALTER TABLE t ALTER COLUMN v SET STORAGE EXTERNAL
            DDL ok :: ALTER TABLE t ALTER COLUMN v SET STATISTICS 500
            DDL 0A000 unsupported ALTER TABLE ALTER COLUMN ... SET COMPRESSION statement :: ALTER TABLE t ALTER COLUMN v SET COMPRESSION lz4
            DDL ok :: ALTER TABLE t DROP COLUMN b
            DDL ok :: ALTER TABLE t DROP COLUMN IF EXISTS b CASCADE, DROP c
            DDL ok :: ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (parent_id) REFERENCES parent(id) NOT VALID
            DDL ok :: ALTER TABLE t ADD CONSTRAINT chk CHECK (a IS NOT NULL) NOT VALID
            DDL ok :: ALTER TABLE t ADD FOREIGN KEY (p) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL NOT VALID
            DDL ok :: ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES parent (id) MATCH FULL DEFERRABLE INITIALLY DEFERRED NOT VALID
            DDL ok :: ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX t_u_idx
            DDL 0A000 unsupported ALTER TABLE ADD CONSTRAINT statement :: ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY USING INDEX t_pk_idx
            DDL 0A000 unsupported ALTER TABLE ADD CONSTRAINT statement :: ALTER TABLE t ADD PRIMARY KEY USING INDEX t_pk_idx
            DDL ok :: ALTER TABLE t ADD UNIQUE USING INDEX t_u_idx
            DDL 0A000 unsupported ALTER TABLE ADD CONSTRAINT statement :: ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (id)
            DDL 0A000 unsupported ALTER TABLE ADD CONSTRAINT statement :: ALTER TABLE t ADD CONSTRAINT uq UNIQUE (v)
            DDL 0A000 unsupported ALTER TABLE ADD CONSTRAINT statement :: ALTER TABLE t ADD UNIQUE (v)
            DDL 0A000 unsupported ALTER TABLE ADD CONSTRAINT statement :: ALTER TABLE t ADD PRIMARY KEY (id)
            DDL 0A000 unsupported ALTER TABLE ADD CONSTRAINT statement :: ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES parent(id)
            DDL 0A000 unsupported ALTER TABLE ADD CONSTRAINT statement :: ALTER TABLE t ADD CONSTRAINT chk CHECK (a > 0)
            DDL 0A000 unsupported ALTER TABLE ADD CONSTRAINT statement :: ALTER TABLE t ADD CHECK (a > 0)
            DDL 0A000 unsupported ALTER TABLE ADD CONSTRAINT statement :: ALTER TABLE t ADD CONSTRAINT ex EXCLUDE USING btree (a WITH =)
            DDL 0A000 unsupported ALTER TABLE VALIDATE CONSTRAINT statement :: ALTER TABLE t VALIDATE CONSTRAINT fk
            DDL ok :: ALTER TABLE ASYNC t VALIDATE CONSTRAINT fk
            DDL ok :: ALTER TABLE ASYNC IF EXISTS app.t VALIDATE CONSTRAINT fk
            DDL ok :: ALTER TABLE t ALTER CONSTRAINT fk DEFERRABLE INITIALLY DEFERRED
            DDL ok :: ALTER TABLE t ALTER CONSTRAINT fk NOT DEFERRABLE
            DDL ok :: ALTER TABLE t DROP CONSTRAINT IF EXISTS fk
            DDL ok :: ALTER TABLE t RENAME COLUMN a TO b
            DDL ok :: ALTER TABLE t RENAME a TO b
            DDL ok :: ALTER TABLE t RENAME CONSTRAINT c1 TO c2
            DDL ok :: ALTER TABLE t RENAME TO t2
            DDL ok :: ALTER TABLE t SET SCHEMA app
            DDL ok :: ALTER TABLE t OWNER TO app_owner
            DDL ok :: ALTER TABLE t ENABLE TRIGGER ALL
            DDL ok :: ALTER TABLE t DISABLE TRIGGER USER
            DDL 0A000 unsupported ALTER TABLE ENABLE ROW SECURITY statement :: ALTER TABLE t ENABLE ROW LEVEL SECURITY
            DDL 0A000 unsupported ALTER TABLE DISABLE ROW SECURITY statement :: ALTER TABLE t DISABLE ROW LEVEL SECURITY
            DDL 0A000 unsupported ALTER TABLE FORCE ROW SECURITY statement :: ALTER TABLE t FORCE ROW LEVEL SECURITY
            DDL 0A000 unsupported ALTER TABLE NO FORCE ROW SECURITY statement :: ALTER TABLE t NO FORCE ROW LEVEL SECURITY
            DDL 0A000 unsupported ALTER TABLE REPLICA IDENTITY statement :: ALTER TABLE t REPLICA IDENTITY FULL
            DDL 0A000 unsupported ALTER TABLE SET TABLESPACE statement :: ALTER TABLE t SET TABLESPACE fast
            DDL 0A000 unsupported ALTER TABLE SET UNLOGGED statement :: ALTER TABLE t SET UNLOGGED
            DDL 0A000 unsupported ALTER TABLE SET statement :: ALTER TABLE t SET (fillfactor = 70)
            DDL 0A000 unsupported ALTER TABLE RESET statement :: ALTER TABLE t RESET (fillfactor)
            DDL 0A000 unsupported ALTER TABLE INHERIT statement :: ALTER TABLE t INHERIT p
            DDL 0A000 unsupported ALTER TABLE NO INHERIT statement :: ALTER TABLE t NO INHERIT p
            DDL 0A000 unsupported ALTER TABLE ATTACH PARTITION statement :: ALTER TABLE t ATTACH PARTITION t1 FOR VALUES IN (1)
            DDL 0A000 unsupported ALTER TABLE DETACH PARTITION statement :: ALTER TABLE t DETACH PARTITION t1
            """;

    static final String INDEXES = """
            # §12 indexes
            DDL ok :: CREATE INDEX ASYNC IF NOT EXISTS i ON t (value)
            DDL ok :: CREATE INDEX ASYNC i ON t (v) WHERE v IS NOT NULL
            DDL ok :: CREATE UNIQUE INDEX ASYNC u ON t (v) WHERE v <> ''
            DDL ok :: CREATE INDEX ASYNC e ON t ((lower(v)))
            DDL ok :: CREATE INDEX ASYNC e ON t (lower(v), (a + b) DESC)
            DDL ok :: CREATE INDEX ASYNC i ON t (v) INCLUDE (id, "Name")
            DDL ok :: CREATE UNIQUE INDEX ASYNC i ON t (v) NULLS NOT DISTINCT
            DDL ok :: CREATE INDEX ASYNC ON t (v)
            DDL ok :: CREATE INDEX ASYNC i ON ONLY app.t USING btree (a DESC NULLS LAST, b ASC)
            DDL ok :: CREATE INDEX ASYNC i ON t (a, b, c, d, e, f, g, h)
            DDL ok :: CREATE INDEX ASYNC i ON t (v COLLATE "C" NULLS FIRST)
            DDL 0A000 unsupported mode. please use CREATE INDEX ASYNC. :: CREATE INDEX i ON t (value)
            DDL 0A000 unsupported mode. please use CREATE INDEX ASYNC. :: CREATE UNIQUE INDEX u ON t (v)
            DDL 0A000 unsupported mode. please use CREATE INDEX ASYNC. :: CREATE INDEX ON t (v)
            DDL 0A000 unsupported mode. please use CREATE INDEX ASYNC. :: CREATE INDEX IF NOT EXISTS i ON t USING hash (v)
            DDL 0A000 unsupported mode. please use CREATE INDEX ASYNC. :: CREATE INDEX CONCURRENTLY i ON t (v)
            DDL 42601 syntax error at or near "." :: CREATE INDEX ASYNC public.i ON t (value)
            DDL 42601 syntax error at or near "." :: CREATE INDEX public.i ON t (v)
            DDL 0A000 USING not supported for CREATE INDEX :: CREATE INDEX ASYNC i ON t USING hash (v)
            DDL 0A000 USING not supported for CREATE INDEX :: CREATE INDEX ASYNC i ON t USING GIN (doc)
            DDL 0A000 USING not supported for CREATE INDEX :: CREATE UNIQUE INDEX ASYNC IF NOT EXISTS i ON t USING brin (created)
            DDL 0A000 operator class "text_pattern_ops" not supported :: CREATE INDEX ASYNC i ON t (v text_pattern_ops)
            DDL 0A000 operator class "varchar_pattern_ops" not supported :: CREATE INDEX ASYNC i ON t (lower(v) varchar_pattern_ops DESC)
            DDL 0A000 expressions are not supported in included columns :: CREATE INDEX ASYNC i ON t (v) INCLUDE (lower(w))
            DDL 54011 more than 8 column keys in an index are not supported :: CREATE INDEX ASYNC i ON t (a, b, c, d, e, f, g, h, i)
            DDL ok :: DROP INDEX IF EXISTS i
            DDL ok :: ALTER INDEX i RENAME TO j
            """;

    static final String QUERIES = """
            # §13 queries, DML and locking
            QUERY ok :: SELECT 1
            QUERY ok :: VALUES (1), (2)
            QUERY ok :: TABLE t
            QUERY ok :: (SELECT 1) UNION (SELECT 2)
            QUERY ok :: WITH x AS (SELECT 1 AS n) SELECT n FROM x
            QUERY ok :: WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT n FROM t ORDER BY 1
            QUERY ok :: WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SEARCH DEPTH FIRST BY n SET ord SELECT * FROM t
            QUERY ok :: WITH a AS NOT MATERIALIZED (SELECT 1), b AS MATERIALIZED (SELECT 2) SELECT * FROM a, b
            QUERY ok :: SELECT p.name FROM p JOIN c ON c.pid = p.id
            QUERY ok :: SELECT DISTINCT ON (name) name FROM p ORDER BY name
            QUERY ok :: SELECT '127.0.0.1'::inet, string_to_array('1,2,3', ','), x::text[] FROM t
            QUERY ok :: SELECT extract(year from now()), substring('abc' from 1 for 2)
            DML ok :: WITH d AS (DELETE FROM t WHERE id = 1 RETURNING *) SELECT * FROM d
            DML ok :: WITH x AS MATERIALIZED (SELECT 1) INSERT INTO t SELECT * FROM x
            DML ok :: INSERT INTO t (id, v) VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v
            DML ok :: INSERT INTO point (x) VALUES (1)
            DML ok :: UPDATE t SET v = 'x' FROM s WHERE s.id = t.id RETURNING t.v
            DML ok :: DELETE FROM t USING s WHERE s.id = t.id
            DML 0A000 unsupported statement type: MERGE :: MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v
            DML 0A000 unsupported statement type: MERGE :: WITH s AS (SELECT 1 AS id) MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id)
            QUERY 0A000 TABLESAMPLE clause not supported :: SELECT name FROM p TABLESAMPLE SYSTEM (1)
            QUERY 0A000 TABLESAMPLE clause not supported :: SELECT * FROM t AS x TABLESAMPLE BERNOULLI (10) REPEATABLE (42)
            DML 0A000 TABLESAMPLE clause not supported :: DELETE FROM t WHERE id IN (SELECT id FROM t TABLESAMPLE SYSTEM (5))
            DML 0A000 unsupported statement: Truncate :: TRUNCATE TABLE t
            DML 0A000 unsupported statement: Truncate :: truncate t, u RESTART IDENTITY CASCADE
            QUERY ok :: SELECT id FROM p WHERE id = 'x' FOR UPDATE
            QUERY ok :: SELECT id FROM p WHERE id = 'x' FOR KEY SHARE
            QUERY ok :: SELECT * FROM p WHERE id = $1 FOR UPDATE NOWAIT
            QUERY ok :: SELECT * FROM p WHERE id = $1 FOR UPDATE SKIP LOCKED
            QUERY ok :: SELECT * FROM app.p AS x WHERE x.id = 1 FOR UPDATE OF x
            QUERY ok :: SELECT 1 FOR UPDATE
            QUERY 0A000 locking clauses other than FOR UPDATE/FOR KEY SHARE are not supported :: SELECT * FROM p WHERE id = 1 FOR SHARE
            QUERY 0A000 locking clauses other than FOR UPDATE/FOR KEY SHARE are not supported :: SELECT * FROM p WHERE id = 1 FOR NO KEY UPDATE
            QUERY 0A000 locking clauses other than FOR UPDATE/FOR KEY SHARE are not supported :: SELECT * FROM p WHERE id = 1 FOR UPDATE OF p FOR SHARE OF p
            QUERY 0A000 locking clauses other than FOR UPDATE/FOR KEY SHARE are not supported :: SELECT * FROM p WHERE id IN (SELECT pid FROM c FOR SHARE)
            QUERY 0A000 locking clause such as FOR UPDATE can be applied on a single table :: SELECT * FROM p JOIN c ON c.pid = p.id WHERE p.id = 1 FOR UPDATE
            QUERY 0A000 locking clause such as FOR UPDATE can be applied on a single table :: SELECT * FROM p, c WHERE p.id = 1 FOR UPDATE
            QUERY 0A000 locking clause such as FOR UPDATE can be applied on a single table :: SELECT * FROM (SELECT * FROM p) s WHERE s.id = 1 FOR UPDATE
            QUERY 0A000 locking clause such as FOR UPDATE can be applied on a single table :: SELECT * FROM p LEFT JOIN c ON true FOR UPDATE OF p
            QUERY 0A000 locking clause such as FOR UPDATE can be applied on a single table :: SELECT * FROM p CROSS JOIN LATERAL (SELECT 1) x FOR KEY SHARE
            QUERY 0A000 locking clause such as FOR UPDATE can be applied on a single table :: SELECT * FROM p NATURAL JOIN c FOR UPDATE
            QUERY 42704 text search configuration "english" does not exist :: SELECT to_tsvector('english', 'hello world')
            QUERY 42704 text search configuration "english" does not exist :: SELECT 1 WHERE to_tsvector('english', 'a') @@ to_tsquery('english', 'a')
            QUERY 42704 text search configuration "german" does not exist :: SELECT plainto_tsquery('german'::regconfig, 'x')
            QUERY ok :: SELECT to_tsvector('simple', body) @@ to_tsquery('simple', 'fat & rat') FROM docs
            QUERY ok :: SELECT plainto_tsquery('pg_catalog.simple', 'The Fat Rats')
            QUERY 0A000 datatype line not supported :: SELECT line('{1,2,3}')
            QUERY 0A000 datatype circle not supported :: SELECT circle('<(0,0),1>'::text)
            QUERY 0A000 datatype point not supported :: SELECT '(1,2)'::point
            QUERY 0A000 datatype point not supported :: SELECT point '(1,2)'
            QUERY 0A000 datatype box not supported :: SELECT pg_catalog.box('(0,0),(1,1)')
            DML 0A000 datatype polygon not supported :: INSERT INTO shapes (id, s) VALUES (1, '((0,0),(1,1),(1,0))'::polygon)
            QUERY ok :: EXPLAIN SELECT 1
            QUERY ok :: EXPLAIN ANALYZE SELECT 1
            QUERY ok :: EXPLAIN (ANALYZE false) DELETE FROM t
            QUERY ok :: EXPLAIN (COSTS off) INSERT INTO t VALUES (1)
            QUERY ok :: EXPLAIN VERBOSE UPDATE t SET v = 1
            DML ok :: EXPLAIN ANALYZE DELETE FROM t WHERE id = 1
            DML ok :: EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET v = 1
            QUERY 0A000 TABLESAMPLE clause not supported :: EXPLAIN SELECT * FROM t TABLESAMPLE SYSTEM (1)
            QUERY 0A000 unsupported statement type: MERGE :: EXPLAIN MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE
            SESSION ok :: ANALYZE p
            SESSION ok :: ANALYZE VERBOSE p (a, b)
            SESSION 0A000 unsupported VACUUM statement :: VACUUM p
            SESSION 0A000 unsupported VACUUM statement :: VACUUM (FULL, ANALYZE) t
            SESSION 0A000 unsupported VACUUM statement :: vacuum
            SESSION 0A000 unsupported statement: Lock :: LOCK TABLE t IN ACCESS EXCLUSIVE MODE
            SESSION 0A000 unsupported statement: Lock :: LOCK t
            QUERY 0A000 unsupported statement: DeclareCursor :: DECLARE c CURSOR FOR SELECT * FROM t
            QUERY ok :: FETCH NEXT FROM c
            SESSION ok :: CLOSE c
            SESSION 0A000 unsupported statement: Listen :: LISTEN chan
            SESSION 0A000 unsupported statement: Notify :: NOTIFY chan, 'payload'
            SESSION 0A000 unsupported statement: Unlisten :: UNLISTEN *
            DML ok :: COPY t FROM STDIN
            DML ok :: COPY t (a, b) FROM STDIN WITH (FORMAT csv)
            QUERY ok :: COPY t TO STDOUT
            QUERY ok :: COPY (SELECT * FROM t) TO STDOUT WITH CSV HEADER
            DML ok :: COPY (DELETE FROM t RETURNING *) TO STDOUT
            DML 0A000 COPY to or from a file or program is not supported :: COPY t FROM '/tmp/data.csv'
            QUERY 0A000 COPY to or from a file or program is not supported :: COPY t TO PROGRAM 'gzip > /tmp/t.gz'
            CALL ok :: CALL sys.wait_for_job('qfzv5uemkrg2lbczil2fim3o2q')
            CALL 0A000 unsupported statement: Do :: DO $$ BEGIN RAISE NOTICE 'x'; END $$
            SESSION 0A000 unsupported statement: Load :: LOAD 'auto_explain'
            """;

    static final String OBJECTS = """
            # §14 other objects
            DDL ok :: CREATE VIEW v AS SELECT 1 AS x
            DDL ok :: CREATE OR REPLACE VIEW v AS SELECT 1
            DDL ok :: CREATE RECURSIVE VIEW v (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM v WHERE n < 3
            DDL ok :: ALTER VIEW v RENAME TO w
            DDL ok :: DROP VIEW IF EXISTS v
            DDL 0A000 TEMPORARY or TEMP view not supported for CREATE VIEW :: CREATE TEMP VIEW v AS SELECT 1
            DDL 0A000 TEMPORARY or TEMP view not supported for CREATE VIEW :: CREATE OR REPLACE TEMPORARY VIEW v AS SELECT 1
            DDL ok :: CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$
            DDL ok :: CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int AS 'SELECT a + b' LANGUAGE SQL IMMUTABLE
            DDL ok :: CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END
            DDL ok :: CREATE FUNCTION f(x int) RETURNS int RETURN x + 1
            DDL ok :: CREATE FUNCTION f(x int) RETURNS TABLE (a int, language text) LANGUAGE 'sql' AS $$ SELECT 1, 'x' $$
            DDL 0A000 CREATE FUNCTION with language plpgsql not supported :: CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$
            DDL 0A000 CREATE FUNCTION with language plpgsql not supported :: CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql
            DDL 0A000 CREATE FUNCTION with language c not supported :: CREATE FUNCTION f() RETURNS int AS 'lib', 'f' LANGUAGE C STRICT
            DDL 0A000 CREATE FUNCTION with language plpython3u not supported :: CREATE FUNCTION f() RETURNS int LANGUAGE plpython3u AS 'return 1'
            DDL 0A000 PROCEDURE is not supported :: CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$
            DDL 0A000 PROCEDURE is not supported :: CREATE OR REPLACE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN END $$
            DDL 0A000 CREATE TRIGGER not supported :: CREATE TRIGGER trg AFTER INSERT ON t EXECUTE FUNCTION f()
            DDL 0A000 CREATE TRIGGER not supported :: CREATE OR REPLACE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()
            DDL 0A000 CREATE TRIGGER not supported :: CREATE CONSTRAINT TRIGGER trg AFTER INSERT ON t DEFERRABLE FOR EACH ROW EXECUTE FUNCTION f()
            DDL ok :: DROP TRIGGER IF EXISTS trg ON t
            DDL ok :: DROP TRIGGER IF EXISTS trg ON app.t CASCADE
            DDL 0A000 CREATE TYPE not supported :: CREATE TYPE mood AS ENUM ('sad', 'ok')
            DDL 0A000 unsupported statement: CompositeType :: CREATE TYPE pair AS (a int, b int)
            DDL 0A000 unsupported statement: CreateRange :: CREATE TYPE r AS RANGE (subtype = int4)
            DDL 0A000 unsupported statement: Define :: CREATE TYPE shell
            DDL 0A000 ALTER TYPE not supported :: ALTER TYPE mood ADD VALUE 'meh'
            DDL 0A000 ALTER TYPE not supported :: ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok'
            DDL 0A000 ALTER TYPE not supported :: ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'
            DDL 0A000 ALTER TYPE not supported :: ALTER TYPE mood OWNER TO app
            DDL 0A000 unsupported object in RENAME statement :: ALTER TYPE mood RENAME TO mood2
            DDL 0A000 unsupported object in RENAME statement :: ALTER TYPE pair RENAME ATTRIBUTE a TO b
            DDL 0A000 unsupported object in RENAME statement :: ALTER POLICY p ON t RENAME TO q
            DDL 0A000 unsupported object in DROP statement :: DROP TYPE IF EXISTS mood
            DDL 0A000 unsupported object in DROP statement :: DROP TYPE mood, pair CASCADE
            DDL 0A000 unsupported object in DROP statement :: DROP EXTENSION IF EXISTS pgcrypto
            DDL 0A000 unsupported object in DROP statement :: DROP MATERIALIZED VIEW mv
            DDL 0A000 unsupported object in DROP statement :: DROP POLICY p ON t
            DDL 0A000 unsupported object in DROP statement :: DROP FOREIGN TABLE ft
            DDL 0A000 unsupported object in DROP statement :: DROP EVENT TRIGGER et
            DDL ok :: CREATE DOMAIN d AS int
            DDL ok :: CREATE DOMAIN mood AS text CHECK (VALUE IN ('sad', 'ok'))
            DDL ok :: DROP DOMAIN d
            DDL 0A000 unsupported statement: CreateExtension :: CREATE EXTENSION IF NOT EXISTS pgcrypto
            DDL 0A000 unsupported statement: Createdb :: CREATE DATABASE other
            DDL 0A000 unsupported statement: Dropdb :: DROP DATABASE other
            DDL 0A000 unsupported statement: CreateTableSpace :: CREATE TABLESPACE ts LOCATION '/tmp/ts'
            DDL 0A000 unsupported statement: DropTableSpace :: DROP TABLESPACE ts
            DDL 0A000 unsupported statement: CreateForeignTable :: CREATE FOREIGN TABLE ft (id int) SERVER srv
            DDL 0A000 unsupported statement: CreateForeignServer :: CREATE SERVER srv FOREIGN DATA WRAPPER postgres_fdw
            DDL 0A000 unsupported statement: CreateFdw :: CREATE FOREIGN DATA WRAPPER w
            DDL 0A000 unsupported statement: CreateUserMapping :: CREATE USER MAPPING FOR app SERVER srv
            DDL 0A000 unsupported statement: CreatePolicy :: CREATE POLICY p ON t USING (owner = current_user)
            DDL 0A000 unsupported statement: Rule :: CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING
            DDL 0A000 unsupported statement: CreatePublication :: CREATE PUBLICATION pub FOR ALL TABLES
            DDL 0A000 unsupported statement: CreateSubscription :: CREATE SUBSCRIPTION sub CONNECTION 'host=x' PUBLICATION pub
            DDL 0A000 unsupported statement: CreateEventTrig :: CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION f()
            DDL 0A000 unsupported statement: CreatePLang :: CREATE LANGUAGE plperl
            DDL 0A000 unsupported statement: CreatePLang :: CREATE OR REPLACE TRUSTED PROCEDURAL LANGUAGE plperl
            DDL 0A000 unsupported statement: CreateCast :: CREATE CAST (text AS int) WITH INOUT
            DDL 0A000 unsupported statement: Define :: CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq)
            DDL 0A000 unsupported statement: CreateOpClass :: CREATE OPERATOR CLASS c FOR TYPE int USING btree AS OPERATOR 1 <
            DDL 0A000 unsupported statement: Define :: CREATE AGGREGATE a (int) (SFUNC = int4pl, STYPE = int)
            DDL 0A000 unsupported statement: Define :: CREATE COLLATION c (provider = icu, locale = 'und')
            DDL 0A000 unsupported statement: Define :: CREATE TEXT SEARCH CONFIGURATION c (COPY = simple)
            DDL 0A000 unsupported statement: Define :: CREATE TEXT SEARCH DICTIONARY d (TEMPLATE = simple)
            DDL 0A000 unsupported statement: AlterTSConfiguration :: ALTER TEXT SEARCH CONFIGURATION simple ALTER MAPPING FOR word WITH simple
            DDL 0A000 unsupported statement: AlterTSDictionary :: ALTER TEXT SEARCH DICTIONARY d (StopWords = english)
            DDL 0A000 unsupported statement: CreateConversion :: CREATE DEFAULT CONVERSION c FOR 'LATIN1' TO 'UTF8' FROM f
            DDL 0A000 unsupported statement: CreateAm :: CREATE ACCESS METHOD m TYPE INDEX HANDLER h
            DDL 0A000 unsupported statement: CreateTransform :: CREATE TRANSFORM FOR int LANGUAGE sql (FROM SQL WITH FUNCTION f(internal))
            DDL 0A000 unsupported statement: AlterSystem :: ALTER SYSTEM SET work_mem = '4MB'
            DDL 0A000 unsupported statement: AlterSystem :: ALTER SYSTEM RESET ALL
            DDL 0A000 unsupported statement: AlterExtension :: ALTER EXTENSION e UPDATE
            DDL 0A000 unsupported statement: AlterPolicy :: ALTER POLICY p ON t USING (true)
            DDL 0A000 unsupported statement: RefreshMatView :: REFRESH MATERIALIZED VIEW mv
            DDL 0A000 unsupported statement: ImportForeignSchema :: IMPORT FOREIGN SCHEMA s FROM SERVER srv INTO public
            DDL ok :: CREATE SCHEMA IF NOT EXISTS app
            DDL ok :: DROP SCHEMA app CASCADE
            DDL ok :: CREATE STATISTICS st (dependencies) ON a, b FROM t
            DDL ok :: DROP STATISTICS st
            # UG alter-statistics-syntax-support: targets 0..100
            DDL ok :: ALTER STATISTICS st SET STATISTICS 100
            DDL ok :: ALTER STATISTICS IF EXISTS app.st SET STATISTICS 0
            DDL ok :: ALTER STATISTICS st SET STATISTICS -1
            DDL ok :: ALTER STATISTICS st RENAME TO statistics
            DDL ok :: ALTER STATISTICS st OWNER TO CURRENT_USER
            DDL 0A000 unsupported statement: AlterSystem :: ALTER SYSTEM SET default_statistics_target = 1000
            DDL 22023 statistics target 101 exceeds maximum allowed value of 100 :: ALTER STATISTICS st SET STATISTICS 101
            DDL 22023 statistics target 10000 exceeds maximum allowed value of 100 :: ALTER STATISTICS IF EXISTS app.st SET STATISTICS 10000
            # UG alter-function-syntax-support: RENAME TO, OWNER TO and SET SCHEMA only
            DDL ok :: ALTER FUNCTION f(int, int) RENAME TO g
            DDL ok :: ALTER FUNCTION app.f OWNER TO CURRENT_USER
            DDL ok :: ALTER FUNCTION f(IN a integer, VARIADIC b text[]) SET SCHEMA app
            DDL 0A000 unsupported statement: AlterFunction :: ALTER FUNCTION f(int) IMMUTABLE
            DDL 0A000 unsupported statement: AlterFunction :: ALTER FUNCTION f STRICT COST 5
            DDL 0A000 unsupported statement: AlterFunction :: ALTER FUNCTION f(int) SET search_path = public
            DDL 0A000 unsupported statement: AlterFunction :: ALTER FUNCTION f(int) RESET ALL
            DDL 0A000 unsupported statement: AlterFunction :: ALTER FUNCTION f() SECURITY DEFINER
            DDL 0A000 unsupported statement: AlterObjectDepends :: ALTER FUNCTION f(int) DEPENDS ON EXTENSION e
            DDL 0A000 unsupported statement: AlterObjectDepends :: ALTER FUNCTION f(int) NO DEPENDS ON EXTENSION e
            # UG unsupported-features: no GRANT on the database
            DDL 0A000 unsupported object type in GRANT :: GRANT CONNECT ON DATABASE postgres TO reader
            DDL 0A000 unsupported object type in GRANT :: GRANT ALL PRIVILEGES ON DATABASE postgres, other TO reader WITH GRANT OPTION
            DDL ok :: GRANT SELECT ON database TO reader
            DDL ok :: GRANT SELECT (a, b) ON TABLE t TO reader
            DDL ok :: GRANT reader TO writer
            DDL ok :: GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader
            DDL ok :: REVOKE ALL ON t FROM reader
            DDL ok :: COMMENT ON COLUMN t.v IS 'value'
            DDL ok :: CREATE ROLE app WITH LOGIN
            DDL ok :: AWS IAM GRANT app TO 'arn:aws:iam::123456789012:role/app'
            DDL ok :: DROP TABLE t
            DDL ok :: DROP TABLE IF EXISTS a, app.b CASCADE
            """;

    static final String UNPARSEABLE = """
            # not followed: PostgreSQL answers, nothing is refused
            UNKNOWN ok :: FOO BAR
            UNKNOWN ok :: SELECT 'unterminated
            UNKNOWN ok :: TRUNCATE t $
            UNKNOWN ok :: CREATE TABLE (((
            UNKNOWN ok :: CREATE INDEX ASYNC i ON t (a
            UNKNOWN ok :: CREATE TABLE t (v money
            UNKNOWN ok :: SAVEPOINT "unterminated
            UNKNOWN ok :: 42
            UNKNOWN ok :: BEGIN ISOLATION LEVEL SOMETHING
            UNKNOWN ok :: DROP TYPE
            UNKNOWN ok :: TRUNCATE
            UNKNOWN ok :: SAVEPOINT
            UNKNOWN ok :: CREATE EXTENSION
            UNKNOWN ok :: ALTER SYSTEM
            """;

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.addAll(CaseTable.parse("lexer", LEXER_HOSTILE));
        all.addAll(CaseTable.parse("session", SESSION));
        all.addAll(CaseTable.parse("transactions", TRANSACTIONS));
        all.addAll(CaseTable.parse("types", TYPES));
        all.addAll(CaseTable.parse("create-table", CREATE_TABLE));
        all.addAll(CaseTable.parse("identity", IDENTITY));
        all.addAll(CaseTable.parse("alter-table", ALTER_TABLE));
        all.addAll(CaseTable.parse("indexes", INDEXES));
        all.addAll(CaseTable.parse("queries", QUERIES));
        all.addAll(CaseTable.parse("objects", OBJECTS));
        all.addAll(CaseTable.parse("unparseable", UNPARSEABLE));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifies(Case c) {
        c.check();
    }
}
