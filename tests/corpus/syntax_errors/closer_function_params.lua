x = function(a
, b
