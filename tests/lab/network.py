"""Loopback stand-ins for a network that misbehaves (the lab never talks to anything but lo)."""

from __future__ import annotations

import socket
import threading


def closed_port() -> int:
    """A loopback port nobody listens on (bound for a moment to pick it, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SilentListener:
    """A loopback port that accepts connections and never says a word."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
                self.accepted.append(conn)
            except OSError:
                return

    def close(self) -> None:
        self._stop = True
        self.sock.close()
        for c in self.accepted:
            c.close()
