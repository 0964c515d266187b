repeat
until
