x = function end
