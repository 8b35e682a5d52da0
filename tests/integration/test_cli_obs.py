"""`studio-console obs …` and `doctor` as a Stream Deck button runs them: a subprocess, real OBS."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.lab.network import SilentListener
from tests.lab.processes import LAB_SCENES, free_port

pytestmark = pytest.mark.integration


def cli(*args: str, env: dict[str, str] | None = None,
        timeout: float = 30) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout)


def obs_env(obs, password=None) -> dict[str, str]:
    return {"OBS_HOST": "127.0.0.1", "OBS_PORT": str(obs.port),
            "OBS_PASSWORD": obs.password if password is None else password}


def test_scenes_json_and_switch(shared_obs):
    done = cli("obs", "switch", LAB_SCENES[1], env=obs_env(shared_obs))
    assert done.returncode == 0, done.stderr
    listed = cli("obs", "scenes", "--json", env=obs_env(shared_obs))
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    assert data["scenes"] == list(LAB_SCENES)
    assert data["program"] == LAB_SCENES[1]
    plain = cli("obs", "scenes", "--host", "127.0.0.1", "--port", str(shared_obs.port),
                "--password", shared_obs.password)
    assert f"* {LAB_SCENES[1]}" in plain.stdout.splitlines()


@pytest.mark.parametrize("case", ["unknown_scene", "wrong_password", "refused", "silent"])
def test_failures_are_one_clear_line(case, shared_obs):
    silent = None
    if case == "unknown_scene":
        done = cli("obs", "switch", "没有这个场景", env=obs_env(shared_obs))
        expected = "No scene named"
    elif case == "wrong_password":
        done = cli("obs", "scenes", env=obs_env(shared_obs, password="wrong"))
        expected = "Wrong OBS password"
    elif case == "refused":
        done = cli("obs", "scenes", "--host", "127.0.0.1", "--port", str(free_port()), "--password", "x")
        expected = "OBS is not running"
    else:
        silent = SilentListener()
        done = cli("obs", "scenes", "--port", str(silent.port), "--host", "127.0.0.1", "--password", "x",
                   "--timeout", "1")
        expected = "Nothing answers"
    if silent:
        silent.close()
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert expected in lines[0]


def test_chinese_system_gets_chinese_messages(shared_obs):
    done = cli("obs", "switch", "没有这个场景", env={**obs_env(shared_obs), "STUDIO_CONSOLE_LANG": "zh_CN"})
    assert done.returncode != 0
    assert "没有" in done.stderr and "No scene named" not in done.stderr


def test_doctor_all_well_with_real_obs_and_keyring(shared_obs, real_keyring):
    done = cli("doctor", "--json", env={**obs_env(shared_obs), **real_keyring.env})
    report = json.loads(done.stdout)
    checks = {c["name"]: c for c in report["checks"]}
    assert checks["obs"]["ok"] and checks["versions"]["ok"]
    assert "29.0.2" in checks["versions"]["detail"]
    assert checks["output_mode"]["detail"] == "Simple"
    assert checks["keyring"]["ok"] and "SecretService" in checks["keyring"]["detail"]
    assert checks["cjk_font"]["ok"]
    assert report["ok"] is True and done.returncode == 0


def test_doctor_fails_when_obs_is_not_there(real_keyring):
    done = cli("doctor", "--port", str(free_port()), "--host", "127.0.0.1", "--password", "x",
               env=real_keyring.env)
    assert done.returncode == 1
    assert "FAIL obs" in done.stdout
