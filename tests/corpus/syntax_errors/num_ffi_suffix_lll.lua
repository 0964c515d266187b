local x = 1LLL
