local x = 2ii
