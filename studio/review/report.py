"""The review as words and tables, for a manager who was not at the desk: what the HTML file and the
PDF print (both render exactly these, so they never disagree). Pure: a ``Review`` in, strings out.

``summary(review)`` → key figures; ``sections(review, notes)`` → the five sections (timeline,
products, rhythm, technical, next show), each with its intro lines, the charts it shows, tables
and the improvement notes. Missing figures read "missing", partial ones say how many minutes the
platform had; nothing is filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studio.i18n import translate
from studio.review.model import Comparison, Metric, Review, fault_word, step_word
from studio.review.store import section_title


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    marks: list[str] = field(default_factory=list)  # per row: "" | "warn" | "bad" | "muted"
    caption: str = ""


@dataclass
class Section:
    key: str  # timeline | products | rhythm | technical | plan
    title: str
    lines: list[str] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)  # timeline | products | platform | health
    tables: list[Table] = field(default_factory=list)
    notes: str = ""


def duration(seconds: float | None) -> str:
    if seconds is None:
        return translate("Review", "missing")
    seconds = round(seconds)
    if seconds >= 3600:
        return translate("Review", "{h} h {m:02d} min").format(h=seconds // 3600, m=seconds % 3600 // 60)
    if seconds >= 60:
        return translate("Review", "{m} min {s:02d} s").format(m=seconds // 60, s=seconds % 60)
    return translate("Review", "{s} s").format(s=seconds)


def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return translate("Review", "missing")
    return f"{value:,.{digits}f}"


def money(value: float | None) -> str:
    return translate("Review", "missing") if value is None else f"¥{value:,.2f}"


def metric(m: Metric | None, digits: int = 0, as_money: bool = False) -> str:
    """A platform figure with its coverage: "16", "17 (18 of 20 min)", or "missing"."""
    if m is None or m.value is None:
        return translate("Review", "missing")
    text = money(m.value) if as_money else number(m.value, digits)
    if not m.complete:
        text += " " + translate("Review", "({have} of {all} min)").format(have=m.with_data, all=m.buckets)
    return text


def summary(review: Review) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    if review.start is None:
        return [(translate("Review", "Show"), translate("Review", "nothing to review"))]
    items.append((translate("Review", "On air"), f"{review.local(review.start, '%Y-%m-%d %H:%M')}–"
                                                 f"{review.local(review.end or review.start, '%H:%M')}"))
    planned = review.planned_s
    text = duration(review.duration_s)
    if planned:
        text += " " + translate("Review", "(planned {planned})").format(planned=duration(planned))
    items.append((translate("Review", "Length"), text))
    explained = sum(p.explained_s for p in review.products)
    items.append((translate("Review", "Products explained"), translate("Review", "{count} · {time}").format(
        count=len(review.products), time=duration(explained))))
    items.append((translate("Review", "Lotteries"), str(len(review.lotteries))))
    items.append((translate("Review", "Nothing running"), translate("Review", "{count} × · {time}").format(
        count=len(review.gaps), time=duration(sum(g.seconds for g in review.gaps)))))
    items.append((translate("Review", "Faults"), translate("Review", "{count} · {time}").format(
        count=len(review.faults), time=duration(sum(f.seconds for f in review.faults)))))
    if review.platform is not None:
        totals = review.platform_totals()
        items.append((translate("Review", "Orders (platform)"), number(totals.get("orders"))))
        items.append((translate("Review", "Revenue (platform)"), money(totals.get("revenue"))))
        items.append((translate("Review", "Peak online"), number(totals.get("online_peak"))))
        show = review.platform.show  # an after-show source's whole-show figures (Channels)
        for key, label in (("viewers", translate("Review", "Viewers (platform)")),
                           ("avg_watch_s", translate("Review", "Average watch time")),
                           ("new_followers", translate("Review", "New followers")),
                           ("comments", translate("Review", "Comments")),
                           ("shares", translate("Review", "Shares")),
                           ("cheers", translate("Review", "Cheers (喝彩)"))):
            if key in show:
                value = totals.get(key)
                items.append((label, duration(value) if key == "avg_watch_s" else number(value)))
    return items


def highlights(review: Review) -> list[str]:
    """The few sentences a manager reads first: what went best, what went wrong, what was missing."""
    out: list[str] = []
    if review.start is None:
        return out
    ranked = sorted((p for p in review.products if p.rank), key=lambda p: p.rank or 0)
    if ranked:
        best = ranked[0]
        out.append(translate("Review", "Best product while explained: {name} — {revenue}, {orders} orders in "
                                       "{time}.").format(name=best.name, revenue=metric(best.revenue, as_money=True),
                                                         orders=metric(best.orders), time=duration(best.explained_s)))
    over = sorted((s for s in review.steps if s.overrun), key=lambda s: -s.overrun_s)
    if over:
        out.append(translate("Review", "Longest overrun: {title}, {over} past its {planned}.").format(
            title=over[0].title, over=duration(over[0].overrun_s), planned=duration(over[0].planned_s)))
    if review.gaps:
        longest = max(review.gaps, key=lambda g: g.seconds)
        out.append(translate("Review", "Nothing was running {count} times; the longest: {time} from {at}.").format(
            count=len(review.gaps), time=duration(longest.seconds), at=review.local(longest.start, "%H:%M")))
    lasting = [f for f in review.faults if f.seconds >= 1]
    if lasting:
        worst = max(lasting, key=lambda f: f.seconds)
        out.append(translate("Review", "Worst fault: {fault} for {time} at {at}, during {on_air}.").format(
            fault=fault_word(worst.kind), time=duration(worst.seconds), at=review.local(worst.start, "%H:%M"),
            on_air=worst.on_air or "—"))
    once = [f for f in review.faults if f.seconds < 1]
    if once:
        out.append(translate("Review", "{count} action(s) did not reach the live room or the screen: see "
                                       "Technical.").format(count=len(once)))
    skipped = [s for s in review.steps if s.status == "skipped"]
    if skipped:
        out.append(translate("Review", "Skipped: {titles}.").format(titles="、".join(s.title for s in skipped)))
    if review.platform is None:
        out.append(translate("Review", "No platform data: sales per product are not shown."))
    elif review.platform.alignment and review.platform.alignment.missing_buckets:
        out.append(translate("Review", "The platform export lacks {count} minute(s) of the show: figures that "
                                       "touch them are marked.").format(
            count=len(review.platform.alignment.missing_buckets)))
    return out


def sections(review: Review, notes: dict[str, str] | None = None) -> list[Section]:
    notes = notes or {}
    if review.start is None:
        return []
    out = [_timeline(review), _products(review), _rhythm(review), _technical(review)]
    out.append(Section("plan", section_title("plan"),
                       [translate("Review", "What to do differently next time (shown again when the next show "
                                            "of this plan or room is prepared).")]))
    for section in out:
        section.notes = notes.get(section.key, "")
    return out


def _clock(review: Review, at: float | None) -> str:
    return "—" if at is None else review.local(at)


def _timeline(review: Review) -> Section:
    s = Section("timeline", section_title("timeline"), charts=["timeline"])
    over = [x for x in review.steps if x.overrun]
    skipped = [x for x in review.steps if x.status == "skipped"]
    s.lines.append(translate("Review", "{steps} steps aired, {over} ran over their target, {skipped} were skipped; "
                                       "nothing was running {gaps} times ({time} in all).").format(
        steps=sum(1 for x in review.steps if x.windows), over=len(over), skipped=len(skipped),
        gaps=len(review.gaps), time=duration(sum(g.seconds for g in review.gaps))))
    rows, marks = [], []
    for step in review.steps:
        kind = step_word(step.kind) + (" · " + translate("Review", "返场") if step.rerun else "")
        if step.windows:
            actual = duration(step.actual_s)
            delta = step.overrun_s
            diff = ("+" if delta > 0 else "−") + duration(abs(delta)) if abs(delta) >= 1 else "0"
            rows.append([_clock(review, step.start), _clock(review, step.end), kind, step.title,
                         duration(step.planned_s) if step.planned_s else "—", actual, diff])
            marks.append("warn" if step.overrun else "")
        else:
            rows.append(["—", "—", kind, step.title, duration(step.planned_s) if step.planned_s else "—",
                         translate("Review", "skipped"), ""])
            marks.append("muted")
    s.tables.append(Table([translate("Review", "From"), translate("Review", "To"), translate("Review", "Kind"),
                           translate("Review", "Step"), translate("Review", "Planned"), translate("Review", "Actual"),
                           translate("Review", "Over / under")], rows, marks))
    if review.gaps:
        s.tables.append(Table([translate("Review", "From"), translate("Review", "To"),
                               translate("Review", "Nothing running for")],
                              [[review.local(g.start), review.local(g.end), duration(g.seconds)] for g in review.gaps],
                              ["warn"] * len(review.gaps), translate("Review", "Gaps: no step on air and no play "
                                                                               "running (the playbook: something "
                                                                               "should always be running)")))
    words = {"push": translate("Review", "Product on screen"), "coupon": translate("Review", "Coupon"),
             "lottery_start": translate("Review", "Lottery started"), "lottery_draw": translate("Review", "Drawn"),
             "announcement": translate("Review", "Announcement"), "rerun": translate("Review", "返场 re-run"),
             "scene": translate("Review", "Scene"), "resumed": translate("Review", "Resumed after a stop"),
             "stream_started": translate("Review", "Stream started"),
             "stream_stopped": translate("Review", "Stream stopped"), "flash_sale": translate("Review", "Flash sale")}
    status = {"sent": translate("Review", "done"), "partial": translate("Review", "partly done"),
              "failed": translate("Review", "failed"), "refused": translate("Review", "refused"), "": ""}
    s.tables.append(Table([translate("Review", "Time"), translate("Review", "What"), translate("Review", "Detail"),
                           translate("Review", "Outcome")],
                          [[review.local(m.at), words.get(m.kind, m.kind), m.label, status.get(m.status, m.status)]
                           for m in review.moments],
                          ["bad" if m.status in ("failed", "partial", "refused") else "" for m in review.moments],
                          translate("Review", "Every action and moment, as logged")))
    return s


def _products(review: Review) -> Section:
    s = Section("products", section_title("products"), charts=["products"])
    has_platform = review.platform is not None
    if has_platform:
        s.lines.append(translate("Review", "Sales inside each explanation are the platform's minutes that began "
                                           "while the product was on air; \"(18 of 20 min)\" means the platform "
                                           "had no figure for the other minutes — they are left out, not "
                                           "estimated."))
    else:
        s.lines.append(translate("Review", "No platform data was imported: only what the console did is shown. Import "
                                           "the live data export to see visitors, orders and revenue per product."))
    ordered = sorted(review.products, key=lambda p: (p.rank is None, p.rank or 0))
    headers = [translate("Review", "Rank"), translate("Review", "Product"), translate("Review", "Explained"),
               translate("Review", "返场"), translate("Review", "Pushes"), translate("Review", "On screen")]
    if has_platform:
        headers += [translate("Review", "Visitors"), translate("Review", "Clicks"), translate("Review", "Orders"),
                    translate("Review", "Revenue"), translate("Review", "Click → order")]
    rows, marks = [], []
    for p in ordered:
        failed = sum(1 for _, st in p.pushes if st not in ("sent", ""))
        pushes = str(len(p.pushes)) + (" " + translate("Review", "({failed} not taken)").format(failed=failed)
                                       if failed else "")
        row = [str(p.rank) if p.rank else "—", p.name, duration(p.explained_s), str(p.reruns), pushes,
               duration(p.on_screen_s)]
        if has_platform:
            conversion = p.conversion_pct
            row += [metric(p.visitors), metric(p.clicks), metric(p.orders), metric(p.revenue, as_money=True),
                    translate("Review", "missing") if conversion is None else f"{conversion:.1f}%"]
        rows.append(row)
        marks.append("bad" if failed else "")
    s.tables.append(Table(headers, rows, marks))
    windows = []
    for p in review.products:
        for w in p.windows:
            row = [p.name, (translate("Review", "返场") if w.rerun else step_word(w.kind)), review.local(w.start),
                   review.local(w.end), duration(w.seconds)]
            if has_platform:
                row += [number(w.online_start), number(w.online_end), metric(w.orders),
                        metric(w.revenue, as_money=True)]
            windows.append((w.start, row))
    windows.sort(key=lambda x: x[0])
    headers = [translate("Review", "Product"), translate("Review", "Kind"), translate("Review", "From"),
               translate("Review", "To"), translate("Review", "Length")]
    if has_platform:
        headers += [translate("Review", "Online at start"), translate("Review", "Online at end"),
                    translate("Review", "Orders"), translate("Review", "Revenue")]
    s.tables.append(Table(headers, [r for _, r in windows], caption=translate("Review", "Every window on air")))
    platform_rows = [p for p in review.products if p.platform]
    if platform_rows:
        s.tables.append(Table(
            [translate("Review", "Product"), translate("Review", "Exposure"), translate("Review", "Clicks"),
             translate("Review", "Orders"), translate("Review", "Buyers"), translate("Review", "Revenue")],
            [[p.name, number((p.platform or {}).get("exposure")), number((p.platform or {}).get("clicks")),
              number((p.platform or {}).get("orders")), number((p.platform or {}).get("buyers")),
              money((p.platform or {}).get("revenue"))] for p in platform_rows],
            caption=translate("Review", "Whole show, as the platform's by-product export gives it")))
    return s


def _rhythm(review: Review) -> Section:
    s = Section("rhythm", section_title("rhythm"), charts=["platform"])
    rows = []
    for x in review.lotteries:
        change = None
        if x.online_start is not None and x.online_draw is not None and x.online_start:
            change = (x.online_draw - x.online_start) * 100.0 / x.online_start
        rows.append([x.prize, review.local(x.start), _clock(review, x.draw),
                     duration(x.held_s) if x.held_s is not None else translate("Review", "never drawn"),
                     number(x.online_start), number(x.online_draw), number(x.online_peak),
                     translate("Review", "missing") if change is None else f"{change:+.1f}%"])
    s.tables.append(Table([translate("Review", "Lottery"), translate("Review", "Started"), translate("Review", "Drawn"),
                           translate("Review", "Viewers held"), translate("Review", "Online at start"),
                           translate("Review", "Online at draw"), translate("Review", "Peak between"),
                           translate("Review", "Change")], rows, ["warn" if r[2] == "—" else "" for r in rows]))
    data = review.platform
    if data is not None and data.alignment is not None:
        a = data.alignment
        lines = [
            translate("Review", "Platform times read as {tz} and placed on the show log's clock with an offset of "
                                "{offset} s.").format(tz=a.tz_label, offset=f"{a.offset_s:+.0f}"),
            (translate("Review", "Each platform row counts the {size} that start at its time.")
             if a.bucket_label == "start" else
             translate("Review", "Each platform row counts the {size} that end at its time.")).format(
                size=duration(a.bucket_s)) if a.bucket_s else "",
        ]
        if a.first_at is not None and a.last_at is not None:
            lines.append(translate("Review", "First row “{first}” → {first_at} on the show clock; last row "
                                             "“{last}” → {last_at}.").format(
                first=a.first_source, first_at=review.local(a.first_at), last=a.last_source,
                last_at=review.local(a.last_at)))
        if a.missing_buckets:
            listed = ", ".join(review.local(m, "%H:%M") for m in a.missing_buckets[:12])
            more = " …" if len(a.missing_buckets) > 12 else ""
            lines.append(translate("Review", "{count} minute(s) of the show have no platform row (shown as missing, "
                                             "not estimated): {list}").format(count=len(a.missing_buckets),
                                                                               list=listed + more))
        lines.extend(a.notes)
        lines.extend(data.sheets)
        lines.extend(data.problems[:10])
        s.tables.append(Table([translate("Review", "How the platform data was aligned")],
                              [[line] for line in lines if line]))
    return s


def _technical(review: Review) -> Section:
    s = Section("technical", section_title("technical"), charts=["health"])
    h = review.health
    if h.times:
        known = [k for k in h.kbps if k is not None]
        average = sum(known) / len(known) if known else None
        s.lines.append(translate("Review", "{samples} health samples from {files} file(s); average bitrate {kbps} "
                                           "kbit/s; {missing} without any sample (not recorded).").format(
            samples=len(h.times), files=len(h.files), kbps=number(average),
            missing=duration(sum(b - a for a, b in h.missing))))
    if review.room_calls:
        s.lines.append(translate("Review", "{calls} live-room calls, median answer {ms} ms.").format(
            calls=review.room_calls, ms=number(review.room_latency_ms)))
    rows = [[review.local(f.start), duration(f.seconds) if f.seconds >= 1 else translate("Review", "once"),
             fault_word(f.kind), f.label, f.on_air or "—"] for f in review.faults]
    s.tables.append(Table([translate("Review", "Start"), translate("Review", "Lasted"), translate("Review", "Fault"),
                           translate("Review", "What happened"), translate("Review", "On air then")], rows,
                          ["bad"] * len(rows)))
    return s


def skipped_lines(review: Review) -> list[str]:
    return [f"{s.source}: {s.what}" if s.source else s.what for s in review.skipped]


def comparison_table(c: Comparison) -> list[Table]:
    def pair(a: float | None, b: float | None, digits: int = 0) -> list[str]:
        return [number(a, digits), number(b, digits)]

    a_name, b_name = c.a_title or "A", c.b_title or "B"
    minutes, orders = translate("Review", "Minutes"), translate("Review", "Orders")
    conversion = translate("Review", "Click → order")
    products = Table([translate("Review", "Product"), f"{minutes} · {a_name}", f"{minutes} · {b_name}",
                      f"{orders} · {a_name}", f"{orders} · {b_name}", f"{conversion} · {a_name}",
                      f"{conversion} · {b_name}"],
                     [[r.label, *pair(r.a["minutes"], r.b["minutes"], 1), *pair(r.a["orders"], r.b["orders"]),
                       *pair(r.a["conversion_pct"], r.b["conversion_pct"], 1)] for r in c.products],
                     caption=translate("Review", "Per product"))
    faults = Table([translate("Review", "Fault"), f"{a_name}", f"{b_name}"],
                   [[r.label, f"{number(r.a['count'])} · {duration(r.a['seconds'])}",
                     f"{number(r.b['count'])} · {duration(r.b['seconds'])}"] for r in c.faults],
                   caption=translate("Review", "Faults"))
    lot = c.lotteries
    rhythm = Table([translate("Review", "Lotteries"), f"{a_name}", f"{b_name}"],
                   [[translate("Review", "Count"), number(lot.a["count"]), number(lot.b["count"])],
                    [translate("Review", "Average held"), duration(lot.a["avg_held_s"]),
                     duration(lot.b["avg_held_s"])]],
                   caption=translate("Review", "Rhythm"))
    t = c.totals
    totals = Table([translate("Review", "Show"), f"{a_name}", f"{b_name}"],
                   [[translate("Review", "Length"), duration((t.a["minutes"] or 0) * 60),
                     duration((t.b["minutes"] or 0) * 60)],
                    [translate("Review", "Gaps"), number(t.a["gaps"]), number(t.b["gaps"])],
                    [translate("Review", "Orders (platform)"), number(t.a["orders"]), number(t.b["orders"])],
                    [translate("Review", "Revenue (platform)"), money(t.a["revenue"]), money(t.b["revenue"])]],
                   caption=translate("Review", "Totals"))
    return [totals, products, rhythm, faults]
