"""Allocation sinking (lj_opt_sink.c): not yet ported; sinking only removes work."""


def opt_sink(J):
    return None
