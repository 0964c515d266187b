"""LOOP optimisation (lj_opt_loop.c): not yet ported. A looping trace without it
still runs correctly: the executor re-enters the whole trace on the back-edge."""


def opt_loop(J):
    """Returns non-zero when the loop could not be optimised (never, for now)."""
    return 0
