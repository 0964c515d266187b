#!/usr/bin/luajit
x = =
