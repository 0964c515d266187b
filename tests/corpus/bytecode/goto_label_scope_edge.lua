do goto a end ::a::
while f() do goto continue local x = 1 print(x) ::continue:: end
do local y goto x end ::x::
::b:: do ::b:: end
do ::c:: end ::c::
for i = 1, 2 do
  do goto next end
  print(i)
  ::next::
end
do goto w; local z; ::w:: ::v:: end
