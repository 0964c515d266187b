"""The short fuzz run: 200 random documents through the real server."""

import pytest

from tests.server import fuzz_server


@pytest.mark.timeout(120)
def test_fuzz_200_documents(tmp_path):
    stats = fuzz_server.run(docs=200, seed=3, log_path=str(tmp_path / "server.log"))
    assert stats["documents"] == 200
    assert not fuzz_server.failed(stats), stats


def test_fuzz_detects_exceptions_in_the_log(tmp_path):
    log = tmp_path / "log"
    log.write_text("moonlens ERROR moonlens.server: hover_ failed\nTraceback (most recent "
                   "call last):\n  ...\nmoonlens WARNING x: fine\n")
    assert fuzz_server.exceptions_in(str(log)) == 2
