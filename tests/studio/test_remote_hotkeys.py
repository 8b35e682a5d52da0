"""Global hotkeys with a fake OS backend: combos only, conflicts reported, per action and per plan,
a press goes through the pad with source "hotkey" (the real X11 backend: tests/integration)."""

from __future__ import annotations

import pytest

from studio.config import Settings
from studio.errors import UserError
from studio.remote.hotkeys import Combo, HotkeyConflict, HotkeyError
from studio.remote.hotkeys.service import GlobalHotkeys
from tests.fakes.hotkeys import FakeHotkeys
from tests.fakes.pad import FakeKey, FakePad, sent
from tests.lab.waiting import wait_until


@pytest.mark.parametrize(("text", "shown"), [
    ("ctrl+alt+1", "Ctrl+Alt+1"), ("Alt + Ctrl + f9", "Ctrl+Alt+F9"), ("Cmd+Shift+p", "Shift+Super+P"),
    ("Win+Space", "Super+Space"), ("Ctrl+PgDn", "Ctrl+PageDown"), ("Option+Return", "Alt+Enter")])
def test_combos_parse_to_one_spelling(text, shown):
    assert str(Combo.parse(text)) == shown
    assert Combo.parse(shown) == Combo.parse(text)


@pytest.mark.parametrize("text", ["F1", "A", "Shift+A", "Shift+F5", "", "Ctrl+", "Ctrl+Hyper+A", "Ctrl+Alt+ä",
                                  "Ctrl+F25", "Ctrl+Alt"])
def test_a_single_key_or_nonsense_is_refused_in_plain_words(text):
    with pytest.raises(HotkeyError) as error:
        Combo.parse(text)
    assert str(error.value)


def _pad() -> FakePad:
    return FakePad([FakeKey("push", "F2", "商品上屏"), FakeKey("announcement", "F6", "公告")],
                   {"push": sent(), "announcement": UserError("公告每 5 分钟最多一次")})


def _hotkeys(tmp_path, backend=None, plan="a.toml", settings=None):
    backend = backend or FakeHotkeys()
    settings = settings or Settings.load(tmp_path / "settings.json")
    plan_file = tmp_path / plan
    service = GlobalHotkeys(_pad(), settings, lambda: plan_file, backend_factory=lambda: backend)
    return service, backend, settings


def test_a_hotkey_presses_the_pad_key_with_source_hotkey(run, tmp_path):
    service, backend, _settings = _hotkeys(tmp_path)

    async def scenario():
        await service.set_binding("push", "ctrl+alt+2")
        assert service.bindings() == {"push": "Ctrl+Alt+2"}
        backend.press("Ctrl+Alt+2")  # from another thread, as the OS delivers it
        await wait_until(lambda: service.pad.runs)
        assert service.pad.runs == [("push", "hotkey", False)]
        await wait_until(lambda: service.last_press)
        assert "Ctrl+Alt+2" in service.last_press and "商品上屏" in service.last_press

    run(scenario())
    reread = Settings.load(tmp_path / "settings.json")
    assert reread.extra["remote"]["hotkeys"] == {str((tmp_path / "a.toml").resolve()): {"push": "Ctrl+Alt+2"}}


def test_a_held_combo_presses_once(run, tmp_path):
    service, backend, _ = _hotkeys(tmp_path)
    now = [100.0]
    service.clock = lambda: now[0]

    async def scenario():
        await service.set_binding("push", "Ctrl+Alt+2")
        for _ in range(5):  # X11's auto-repeat: all within the debounce window
            backend.press("Ctrl+Alt+2")
        await wait_until(lambda: service.last_press)
        assert len(service.pad.runs) == 1
        now[0] += 1.0  # a second press, a moment later, is a press
        backend.press("Ctrl+Alt+2")
        await wait_until(lambda: len(service.pad.runs) == 2)

    run(scenario())


def test_a_refused_press_is_reported_not_raised(run, tmp_path):
    service, backend, _ = _hotkeys(tmp_path)

    async def scenario():
        await service.set_binding("announcement", "Ctrl+Alt+6")
        backend.press("Ctrl+Alt+6")
        await wait_until(lambda: service.last_press)
        assert "5 分钟" in service.last_press

    run(scenario())


def test_a_combo_taken_by_another_program_is_a_conflict_and_not_saved(run, tmp_path):
    service, backend, _settings = _hotkeys(tmp_path, FakeHotkeys(taken_elsewhere=("Ctrl+Alt+T",)))

    async def scenario():
        with pytest.raises(HotkeyConflict) as error:
            await service.set_binding("push", "Ctrl+Alt+T")
        assert "Ctrl+Alt+T" in str(error.value) and "another program" in str(error.value)
        assert service.problems["push"] == str(error.value)
        assert service.bindings() == {} and backend.registered == {}
        await service.set_binding("push", "Ctrl+Alt+P")
        assert "push" not in service.problems

    run(scenario())


