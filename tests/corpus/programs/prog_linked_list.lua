-- A doubly linked list with iterators and removal.
local List = {}
List.__index = List
function List.new() local l = setmetatable({size = 0}, List) l.head = {} l.tail = {} l.head.next = l.tail l.tail.prev = l.head return l end
function List:push_back(v)
  local node = {value = v, prev = self.tail.prev, next = self.tail}
  self.tail.prev.next = node
  self.tail.prev = node
  self.size = self.size + 1
  return node
end
function List:push_front(v)
  local node = {value = v, prev = self.head, next = self.head.next}
  self.head.next.prev = node
  self.head.next = node
  self.size = self.size + 1
  return node
end
function List:remove(node)
  node.prev.next = node.next
  node.next.prev = node.prev
  self.size = self.size - 1
  return node.value
end
function List:iter()
  local node = self.head
  return function() node = node.next if node ~= self.tail then return node.value end end
end
function List:reverse_iter()
  local node = self.tail
  return function() node = node.prev if node ~= self.head then return node.value end end
end
function List:totable() local t = {} for v in self:iter() do t[#t + 1] = v end return t end
List.__len = function(l) return l.size end
local l = List.new()
local nodes = {}
for i = 1, 6 do nodes[i] = l:push_back(i * 11) end
l:push_front(0)
print(table.concat(l:totable(), " "), l.size)
l:remove(nodes[3]) l:remove(nodes[6])
print(table.concat(l:totable(), " "), l.size, #l)
local rev = {}
for v in l:reverse_iter() do rev[#rev + 1] = v end
print(table.concat(rev, " "))
