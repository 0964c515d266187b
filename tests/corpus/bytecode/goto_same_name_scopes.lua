do ::l:: end
do ::l:: end
for i = 1, 2 do
  do goto l end
  ::l::
end
function f()
  goto l
  ::l::
end
