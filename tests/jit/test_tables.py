"""jit/'s one-table-per-concept modules agree with a real LuaJIT 2.1
(tests/tools/gen_jit_tables.py records what jit.vmdef and jit.util report)."""

import json
import pathlib

import pytest

from moonlens.jit import ir, ircall, params, traceerr

DATA = json.loads((pathlib.Path(__file__).parent / "luajit_tables.json").read_text())


def test_ir_names_in_luajit_order():
    assert list(ir.IRNAMES) == DATA["irnames"]


def test_ir_fields_and_fpmath_names():
    assert list(ir.IRFIELDS) == DATA["irfield"]
    assert list(ir.IRFPM) == DATA["irfpm"]


def test_ir_call_names():
    assert list(ircall.IRCALL_NAMES) == DATA["ircall"]


@pytest.mark.parametrize("name", sorted(DATA["modes"]))
def test_ir_mode_byte(name):
    assert ir.IRMODE[ir.IR[name]] == DATA["modes"][name]


def test_trace_error_texts():
    assert list(traceerr.TRACEERR_TEXT) == DATA["traceerr"]


def test_default_optimisation_flags():
    flags = [f for f in DATA["status"] if f in params.OPT_FLAGS]
    assert set(flags) == params.OPT_DEFAULT
    assert flags == [f for f in params.OPT_FLAGS if f in params.OPT_DEFAULT]


@pytest.mark.parametrize("settings, flags_on, flags_off, changed", [
    (["1"], {"fold", "cse", "dce"}, {"loop", "fwd"}, {}),
    (["2", "+fwd"], {"loop", "narrow", "fwd"}, {"abc", "sink"}, {}),
    (["-fold", "nocse", "no-dce"], {"loop"}, {"fold", "cse", "dce"}, {}),
    (["hotloop=1", "hotexit=1"], {"fold"}, set(), {"hotloop": 1, "hotexit": 1}),
    (["0", "fma"], {"fma"}, {"fold"}, {}),
    (["maxtrace="], set(), set(), {"maxtrace": 0}),
])
def test_opt_settings(settings, flags_on, flags_off, changed):
    flags, values = set(params.OPT_DEFAULT), dict(params.PARAM_DEFAULTS)
    for s in settings:
        params.apply_opt(flags, values, s)
    assert flags_on <= flags and not (flags_off & flags)
    assert {k: v for k, v in values.items() if params.PARAM_DEFAULTS[k] != v} == changed


@pytest.mark.parametrize("bad", ["fold2", "hotloop=x", "nothing", "12", "+hotloop"])
def test_bad_opt_settings(bad):
    with pytest.raises(params.OptionError):
        params.apply_opt(set(), {}, bad)
