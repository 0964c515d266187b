local a = ...
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
if a then
print(a)
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
end
