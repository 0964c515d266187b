x = a < b < 
