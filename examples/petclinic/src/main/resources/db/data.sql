-- PetClinic seed data. Each statement is its own autocommit transaction, apart from the DDL
-- (DSQL-FACTS §5); fixed keys and ON CONFLICT DO NOTHING make a second run a no-op.

insert into vets (id, first_name, last_name) values
  ('c64e776e-628c-44be-aa9c-c1cce7364e62', 'James', 'Carter'),
  ('cd121299-00b3-4637-9143-02fc612dbdc8', 'Helen', 'Leary'),
  ('fa8fa4bb-5f18-4bbf-9739-74df8314e00a', 'Linda', 'Douglas'),
  ('fcdc6eb9-6310-48d6-9c5a-69a59a89f10c', 'Rafael', 'Ortega'),
  ('a4046d62-5516-4f46-be41-345de56542d0', 'Henry', 'Stevens'),
  ('f707c6c3-99a0-4171-8dcf-d74d27372374', 'Sharon', 'Jenkins')
on conflict do nothing;

insert into specialties (id, name) values
  ('5c3a27d5-c965-4667-8d18-e723a61e6138', 'radiology'),
  ('c332800f-fe65-4f60-8b42-52045d8e9363', 'surgery'),
  ('6a1bebf3-0257-420f-a4eb-4083a3b64a02', 'dentistry')
on conflict do nothing;

insert into vet_specialties (vet_id, specialty_id) values
  ('cd121299-00b3-4637-9143-02fc612dbdc8', '5c3a27d5-c965-4667-8d18-e723a61e6138'),
  ('fa8fa4bb-5f18-4bbf-9739-74df8314e00a', 'c332800f-fe65-4f60-8b42-52045d8e9363'),
  ('fa8fa4bb-5f18-4bbf-9739-74df8314e00a', '6a1bebf3-0257-420f-a4eb-4083a3b64a02'),
  ('fcdc6eb9-6310-48d6-9c5a-69a59a89f10c', 'c332800f-fe65-4f60-8b42-52045d8e9363'),
  ('a4046d62-5516-4f46-be41-345de56542d0', '5c3a27d5-c965-4667-8d18-e723a61e6138')
on conflict do nothing;

insert into types (id, name) values
  ('ba1b80db-a220-4f10-92f3-bb24cb012567', 'cat'),
  ('d448f1c0-e0f3-4be6-bb26-9781ebff7f65', 'dog'),
  ('0fb1be9a-477a-4a57-8ce0-fde300be6f96', 'lizard'),
  ('b8671e29-c3b7-47ea-a5e2-4e6352d7b133', 'snake'),
  ('0e73267d-4e83-4895-83a4-5be34f91ebe2', 'bird'),
  ('58aff51d-3e77-4a54-ae72-cf34aa338883', 'hamster')
on conflict do nothing;

insert into owners (id, first_name, last_name, address, city, telephone) values
  ('3cb1d3f9-e1dc-44b1-bbdf-d2d8e9afc991', 'George', 'Franklin', '110 W. Liberty St.', 'Madison', '6085551023'),
  ('32b7b268-9223-4a1a-ae2b-db1914a805ec', 'Betty', 'Davis', '638 Cardinal Ave.', 'Sun Prairie', '6085551749'),
  ('59d78be0-0c99-4189-ad34-1f0b1be3abd8', 'Eduardo', 'Rodriquez', '2693 Commerce St.', 'McFarland', '6085558763'),
  ('96191ef5-3b69-4dc4-a500-bce17ca53af8', 'Harold', 'Davis', '563 Friendly St.', 'Windsor', '6085553198'),
  ('3dac0d22-ff31-4d99-80b4-4b7f50d8bc9a', 'Peter', 'McTavish', '2387 S. Fair Way', 'Madison', '6085552765'),
  ('c8f03df9-f4cd-42d3-bc1f-e25a0277bade', 'Jean', 'Coleman', '105 N. Lake St.', 'Monona', '6085552654'),
  ('a7bb2e7c-811c-4efc-92a2-5114417364b8', 'Jeff', 'Black', '1450 Oak Blvd.', 'Monona', '6085555387'),
  ('0d6ac59b-f255-4b3d-a891-b1379a971366', 'Maria', 'Escobito', '345 Maple St.', 'Madison', '6085557683'),
  ('6a815a6a-11c3-4dd2-aaca-5b6b34eea63f', 'David', 'Schroeder', '2749 Blackhawk Trail', 'Madison', '6085559435'),
  ('898f3d7b-4221-41b7-b71f-180651ab7f2b', 'Carlos', 'Estaban', '2335 Independence La.', 'Waunakee', '6085555487')
