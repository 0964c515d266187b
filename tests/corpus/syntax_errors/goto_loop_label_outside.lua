for i = 1, 2 do ::l:: end goto l
