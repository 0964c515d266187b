x = 1LLa
