"""The plan file the console works on: open, new from a template, save, save as, recent plans.

Rules (issue 12):
- The shipped example (``resources/examples/show-plan.toml``) and the templates are read-only:
  saving them writes a copy into the user's documents folder, and the console goes on with it.
- Opening never raises: whatever is on disk, ``PlanFiles`` holds *a* plan for the editor (the
  parts it could read) and ``problems`` lists each problem with its line and field; ``problem``
  says in plain words what could not be used and what to do. The show itself only ever runs a plan
  without problems (``show_plan()``), so a broken file is never the reason the window does not open.
- A plan with problems is saved only as the user's own file, never over the example, and the
  problems are listed with it.
- The current plan and the recent plans are remembered in the settings (``show_plan``,
  ``recent_plans``); missing files drop out of the recent list. Only a plan without problems
  becomes the current one (the next start's show plan); one with problems is a recent plan.

File work runs off the loop (``asyncio.to_thread``); ``changed`` is emitted on the loop.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from studio.config import Settings
from studio.events import Signal
from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.resources import resource_path
from studio.show.plan import Plan, Problem, check_plan_text, plan_to_toml, save_plan

log = logging.getLogger(__name__)

EXAMPLE_PLAN = resource_path("examples", "show-plan.toml")
CURRENT_KEY = "show_plan"
RECENT_KEY = "recent_plans"
MAX_RECENT = 8


def documents_dir() -> Path:
    """Where the user's own plans go by default (Documents/Studio Console)."""
    override = os.environ.get("STUDIO_CONSOLE_DOCUMENTS_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_documents_dir()) / "Studio Console"


def is_shipped(path: Path) -> bool:
    """True for the example plan and anything else shipped with the console (read-only)."""
    try:
        shipped = EXAMPLE_PLAN.resolve().parent.parent
        return Path(path).resolve().is_relative_to(shipped)
    except OSError:
        return False


def _free_name(folder: Path, stem: str) -> Path:
    candidate = folder / f"{stem}.toml"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}.toml"
        n += 1
    return candidate


_SECTION_WORDS = {
    "show": QT_TRANSLATE_NOOP("PlanFiles", "Show"), "products": QT_TRANSLATE_NOOP("PlanFiles", "Product"),
    "coupons": QT_TRANSLATE_NOOP("PlanFiles", "Coupon"), "lotteries": QT_TRANSLATE_NOOP("PlanFiles", "Lottery"),
    "announcements": QT_TRANSLATE_NOOP("PlanFiles", "Announcement"),
    "order": QT_TRANSLATE_NOOP("PlanFiles", "Running order, step"),
}
_FIELD_WORDS = {
    "id": QT_TRANSLATE_NOOP("PlanFiles", "id"), "name": QT_TRANSLATE_NOOP("PlanFiles", "name"),
    "title": QT_TRANSLATE_NOOP("PlanFiles", "title"), "price": QT_TRANSLATE_NOOP("PlanFiles", "price"),
    "live_price": QT_TRANSLATE_NOOP("PlanFiles", "live price"), "stock": QT_TRANSLATE_NOOP("PlanFiles", "stock"),
    "text": QT_TRANSLATE_NOOP("PlanFiles", "text"), "ref": QT_TRANSLATE_NOOP("PlanFiles", "what it refers to"),
    "minutes": QT_TRANSLATE_NOOP("PlanFiles", "minutes"), "kind": QT_TRANSLATE_NOOP("PlanFiles", "kind"),
    "prize": QT_TRANSLATE_NOOP("PlanFiles", "prize"), "step": QT_TRANSLATE_NOOP("PlanFiles", "step kind"),
    "quantity": QT_TRANSLATE_NOOP("PlanFiles", "quantity"), "winners": QT_TRANSLATE_NOOP("PlanFiles", "winners"),
    "goods_id": QT_TRANSLATE_NOOP("PlanFiles", "goods id"), "image": QT_TRANSLATE_NOOP("PlanFiles", "image"),
}
_WHERE = re.compile(r"^(?P<section>[a-z_]+)(?:\[(?P<index>\d+)\])?(?:\.(?P<field>[a-z_]+))?$")


