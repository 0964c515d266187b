#!/bin/lua
local t = {
  1,
  2
