if x then
elseif y then
elseif z then
else