def where_words(where: str) -> str:
    """``products[2].live_price`` → "Product 2 · live price" (直播价) — the field in a host's words."""
    match = _WHERE.match(where)
    if not match or match["section"] not in _SECTION_WORDS:
        return where
    words = translate("PlanFiles", _SECTION_WORDS[match["section"]])
    if match["index"]:
        words += f" {match['index']}"
    if match["field"]:
        field_name = match["field"]
        words += " · " + (translate("PlanFiles", _FIELD_WORDS[field_name]) if field_name in _FIELD_WORDS
                          else field_name)
    return words


def problem_line(problem: Problem) -> str:
    """One problem as the editor lists it: line, field (in words), message."""
    where = f" · {where_words(problem.where)}" if problem.where else ""
    if problem.line:
        return translate("PlanFiles", "Line {line}{where}: {message}").format(
            line=problem.line, where=where, message=problem.message)
    return f"{where_words(problem.where) + ': ' if problem.where else ''}{problem.message}"


@dataclass
class Opened:
    """What reading a plan file gave: the plan (what could be read), its problems, plain words."""

    path: Path
    plan: Plan
    problems: list[Problem] = field(default_factory=list)
    problem: str | None = None  # the file could not be used at all (missing, not text …)


def read_plan_file(path: Path) -> Opened:
    """Never raises: a file that cannot be read gives an empty plan and the reason."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Opened(path, Plan(), problem=translate(
            "PlanFiles", "The show plan {path} is not there any more. Open another plan or make a new "
            "one from a template.").format(path=path))
    except UnicodeDecodeError:
        return Opened(path, Plan(), problem=translate(
            "PlanFiles", "The show plan {path} is not UTF-8 text. Save it as UTF-8 in your editor, then "
            "open it again.").format(path=path))
    except OSError as e:
        return Opened(path, Plan(), problem=translate(
            "PlanFiles", "The show plan {path} cannot be read ({error}). Check the file and open it "
            "again.").format(path=path, error=e.strerror or e))
    plan, problems = check_plan_text(text)
    if plan is None:
        return Opened(path, Plan(), problems, translate(
            "PlanFiles", "The show plan {path} is not a plan the console can read ({count} problem(s), "
            "listed in the plan editor). Fix it or open another plan.").format(
                path=path, count=len(problems)))
    return Opened(path, plan, problems)


@dataclass(frozen=True)
class Saved:
    path: Path
    problems: list[Problem]
    copied_from: Path | None  # the read-only plan this copy was made from


class PlanFiles:
    def __init__(self, settings: Settings | None = None, *, documents: Path | None = None) -> None:
        self._persist = settings is not None  # without settings: recent plans only in memory
        self.settings = settings if settings is not None else Settings()
        self.documents = documents
        self.changed = Signal("PlanFiles.changed")
        self.untitled = False  # a new plan from a template, not yet saved anywhere
        wanted = self.settings.extra.get(CURRENT_KEY)
        path = Path(wanted) if isinstance(wanted, str) and wanted else EXAMPLE_PLAN
        self._adopt(read_plan_file(path))
        if self.problem and path != EXAMPLE_PLAN:
            log.warning("show plan %s not usable: %s", path, self.problem)

    @classmethod
    def for_plan(cls, plan: Plan, path: Path | None, *, documents: Path | None = None) -> PlanFiles:
        """An already-loaded plan (no disk read); ``path=None``: not saved anywhere yet."""
        files = cls.__new__(cls)
        files._persist, files.settings, files.documents = False, Settings(), documents
        files.changed = Signal("PlanFiles.changed")
        files.untitled = path is None
        files._adopt(Opened(path or files.target_folder() / "show-plan.toml", plan))
        return files

    # ----- state -------------------------------------------------------------------------------------
    def _adopt(self, opened: Opened) -> None:
        self.path = opened.path
        self.plan = opened.plan
        self.problems = opened.problems
        self.problem = opened.problem

    @property
    def read_only(self) -> bool:
        return is_shipped(self.path)

    @property
    def usable(self) -> bool:
        """The plan can run a show: it was read and has no problems."""
        return self.problem is None and not self.problems and not self.untitled

    @property
    def recent(self) -> list[Path]:
        raw = self.settings.extra.get(RECENT_KEY)
        items = raw if isinstance(raw, list) else []
        return [Path(p) for p in items if isinstance(p, str) and p]

    def summary(self) -> str | None:
        """Plain words for the window when the plan on disk cannot run a show (None when it can)."""
        if self.problem:
            return self.problem
        if self.problems:
            return translate("PlanFiles", "The show plan {path} has {count} problem(s); the first: {first}. "
                             "The console keeps the example plan for the show until you fix them in the "
                             "plan editor.").format(path=self.path, count=len(self.problems),
                                                    first=problem_line(self.problems[0]).rstrip("。. "))
        return None

    def show_plan(self) -> Plan:
        """A plan a show can run: this one when it has no problems, else the shipped example."""
        if self.usable:
            return self.plan
        example = read_plan_file(EXAMPLE_PLAN)
        return example.plan if example.problem is None and not example.problems else Plan()

    def target_folder(self) -> Path:
        return self.documents or documents_dir()

    def templates(self) -> list[tuple[str, Path | None]]:
        """(label, file) to make a new plan from; None = an empty plan."""
        return [(translate("PlanFiles", "Sales special (带货专场), from the example"), EXAMPLE_PLAN),
                (translate("PlanFiles", "Empty plan"), None)]

    # ----- actions (call on the loop) -----------------------------------------------------------------
    async def open(self, path: Path) -> Opened:
        opened = await asyncio.to_thread(read_plan_file, Path(path))
        self._adopt(opened)
        self.untitled = False
        if opened.problem is None:
            self._note_recent(opened.path)
        self.changed.emit()  # the new state is complete before anything else runs
        if opened.problem is None:
            await self._save_settings()
        return opened

    async def new_from_template(self, template: Path | None) -> None:
        if template is None:
            plan = Plan()
            plan.show.title = translate("PlanFiles", "New show")
        else:
            opened = await asyncio.to_thread(read_plan_file, template)
            plan = copy.deepcopy(opened.plan)
        self.plan, self.problems, self.problem = plan, [], None
        self.path = await asyncio.to_thread(_free_name, self.target_folder(), "show-plan")
        self.untitled = True
        self.changed.emit()

    async def save(self) -> Saved:
        """Save where the plan came from; a read-only plan is saved as a copy in the documents."""
        if self.read_only:
            stem = self.path.stem + translate("PlanFiles", "-my-copy")
            target = await asyncio.to_thread(_free_name, self.target_folder(), stem)
            return await self._write(target, copied_from=self.path)
        return await self._write(self.path, copied_from=None)

    async def save_as(self, path: Path) -> Saved:
        path = Path(path)
        if is_shipped(path):
            target = await asyncio.to_thread(_free_name, self.target_folder(), path.stem)
            return await self._write(target, copied_from=path)
        return await self._write(path, copied_from=None)

    async def _write(self, path: Path, copied_from: Path | None) -> Saved:
        plan = self.plan
        await asyncio.to_thread(save_plan, plan, path)
        _, problems = check_plan_text(plan_to_toml(plan))
        self.path, self.problems, self.problem, self.untitled = path, problems, None, False
        self._note_recent(path)
        self.changed.emit()
        await self._save_settings()
        return Saved(path, problems, copied_from)

    def _note_recent(self, path: Path) -> None:
        recent = [str(path)] + [str(p) for p in self.recent if p != path and p.exists()]
        self.settings.extra[RECENT_KEY] = recent[:MAX_RECENT]
        if self.usable:  # the next start opens the last plan that can run a show
            self.settings.extra[CURRENT_KEY] = str(path)

    async def _save_settings(self) -> None:
        if not self._persist:
            return
        try:
            await asyncio.to_thread(self.settings.save)
        except OSError as e:  # the plan is saved; only the list of recent plans is not
            log.warning("recent plans not saved: %s", e)
