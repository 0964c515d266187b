function f:g:h() end
