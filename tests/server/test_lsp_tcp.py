"""`moonlens lsp --tcp HOST:PORT` speaks LSP over a socket, and logs only to stderr.

A raw socket also lets the tests send what no well-behaved client sends.
"""

import json
import socket
import subprocess
import sys
import time

import pytest


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def send(sock, message):
    body = json.dumps(message).encode()
    sock.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)


def receive(sock, buffer):
    """One message; returns (message, rest of the buffer)."""
    while b"\r\n\r\n" not in buffer:
        buffer += sock.recv(65536)
    head, _, buffer = buffer.partition(b"\r\n\r\n")
    length = int([h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")]
                 [0].split(b":")[1])
    while len(buffer) < length:
        buffer += sock.recv(65536)
    return json.loads(buffer[:length]), buffer[length:]


def connect(port, proc, timeout=20):
    deadline = time.time() + timeout
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=10)
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.1)


@pytest.fixture
def server():
    """(socket, process) of a server started on a free port and initialized."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "moonlens", "lsp", "--tcp",
                             "127.0.0.1:%d" % port], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        sock = connect(port, proc)
        yield sock, proc
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def initialize(sock):
    send(sock, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    reply, buffer = receive(sock, b"")
    send(sock, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    return reply, buffer


def shutdown(sock, buffer):
    send(sock, {"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
    reply, buffer = receive_until(sock, buffer, lambda m: m.get("id") == 99)
    send(sock, {"jsonrpc": "2.0", "method": "exit"})
    sock.close()


def receive_until(sock, buffer, wanted):
    while True:
        message, buffer = receive(sock, buffer)
        if wanted(message):
            return message, buffer


def test_tcp_session(server):
    sock, proc = server
    reply, buffer = initialize(sock)
    assert reply["id"] == 1
    assert reply["result"]["capabilities"]["hoverProvider"] is True
    assert reply["result"]["serverInfo"]["name"] == "moonlens"
    send(sock, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": "file:///t.lua", "languageId": "lua", "version": 1,
                         "text": "print(undefined_thing)"}}})
    note, buffer = receive(sock, buffer)
    assert note["method"] == "textDocument/publishDiagnostics"
    assert note["params"]["diagnostics"][0]["code"] == "undefined-global"
    shutdown(sock, buffer)
    proc.wait(timeout=10)
    assert proc.stdout.read() == b""        # nothing on stdout, even in TCP mode


def test_malformed_messages_get_answers_and_the_server_goes_on(server):
    sock, proc = server
    _, buffer = initialize(sock)
    body = b"{this is not json"
    sock.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    send(sock, {"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover",
                "params": {"bogus": 1}})
    send(sock, {"jsonrpc": "2.0", "id": 6, "method": "no/such/method", "params": {}})
    send(sock, {"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": "file:///never-opened.lua"},
        "position": {"line": 0, "character": 0}}})
    answers = {}
    while len(answers) < 3:
        message, buffer = receive(sock, buffer)
        if "id" in message:
            answers[message["id"]] = message
        else:                               # the unparsable message is only logged
            assert message["method"] == "window/logMessage"
    assert answers[5]["error"]["code"] == -32602
    assert answers[6]["error"]["code"] == -32601
    assert answers[7]["result"] is None
    shutdown(sock, buffer)
