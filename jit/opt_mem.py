"""Memory access optimisations (lj_opt_mem.c): alias analysis, load forwarding and
dead-store elimination. Only the queries the recorder needs exist so far."""


def fwd_wasnonnil(J, loadop, xref):
    """lj_opt_fwd_wasnonnil: can the slot at xref be shown to have held a non-nil value?
    Answering False is always safe (the recorder adds the guards)."""
    return False
