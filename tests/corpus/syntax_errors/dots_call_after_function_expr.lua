x = function(...) end (...)
