local obj = {}
function obj:get() return self.v end
function obj:set(v) self.v = v end
function obj.static(v) return v end
function obj:chain(...) return self, ... end
return obj
