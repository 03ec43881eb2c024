"""A small LSP client for the tests of leakcheck --lsp.

Client(argv) starts the server; request() / notify() send messages,
raw() sends bytes as they are; recv() returns the next message (or None
after a timeout), wait() the next one a predicate accepts, response(id)
the answer to a request.  The server's stderr goes to ours.
"""
import json
import os
import queue
import subprocess
import sys
import threading


def uri(path):
    return "file://" + os.path.abspath(path)


class Client:
    def __init__(self, argv, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     env=env)
        self.q = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.q.put(None)
                    return
                line = line.decode().rstrip("\r\n")
                if not line:
                    break
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            body = out.read(int(headers["content-length"]))
            self.q.put(json.loads(body))

    def raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def recv(self, timeout=60):
        try:
            return self.q.get(timeout=timeout)
        except queue.Empty:
            return None

    def wait(self, pred, timeout=60):
        while True:
            m = self.recv(timeout)
            if m is None or pred(m):
                return m

    def response(self, rid, timeout=60):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def diagnostics(self, path, timeout=60):
        u = uri(path)
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == u, timeout)
        return m and m["params"]

    def initialize(self, root, options=None):
        rid = self.request("initialize", {"processId": os.getpid(), "rootUri": uri(root),
                                          "capabilities": {},
                                          "initializationOptions": options or {}})
        r = self.response(rid)
        self.notify("initialized", {})
        return r

    def open(self, path, text=None, version=1):
        if text is None:
            text = open(path).read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "c", "version": version, "text": text}})

    def finish(self):
        """shutdown, exit; returns the exit status."""
        rid = self.request("shutdown")
        self.response(rid)
        self.notify("exit")
        return self.proc.wait(timeout=30)


def show_diags(params, out=sys.stdout):
    """Prints diagnostics one per line (then their related information)."""
    print("version %s: %d diagnostics" % (params.get("version"), len(params["diagnostics"])),
          file=out)
    for d in params["diagnostics"]:
        r = d["range"]
        print("diag %d:%d-%d:%d sev=%d code=%s src=%s href=%s: %s" % (
            r["start"]["line"], r["start"]["character"], r["end"]["line"],
            r["end"]["character"], d["severity"], d["code"], d["source"],
            d.get("codeDescription", {}).get("href", "(none)"), d["message"]), file=out)
        for ri in d.get("relatedInformation", []):
            loc = ri["location"]
            print("  related %s %d:%d-%d: %s" % (
                os.path.basename(loc["uri"]), loc["range"]["start"]["line"],
                loc["range"]["start"]["character"], loc["range"]["end"]["character"],
                ri["message"]), file=out)
