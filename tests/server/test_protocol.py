"""MoonLensProtocol's corrections to pygls, checked in process."""

from lsprotocol import types as T

from moonlens.server.lsp import create_server


def test_notifications_leave_no_futures_behind():
    """pygls 2.1 kept the future of every generator notification handler (our
    didOpen/didChange/didClose) and of each of its steps: ~10 KB per document."""
    ls = create_server()
    ls.protocol._send_data = lambda data: None          # no client: drop the output
    for i in range(50):
        uri = "file:///p/doc%d.lua" % i
        ls.protocol._handle_notification(T.TEXT_DOCUMENT_DID_OPEN, T.DidOpenTextDocumentParams(
            T.TextDocumentItem(uri=uri, language_id="lua", version=1, text="x = %d\n" % i)))
        ls.protocol._handle_notification(T.TEXT_DOCUMENT_DID_CLOSE, T.DidCloseTextDocumentParams(
            T.TextDocumentIdentifier(uri=uri)))
    assert ls.store.docs == {}
    assert ls.protocol._request_futures == {}