on conflict do nothing;

insert into pets (id, name, birth_date, type_id, owner_id) values
  ('364136f7-2cb4-480d-b698-f24e016a20fa', 'Leo', '2010-09-07', 'ba1b80db-a220-4f10-92f3-bb24cb012567', '3cb1d3f9-e1dc-44b1-bbdf-d2d8e9afc991'),
  ('f8de3358-cb01-4b1f-8b65-1be8a024ccfa', 'Basil', '2012-08-06', '58aff51d-3e77-4a54-ae72-cf34aa338883', '32b7b268-9223-4a1a-ae2b-db1914a805ec'),
  ('643a1a46-cacf-4842-988b-3a380536066a', 'Rosy', '2011-04-17', 'd448f1c0-e0f3-4be6-bb26-9781ebff7f65', '59d78be0-0c99-4189-ad34-1f0b1be3abd8'),
  ('ac9ea46e-db90-417e-bcb0-3f63c6420f67', 'Jewel', '2010-03-07', 'd448f1c0-e0f3-4be6-bb26-9781ebff7f65', '59d78be0-0c99-4189-ad34-1f0b1be3abd8'),
  ('1e35b216-e8f0-44ab-a131-5ef32221a75b', 'Iggy', '2010-11-30', '0fb1be9a-477a-4a57-8ce0-fde300be6f96', '96191ef5-3b69-4dc4-a500-bce17ca53af8'),
  ('92337121-9f03-4b48-86ce-b40d17c5191a', 'George', '2010-01-20', 'b8671e29-c3b7-47ea-a5e2-4e6352d7b133', '3dac0d22-ff31-4d99-80b4-4b7f50d8bc9a'),
  ('52b78fcc-6430-40bb-a869-5de015b51aa3', 'Samantha', '2012-09-04', 'ba1b80db-a220-4f10-92f3-bb24cb012567', 'c8f03df9-f4cd-42d3-bc1f-e25a0277bade'),
  ('76979bfc-b86b-4eb9-99d2-e8b7ce8b1e8f', 'Max', '2012-09-04', 'ba1b80db-a220-4f10-92f3-bb24cb012567', 'c8f03df9-f4cd-42d3-bc1f-e25a0277bade'),
  ('12b04078-4507-4ed1-abc0-8946be226cb0', 'Lucky', '2011-08-06', '0e73267d-4e83-4895-83a4-5be34f91ebe2', 'a7bb2e7c-811c-4efc-92a2-5114417364b8'),
  ('2ceef487-d184-483f-858e-6391d2064dde', 'Mulligan', '2007-02-24', 'd448f1c0-e0f3-4be6-bb26-9781ebff7f65', '0d6ac59b-f255-4b3d-a891-b1379a971366'),
  ('bd29a6fd-1f3e-4898-9c71-7739666f9e6a', 'Freddy', '2010-03-09', '0e73267d-4e83-4895-83a4-5be34f91ebe2', '6a815a6a-11c3-4dd2-aaca-5b6b34eea63f'),
  ('80f86fb2-9e49-40d1-9aa0-04d79b025ed4', 'Lucky', '2010-06-24', 'd448f1c0-e0f3-4be6-bb26-9781ebff7f65', '898f3d7b-4221-41b7-b71f-180651ab7f2b'),
  ('bc899302-1ee2-4a5f-85e2-4b38415bd583', 'Sly', '2012-06-08', 'ba1b80db-a220-4f10-92f3-bb24cb012567', '898f3d7b-4221-41b7-b71f-180651ab7f2b')
on conflict do nothing;

insert into visits (id, pet_id, visit_date, description) values
  ('88164ca7-6ad8-4984-8f5e-610ab60183f1', '52b78fcc-6430-40bb-a869-5de015b51aa3', '2013-01-01', 'rabies shot'),
  ('8e694667-19c3-4dd8-8d93-ac83ee1c773e', '76979bfc-b86b-4eb9-99d2-e8b7ce8b1e8f', '2013-01-02', 'rabies shot'),
  ('5f095672-d87c-4761-8d53-79e28fc625ee', '76979bfc-b86b-4eb9-99d2-e8b7ce8b1e8f', '2013-01-03', 'neutered'),
  ('b57439f4-4a4c-4014-afc2-bbc9206de851', '52b78fcc-6430-40bb-a869-5de015b51aa3', '2013-01-04', 'spayed')
on conflict do nothing;
