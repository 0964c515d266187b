x ? y : z
