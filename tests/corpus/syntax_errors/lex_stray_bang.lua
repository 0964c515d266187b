local x = !a
