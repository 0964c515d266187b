local i = 1
::top::
print(i)
i = i + 1
if i <= 3 then goto top end
goto done
print("skipped")
::done::
