#!/usr/bin/env python3
"""Serves a built site under a sub-path (default /some/sub/path/) from a real static server on
loopback, to prove that every link is relative.

As a module: `with served(output) as base_url: ...`.
As a command: `serve.py OUTPUT [--prefix /some/sub/path/] [--url-file FILE]` serves until killed,
writing the site's URL to FILE (or stdout) once listening.
"""
import argparse
import contextlib
import functools
import http.server
import os
import sys
import tempfile
import threading

DEFAULT_PREFIX = "/some/sub/path/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _root_with_prefix(output, prefix, tmp):
    """A temporary folder where `prefix` is a symlink to the output folder."""
    parts = [p for p in prefix.split("/") if p]
    parent = os.path.join(tmp, *parts[:-1])
    os.makedirs(parent, exist_ok=True)
    os.symlink(os.path.abspath(output), os.path.join(parent, parts[-1]))
    return tmp


@contextlib.contextmanager
def served(output, prefix=DEFAULT_PREFIX):
    with tempfile.TemporaryDirectory(prefix="dossier-serve-") as tmp:
        root = _root_with_prefix(output, prefix, tmp)
        handler = functools.partial(QuietHandler, directory=root)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield "http://127.0.0.1:%d%s" % (server.server_address[1], prefix)
        finally:
            server.shutdown()
            server.server_close()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output")
    parser.add_argument("--prefix", default=DEFAULT_PREFIX)
    parser.add_argument("--url-file")
    args = parser.parse_args()
    with served(args.output, args.prefix) as url:
        if args.url_file:
            with open(args.url_file + ".tmp", "w") as f:
                f.write(url + "\n")
            os.replace(args.url_file + ".tmp", args.url_file)
        else:
            print(url, flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    sys.exit(main())
