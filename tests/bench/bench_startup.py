"""Process start → first painted window: the console vs a bare PySide6 window with one pyqtgraph plot.

Both run as fresh processes, offscreen, in interleaved rounds (drift hits both alike). Each child
prints, at its first paint, its wall time, CPU seconds (``time.process_time``: the whole process
so far, interpreter start included) and peak RSS. Prints the ratios of the medians. Goals:
≤ 1.3× wall and CPU, ≤ 1.3× peak memory; the frozen build (``dist/studio-console``, made by
``packaging/build-linux.sh``, built here once per run, tests/lab/frozen.py) ≤ 1.2× the venv's start.
No assertion on time: the figures go into the issue notes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/bench/bench_startup.py -s

``STUDIO_BENCH_NO_FROZEN=1`` skips the frozen build (no rebuild while iterating on the venv's start).

``console`` starts in the first-start layout (solo: the health panel is the compact strip, its chart
and pyqtgraph load just after the first paint); ``producer`` starts in the producer layout, whose
first paint holds the full health chart — a window with one pyqtgraph plot, like the bare one.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.lab.frozen import BINARY as FROZEN
from tests.lab.frozen import ensure_frozen_build

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 7

BARE = r"""
import json, os, resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
import pyqtgraph as pg

app = QApplication(sys.argv[:1])
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([1, 3, 2, 4, 3, 5])
window.setCentralWidget(plot)
window.resize(1600, 960)

def report():
    print(json.dumps({"painted_at": time.time(), "cpu_s": time.process_time(),
                      "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), flush=True)
    os._exit(0)

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) and obj.window() is window:
            QTimer.singleShot(0, report)
        return False

watch = Watch()
app.installEventFilter(watch)
window.show()
app.exec()
"""


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDIO_CONSOLE_REPORT_FIRST_PAINT="1",
               STUDIO_CONSOLE_CONFIG_DIR=str(tmp / "config"), STUDIO_CONSOLE_DATA_DIR=str(tmp / "data"),
               STUDIO_CONSOLE_LANG="zh_CN")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # the keyring is read after the paint anyway
    # An installed console has its bytecode (pip compiles a wheel's modules, the frozen build holds
    # them): with PYTHONDONTWRITEBYTECODE the venv run would compile ~150 modules at every start
    # (~0.3 s). The warm-up writes them into a cache of the run's own, never into the tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def _producer_env(env: dict[str, str], tmp: Path) -> dict[str, str]:
    """The same start with the producer layout remembered (a settings file of its own)."""
    config = tmp / "config-producer"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"window": {"layout": "producer"}}), encoding="utf-8")
    return dict(env, STUDIO_CONSOLE_CONFIG_DIR=str(config))


def _measure(argv: list[str], env: dict[str, str], cwd: Path) -> dict[str, float]:
    started = time.time()
    out = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=60)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no first-paint report from {argv[0]}: {out.stderr[-2000:]}"
    got = json.loads(lines[-1])
    return {"wall": got["painted_at"] - started, "cpu": got["cpu_s"], "peak_mb": got["peak_kb"] / 1024}


def _median(samples: list[dict[str, float]], key: str) -> float:
    return statistics.median(s[key] for s in samples)


def test_bench_startup_to_first_paint(tmp_path, capsys):
    env = _env(tmp_path)
    kinds: dict[str, list[str]] = {
        "bare": [sys.executable, "-c", BARE],
        "console": [sys.executable, "-m", "ui.launcher"],
        "producer": [sys.executable, "-m", "ui.launcher"],
    }
    envs = {"producer": _producer_env(env, tmp_path)}
    if os.environ.get("STUDIO_BENCH_NO_FROZEN"):  # while iterating on the venv's start: no rebuild
        print("STUDIO_BENCH_NO_FROZEN set: frozen build not measured")
    else:
        try:
            ensure_frozen_build()  # shared with the frozen tests: built once per run
            kinds["frozen"] = [str(FROZEN)]
        except RuntimeError as e:  # the benchmark still compares the venv with the bare window
            print(f"no frozen build: {e}")
    results: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    for k, argv in kinds.items():  # one warm-up each: the disk cache, not our code
        _measure(argv, envs.get(k, env), ROOT)
    for _ in range(ROUNDS):
        for k, argv in kinds.items():
            results[k].append(_measure(argv, envs.get(k, env), ROOT))
    with capsys.disabled():
        print(f"\nstart → first painted window, median of {ROUNDS} interleaved rounds (offscreen)")
        for k in kinds:
            print(f"  {k:8} wall {_median(results[k], 'wall'):.3f} s  cpu {_median(results[k], 'cpu'):.3f} s"
                  f"  peak {_median(results[k], 'peak_mb'):.0f} MB")
        for name in ("console", "producer"):
            for key in ("wall", "cpu", "peak_mb"):
                print(f"  {name}/bare {key}: {_median(results[name], key) / _median(results['bare'], key):.2f}×"
                      f"  (goal ≤ 1.30×)")
        if "frozen" in results:
            for key in ("wall", "cpu", "peak_mb"):
                print(f"  frozen/venv {key}: "
                      f"{_median(results['frozen'], key) / _median(results['console'], key):.2f}×  (goal ≤ 1.20×)")
        else:
            print("  the frozen build failed (see above): frozen/venv not measured")
    for k in kinds:
        assert all(s["wall"] > 0 and s["peak_mb"] > 0 for s in results[k])

