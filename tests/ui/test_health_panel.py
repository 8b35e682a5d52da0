"""The health dock: status word and advice, figures, chart with levels, markers, outages, follow."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from studio.health.history import MarkerKind
from studio.health.monitor import StreamHealth
from studio.health.sampler import SampleState
from studio.obs.link import ConnectionTarget, LinkState, LinkStatus, ObsLink
from studio.obs.stream import StreamControl, StreamPhase
from ui.panels.health import FOLLOW_SPAN_S, HealthPanel

T0 = 1_700_000_000.0


class Show:
    """Drives a real StreamHealth with GetStreamStatus answers (the link is never started)."""

    def __init__(self) -> None:
        self.link = ObsLink(ConnectionTarget("127.0.0.1", 9, ""))
        self.stream = StreamControl(self.link)
        self.now = T0
        self.health = StreamHealth(self.link, self.stream, record=False, with_stats=False,
                                   wall_clock=lambda: self.now)
        self.seconds = 0
        self.bytes = 0
        # The panel's words come from OnAir, which reads the link and the stream as OBS reports them.
        self.link._set_status(LinkStatus(LinkState.CONNECTED))
        self.stream._set_phase(StreamPhase.OFF)

    def _output(self, state: str) -> None:
        self.stream._on_stream_state_changed({"outputState": f"OBS_WEBSOCKET_OUTPUT_{state}"})

    def live(self, seconds: int, kbps: float) -> None:
        self._output("STARTED")
        for _ in range(seconds):
            self.seconds += 1
            self.now += 1
            self.bytes += int(kbps * 1000 / 8)
            self.health.sampler.feed({
                "outputActive": True, "outputBytes": self.bytes,
                "outputDuration": self.seconds * 1000, "outputSkippedFrames": 3,
                "outputTotalFrames": self.seconds * 30, "outputCongestion": 0.02}, float(self.seconds))

    def reconnecting(self, seconds: int) -> None:
        self._output("RECONNECTING")
        for _ in range(seconds):
            self.seconds += 1
            self.now += 1
            self.health.sampler.feed({"outputActive": True, "outputReconnecting": True},
                                     float(self.seconds))
        self.bytes = 0  # OBS restarts its counters after a reconnect


@pytest.fixture
def show(loop):  # the sampler spawns its "OBS gone" ticker on the loop
    return Show()


@pytest.fixture
def panel(qtbot, show):
    widget = HealthPanel(show.health)
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    return widget


def test_idle_before_the_stream(panel):
    assert panel.status_word.text() == "Idle"
    assert "Not streaming" in panel.advice.text()
    assert panel.figures["kbps"].text() == "—"


def test_stable_stream_shows_the_word_advice_and_figures(panel, show):
    show.live(12, 2500)
    assert panel.status_word.text() == "Stable"
    assert panel.status_word.accessibleName() == "stable"
    assert "超清" in panel.advice.text()
    assert panel.figures["kbps"].text() == "2500 kbit/s"
    assert panel.figures["dropped"].text().startswith("0.00 %")
    assert "3 of 360" in panel.figures["dropped"].text()
    assert panel.figures["congestion"].text() == "2.0 %"


def test_low_bitrate_says_what_to_do(panel, show):
    show.live(12, 2500)
    show.live(8, 600)
    assert panel.status_word.text() == "Critical"
    assert "720P" in panel.advice.text()


def test_chart_has_the_levels_the_line_and_a_gap_for_the_outage(panel, show):
    show.live(20, 2500)
    show.reconnecting(5)
    show.live(10, 2500)
    panel.redraw()
    levels = sorted(item.value() for item in panel.plot.getPlotItem().items
                    if type(item).__name__ == "InfiniteLine" and item.angle == 0)
    assert levels == [800, 1200]
    x, y = panel.curve.getOriginalDataset()
    assert len(x) == len(show.health.history) == 35
    assert np.isnan(y[20:25]).all()  # the outage is a gap ...
    assert np.nanmin(y) > 2000  # ... not a cliff to zero
    assert len(panel._outage_items) == 1
    start, end = panel._outage_items[0].getRegion()
    assert start == T0 + 21 and end == T0 + 26
    kinds = [m.kind for m in show.health.history.markers]
    assert kinds == [MarkerKind.STREAM_STARTED, MarkerKind.RECONNECT, MarkerKind.RECOVERED]
    assert len(panel._marker_items) == 3


def test_reconnecting_is_shown_as_reconnecting(panel, show):
    show.live(10, 2500)
    show.reconnecting(1)
    assert panel.status_word.text() == "Critical"
    assert "reconnecting" in panel.advice.text()
    assert panel.figures["kbps"].text() == "reconnecting…"


def test_markers_added_by_other_modules_appear(panel, show):
    show.live(5, 2500)
    show.health.add_marker(MarkerKind.PRODUCT, "商品上屏 · 保温杯")
    panel.redraw()
    assert panel._marker_items[-1].label.format == "商品上屏 · 保温杯"


def test_follow_live_shows_the_last_ten_minutes_until_the_host_pans(panel, show, qtbot):
    show.live(FOLLOW_SPAN_S + 600, 2500)
    panel.redraw()
    (x_min, x_max), _ = panel.plot.getViewBox().viewRange()
    assert x_max >= show.now - 1 and x_min >= show.now - FOLLOW_SPAN_S - 60
    # The host drags the chart back in time: following stops, new samples do not pull it away.
    panel.plot.getViewBox().sigRangeChangedManually.emit([True, False])
    assert not panel.follow_button.isChecked()
    panel.plot.setXRange(T0, T0 + 300, padding=0)
    show.live(30, 2500)
    panel.redraw()
    (x_min, _), _ = panel.plot.getViewBox().viewRange()
    assert x_min == pytest.approx(T0)
    qtbot.mouseClick(panel.follow_button, Qt.MouseButton.LeftButton)
    (_, x_max), _ = panel.plot.getViewBox().viewRange()
    assert x_max >= show.now - 1


def test_whole_show_button(panel, show, qtbot):
    show.live(3000, 2500)
    panel.redraw()
    qtbot.mouseClick(panel.whole_button, Qt.MouseButton.LeftButton)
    (x_min, x_max), _ = panel.plot.getViewBox().viewRange()
    assert x_min <= T0 + 1 and x_max >= show.now


def test_redraw_is_driven_by_a_timer_not_by_each_sample(panel, show, qtbot):
    def drawn() -> int:
        x = panel.curve.getOriginalDataset()[0]
        return 0 if x is None else len(x)

    show.live(5, 2500)
    assert drawn() == 0  # samples alone do not redraw the chart ...
    qtbot.waitUntil(lambda: drawn() == 5, timeout=3000)  # ... the panel's timer does


def test_a_saving_problem_is_shown_in_the_message_line(qtbot, show, tmp_path):
    from studio.health.record import HealthRecorder

    blocker = tmp_path / "file"
    blocker.write_text("x")
    show.health.recorder = HealthRecorder(blocker / "health")
    widget = HealthPanel(show.health)
    qtbot.addWidget(widget)
    show.live(1, 2500)
    show.health.recorder.flush()
    show.live(1, 2500)
    assert "Cannot save the stream health" in widget.message.text()
    show.health.recorder.close()


def test_obs_gone_while_on_air(panel, show):
    show.live(10, 2500)
    show.link._set_status(LinkStatus(LinkState.RECONNECTING, "OBS closed the connection"))
    show.health.sampler.feed_gone()
    assert show.health.last.state is SampleState.OBS_GONE
    assert panel.figures["kbps"].text() == "OBS not answering"
    assert "OBS is not answering" in panel.advice.text()