def test_the_same_combo_for_two_actions_names_the_other_action(run, tmp_path):
    service, _, _ = _hotkeys(tmp_path)

    async def scenario():
        await service.set_binding("push", "Ctrl+Alt+1")
        with pytest.raises(HotkeyConflict) as error:
            await service.set_binding("announcement", "Ctrl+Alt+1")
        assert "商品上屏" in str(error.value)
        # Changing a key's own combo frees the old one.
        await service.set_binding("push", "Ctrl+Alt+2")
        await service.set_binding("announcement", "Ctrl+Alt+1")
        assert service.bindings() == {"push": "Ctrl+Alt+2", "announcement": "Ctrl+Alt+1"}
        await service.set_binding("push", None)
        assert service.bindings() == {"announcement": "Ctrl+Alt+1"}

    run(scenario())


def test_a_failed_change_keeps_the_working_combo(run, tmp_path):
    service, backend, _ = _hotkeys(tmp_path, FakeHotkeys(taken_elsewhere=("Ctrl+Alt+T",)))

    async def scenario():
        await service.set_binding("push", "Ctrl+Alt+2")
        with pytest.raises(HotkeyConflict):
            await service.set_binding("push", "Ctrl+Alt+T")
        assert service.bindings() == {"push": "Ctrl+Alt+2"}
        assert Combo.parse("Ctrl+Alt+2") in backend.registered

    run(scenario())


def test_hotkeys_are_kept_per_plan_and_come_back_on_apply(run, tmp_path):
    service, backend, _settings = _hotkeys(tmp_path, plan="a.toml")

    async def scenario():
        await service.set_binding("push", "Ctrl+Alt+2")
        await service.close()
        # The next start, same plan: registered again from the settings; another plan has its own.
        again, backend2, _ = _hotkeys(tmp_path, settings=Settings.load(tmp_path / "settings.json"))
        await again.apply()
        assert list(backend2.registered) == [Combo.parse("Ctrl+Alt+2")]
        other, backend3, _ = _hotkeys(tmp_path, plan="b.toml", settings=Settings.load(tmp_path / "settings.json"))
        await other.apply()
        assert other.bindings() == {} and backend3.registered == {}

    run(scenario())
    assert backend.closed


def test_apply_reports_each_conflict_and_registers_the_rest(run, tmp_path):
    settings = Settings.load(tmp_path / "settings.json")
    settings.extra["remote"] = {"hotkeys": {str((tmp_path / "a.toml").resolve()): {
        "push": "Ctrl+Alt+T", "announcement": "Ctrl+Alt+6"}}}
    service, backend, _ = _hotkeys(tmp_path, FakeHotkeys(taken_elsewhere=("Ctrl+Alt+T",)), settings=settings)

    async def scenario():
        await service.apply()
        assert set(service.problems) == {"push"}
        assert list(backend.registered) == [Combo.parse("Ctrl+Alt+6")]

    run(scenario())


def test_no_backend_is_opened_without_bindings_and_a_missing_one_is_named(run, tmp_path):
    opened = []

    def factory():
        opened.append(1)
        raise HotkeyError("Global hotkeys need an X11 session")

    service = GlobalHotkeys(_pad(), Settings.load(tmp_path / "s.json"), lambda: tmp_path / "a.toml",
                            backend_factory=factory)

    async def scenario():
        await service.apply()
        assert opened == []
        with pytest.raises(HotkeyError):
            await service.set_binding("push", "Ctrl+Alt+2")
        assert service.backend_problem == "Global hotkeys need an X11 session"

    run(scenario())


def test_windows_codes_for_every_key_a_combo_may_use():
    from studio.remote.hotkeys import NAMED_KEYS
    from studio.remote.hotkeys.windows import MOD_ALT, MOD_CONTROL, MOD_NOREPEAT, MOD_WIN, modifiers, virtual_key

    assert virtual_key(Combo.parse("Ctrl+A")) == 0x41 and virtual_key(Combo.parse("Ctrl+0")) == 0x30
    assert virtual_key(Combo.parse("Ctrl+F1")) == 0x70 and virtual_key(Combo.parse("Ctrl+F24")) == 0x87
    assert {virtual_key(Combo.parse(f"Ctrl+{k}")) for k in NAMED_KEYS} >= {0x20, 0x0D, 0x25, 0x2E}
    assert modifiers(Combo.parse("Ctrl+Alt+Win+1")) == MOD_CONTROL | MOD_ALT | MOD_WIN | MOD_NOREPEAT


def test_macos_codes_cover_letters_digits_and_the_usual_keys():
    from studio.remote.hotkeys.macos import _VK

    keys = [chr(c) for c in range(ord("A"), ord("Z") + 1)] + [str(d) for d in range(10)] + \
        [f"F{n}" for n in range(1, 21)] + ["Space", "Enter", "Tab", "Esc", "Left", "Right", "Up", "Down"]
    assert all(k in _VK for k in keys)
    assert len(set(_VK.values())) == len(_VK)  # no two keys share a code
