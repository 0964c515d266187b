;
local a = 1;
;;
print(a);
do ; end
if a then ; end
