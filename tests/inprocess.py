"""`moonlens ...` run in this process (much cheaper than a subprocess per case)."""

import io
import os
import sys


def run_cli(argv, cwd):
    """cli.main(argv) in folder cwd: (status, stdout, stderr) as text."""
    from moonlens import cli
    raws = io.BytesIO(), io.BytesIO()
    out, err = (io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape",
                                 write_through=True) for raw in raws)
    saved = sys.stdout, sys.stderr, os.getcwd()
    try:
        sys.stdout, sys.stderr = out, err
        os.chdir(cwd)
        status = cli.main(list(argv))
        out.flush()
        err.flush()
    finally:
        sys.stdout, sys.stderr = saved[0], saved[1]
        os.chdir(saved[2])
    texts = [raw.getvalue().decode("utf-8", "surrogateescape") for raw in raws]
    out.detach()
    err.detach()
    return status, texts[0], texts[1]
