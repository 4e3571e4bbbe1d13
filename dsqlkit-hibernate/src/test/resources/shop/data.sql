insert into owners (version, last_name, telephone) values (0, 'Franklin', '6085551023');
insert into owners (version, last_name, telephone) values (0, 'Davis', '6085551749');
