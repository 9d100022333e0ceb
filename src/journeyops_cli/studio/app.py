"""The studio's web application: Starlette routes, each a thin handler that looks ids up in
the loaded bank, asks `forms` for the change, `save` for the write and `views` for the page.

No path from a request reaches the file system: records are found by id in the loaded
bank (and only ids that are slugs are looked up), the file written is the record's own
`source_path`, and assets are served from a fixed table read at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from journeyops_cli.edit import EditError
from journeyops_cli.findings import Finding
from journeyops_cli.models import Insight, Journey, Metric, Opportunity
from journeyops_cli.models.base import Record
from journeyops_cli.render.i18n import rule_words
from journeyops_cli.resources import templates_dir
from journeyops_cli.revisions import RevisionError
from journeyops_cli.studio.security import Guard, Keys
from journeyops_cli.studio.state import BankState
from journeyops_cli.studio.views import Renderer, unlinked_insights


class _LaterForms:
    """`studio.forms`, imported when one of its names is first used."""

    def __getattr__(self, attribute: str) -> Any:
        from journeyops_cli.studio import forms

        return getattr(forms, attribute)


if TYPE_CHECKING:
    from journeyops_cli.edit.changeset import Changeset
    from journeyops_cli.studio import forms
else:
    # The editing code (forms, the edit path) is imported when a form is first used: the
    # first page needs none of it, and the studio starts that much sooner.
    forms = _LaterForms()


ASSETS = {
    "site.css": ("site/assets/site.css", "text/css"),
    "site.js": ("site/assets/site.js", "text/javascript"),
    "studio.css": ("studio/assets/studio.css", "text/css"),
    "studio.js": ("studio/assets/studio.js", "text/javascript"),
}
Form = dict[str, list[str]]
LANGUAGE_COOKIE = "journeyops_studio_lang"


@dataclass(slots=True)
class Studio:
    """What the handlers share: the bank, the run's keys, messages for the next page."""

    state: BankState
    keys: Keys
    assets: dict[str, tuple[bytes, str]]
    flash: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    today: Callable[[], dt.date] = dt.date.today

    def reviewer(self) -> str:
        """Who reviews by default: git's user.name in the bank, else the login name."""
        import getpass

        from journeyops_cli.revisions import user_name

        return (user_name(self.state.root) or getpass.getuser() or "").strip()

    @property
    def languages(self) -> list[str]:
        return list(self.state.config.languages)

    def language(self, request: Request) -> str:
        """The page language: `?lang=`, else the one last chosen (a cookie), else the
        bank's first."""
        for wanted in (request.query_params.get("lang", ""), request.cookies.get(LANGUAGE_COOKIE, "")):
            if wanted in self.languages:
                return wanted
        return self.languages[0]

    def renderer(self, request: Request) -> Renderer:
        config = self.state.config
        title = config.site.title or config.name or "journeyops"
        return Renderer(self.state.view, title, self.languages, self.language(request), request.url.path,
                        self.keys.csrf(), dict(request.query_params))


def _assets() -> dict[str, tuple[bytes, str]]:
    """The studio's assets; the site's as the site writes them (with the journey map's own
    stylesheet and script, `templates/render/map.css` and `map.js`, appended)."""
    from journeyops_cli.site.jobs import asset_bytes

    root = templates_dir()
    return {name: (asset_bytes(name) if rel.startswith("site/") else (root / rel).read_bytes(), kind)
            for name, (rel, kind) in ASSETS.items()}


async def _form(request: Request) -> Form:
    body = await request.body()
    return parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status)


def _not_found(studio: Studio, request: Request) -> HTMLResponse:
    view = studio.renderer(request)
    return _html(view.render("studio/message.html.j2", view.s["not_found"], message=view.s["not_found"]), 404)


Handler = Callable[[Studio, Request], Awaitable[Response]]


def build_app(state: BankState, keys: Keys, port: int, today: Callable[[], dt.date] = dt.date.today) -> Guard:
    """The studio for the bank in `state`, behind its guard (security.Guard)."""
    studio = Studio(state, keys, _assets(), today=today)

    def route(path: str, handler: Handler, methods: list[str]) -> Route:
        async def endpoint(request: Request) -> Response:
            if request.method == "GET":
                studio.state.refresh()
            response = await handler(studio, request)
            if request.method == "GET" and response.background is None and not studio.state.view.is_judged():
                # After the page is sent: the error rules' first run, so a first save
                # costs what later saves cost (a form takes longer to fill in than that).
                response.background = BackgroundTask(studio.state.prepare)
            chosen = request.query_params.get("lang", "")
            if chosen in studio.languages and request.cookies.get(LANGUAGE_COOKIE) != chosen:
                response.set_cookie(LANGUAGE_COOKIE, chosen, httponly=True, samesite="strict")
            return response

        return Route(path, endpoint, methods=methods)

    routes = [
        route("/", home, ["GET"]),
        route("/assets/{name}", asset, ["GET"]),
        route("/favicon.ico", no_icon, ["GET"]),
        route("/search", search, ["GET"]),
        route("/journey/{id}", journey_page, ["GET"]),
        route("/journey/{id}/review", review, ["POST"]),
        route("/journey/{id}/steps", add_step, ["POST"]),
        route("/journey/{id}/step/{step}", step_page, ["GET", "POST"]),
        route("/journey/{id}/step/{step}/move", move_step, ["POST"]),
        route("/journey/{id}/step/{step}/remove", remove_step, ["GET", "POST"]),
        route("/new/journey", new_journey, ["GET", "POST"]),
        route("/new/insight", new_insight, ["GET", "POST"]),
        route("/new/opportunity", new_opportunity, ["GET", "POST"]),
        route("/insight/{id}", insight_page, ["GET"]),
        route("/opportunity/{id}", opportunity_page, ["GET"]),
        route("/triage", triage, ["GET", "POST"]),
        route("/metrics", metrics_page, ["GET"]),
        route("/metric/{id}", metric_page, ["GET", "POST"]),
        route("/changes", changes_page, ["GET", "POST"]),
        route("/live", live, ["GET"]),
    ]
    return Guard(Starlette(routes=routes), keys, port)


# --- saving ---------------------------------------------------------------------------


def _try_save(studio: Studio, digests: dict[str, str], plan: Callable[[], Changeset],
              view: Renderer) -> tuple[str | None, int]:
    """None and 200 when saved (the flash says what), else the message and status."""
    from journeyops_cli.studio.save import Refused, Stale, save

    try:
        done = save(studio.state, digests, plan)
    except Stale:
        return view.s["stale"], 409
    except Refused as refused:
        shown = "; ".join(_finding_text(f, view.language) for f in refused.findings)
        return f"{view.s['refused']} {shown}", 422
    except EditError as error:
        return f"{view.s['not_saved']} {forms.said(error, view.language)}", 422
    studio.flash.append(f"{view.s['saved']} {'; '.join(done) if done else '–'}")
    return None, 200


def _finding_text(finding: Finding, language: str) -> str:
    """`path:line:col: CODE message`, with the rule's summary in the page language first
    when the catalogue has it (validate's own message is English)."""
    words = rule_words(finding.code, language)
    title = words[0] if words else None
    said = f"{title} — {finding.message}" if title else finding.message
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {said}"


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _posted_digest(form: Form, record: Record) -> dict[str, str]:
    return {record.source_path: forms.one(form, "digest")}


def _take_flash(studio: Studio) -> list[str]:
    messages, studio.flash[:] = list(studio.flash), []
    return messages


# --- pages ----------------------------------------------------------------------------


async def home(studio: Studio, request: Request) -> Response:
    view = studio.renderer(request)
    bank = view.bank
    journeys = view.planner.journeys_sorted(bank.journeys())
    return _html(view.render(
        "studio/home.html.j2", view.s["overview"], "index.html",
        journeys=journeys, unlinked=unlinked_insights(bank), flash=_take_flash(studio),
        findings=view.view.findings,
    ))


async def asset(studio: Studio, request: Request) -> Response:
    found = studio.assets.get(request.path_params["name"])
    if found is None:
        return Response("not found", status_code=404, media_type="text/plain")
    return Response(found[0], media_type=found[1])


async def no_icon(studio: Studio, request: Request) -> Response:
    return Response(status_code=204)


async def search(studio: Studio, request: Request) -> Response:
    view = studio.renderer(request)
    query = request.query_params.get("q", "").strip().casefold()
    hits: list[tuple[str, str, str]] = []
    if len(query) >= 2:
        for kind, records in (("journey", view.bank.journeys()), ("insight", view.bank.insights()),
                              ("opportunity", view.bank.opportunities()), ("metric", view.bank.metrics())):
            for record in records:
                title = view.t(getattr(record, "title", record.id))
                if query in title.casefold() or query in record.id:
                    hits.append((kind, record.id, title))
    return _html(view.render("studio/search.html.j2", view.s["search"], "search.html",
                             hits=hits[:200], query=request.query_params.get("q", "")))


def _journey(studio: Studio, request: Request) -> Journey | None:
    found = forms.record_of(studio.state.view.bank, Journey, request.path_params["id"])
    return found if isinstance(found, Journey) else None


async def journey_page(studio: Studio, request: Request, message: str | None = None,
                       status: int = 200, form: Form | None = None) -> Response:
    journey = _journey(studio, request)
    if journey is None:
        return _not_found(studio, request)
    view = studio.renderer(request)
    title, main = view.site_main("journey", journey)
    parent = view.bank.parent(journey)
    return _html(view.render(
        "studio/journey.html.j2", title, "", journey=journey, site_main=main,
        digest=studio.state.digest(journey.source_path), flash=_take_flash(studio), message=message,
        parent_steps=[(above.id, view.t(above.title)) for above in parent.steps] if parent else [],
        findings=view.findings({journey.source_path}), form=form or {}, reviewer=studio.reviewer(),
    ), status)


async def _journey_post(studio: Studio, request: Request,
                        plan: Callable[[Journey, Form], Changeset]) -> tuple[Journey | None, Form, Response | None]:
    """Save a form posted on a journey's page: (the journey, the form, the page to answer
    with when not saved; None when saved)."""
    journey = _journey(studio, request)
    if journey is None:
        return None, {}, _not_found(studio, request)
    form = await _form(request)
    found = journey
    message, status = _try_save(studio, _posted_digest(form, journey), lambda: plan(found, form),
                                studio.renderer(request))
    if message:
        return journey, form, await journey_page(studio, request, message, status, form)
    return journey, form, None


async def review(studio: Studio, request: Request) -> Response:
    def plan(journey: Journey, form: Form) -> Changeset:
        return forms.mark_reviewed(studio.state.view.bank, journey.id, form, studio.today(), studio.reviewer())

    journey, form, refused = await _journey_post(studio, request, plan)
    if refused is not None or journey is None:
        return refused or _not_found(studio, request)
    note = forms.one(form, "note")
    if note:
        studio.notes.append(f"{journey.id} reviewed: {note}")
    return _redirect(studio.renderer(request).link.record("journey", journey.id))


async def add_step(studio: Studio, request: Request) -> Response:
    def plan(journey: Journey, form: Form) -> Changeset:
        return forms.add_step(studio.state.view.bank, journey.id, form, studio.languages)

    journey, _, refused = await _journey_post(studio, request, plan)
    if refused is not None or journey is None:
        return refused or _not_found(studio, request)
    return _redirect(studio.renderer(request).link.record("journey", journey.id))


def _step_of(studio: Studio, request: Request) -> tuple[Journey, int] | None:
    journey = _journey(studio, request)
    step_id = request.path_params["step"]
    if journey is None:
        return None
    for index, step in enumerate(journey.steps):
        if step.id == step_id:
            return journey, index
    return None


async def step_page(studio: Studio, request: Request) -> Response:
    found = _step_of(studio, request)
    if found is None:
        return _not_found(studio, request)
    journey, index = found
    view = studio.renderer(request)
    message, status, form = None, 200, None
    if request.method == "POST":
        form = await _form(request)
        step_id = journey.steps[index].id
        message, status = _try_save(
            studio, _posted_digest(form, journey),
            lambda: forms.edit_step(studio.state.view.bank, journey.id, step_id, form, studio.languages), view,
        )
        if message is None:
            return _redirect(view.link.record("step", f"{journey.id}#{step_id}"))
    step = journey.steps[index]
    parent = view.bank.parent(journey)
    from journeyops_cli.models.journey import Channel

    return _html(view.render(
        "studio/step.html.j2", f"{view.s['edit_step']}: {view.t(step.title)}", "",
        journey=journey, step=step, digest=studio.state.digest(journey.source_path), message=message,
        form=form, channels=Channel.__args__,  # type: ignore[attr-defined]
        emotions=forms.EMOTIONS,
        parent_steps=[(above.id, view.t(above.title)) for above in parent.steps] if parent else [],
        findings=view.findings({journey.source_path}),
        lanes=view.bank.config.lanes, own=journey.lanes_of(index), own_field=forms.own_field,
        lane_choices={lane_id: [(value, view.t(title)) for value, title in lane.choices.items()]
                      for lane_id, lane in view.bank.config.lanes.items()},
    ), status)


async def move_step(studio: Studio, request: Request) -> Response:
    found = _step_of(studio, request)
    if found is None:
        return _not_found(studio, request)
    journey, index = found
    form = await _form(request)
    view = studio.renderer(request)
    step_id = journey.steps[index].id
    offset = -1 if forms.one(form, "direction") == "up" else 1
    message, status = _try_save(studio, _posted_digest(form, journey),
                                lambda: forms.move_step(studio.state.view.bank, journey.id, step_id, offset), view)
    if message:
        return await journey_page(studio, request, message, status)
    return _redirect(view.link.record("journey", journey.id))


async def remove_step(studio: Studio, request: Request) -> Response:
    found = _step_of(studio, request)
    if found is None:
        return _not_found(studio, request)
    journey, index = found
    view = studio.renderer(request)
    step = journey.steps[index]
    message, status = None, 200
    if request.method == "POST":
        form = await _form(request)
        message, status = _try_save(
            studio, _posted_digest(form, journey),
            lambda: forms.remove_step(studio.state.view.bank, journey.id, step.id), view,
        )
        if message is None:
            return _redirect(view.link.record("journey", journey.id))
    return _html(view.render(
        "studio/remove_step.html.j2", f"{view.s['remove_step']}: {view.t(step.title)}", "",
        journey=journey, step=step, orphans=forms.orphans_of(view.bank, journey.id, step.id),
        digest=studio.state.digest(journey.source_path), message=message,
    ), status)


async def _new_record(studio: Studio, request: Request, template: str, title_key: str,
                      plan: Callable[[Form], Changeset], after: Callable[[Renderer], str],
                      **context: Any) -> Response:
    view = studio.renderer(request)
    message, status, form = None, 200, None
    if request.method == "POST":
        form = await _form(request)
        posted = form
        message, status = _try_save(studio, {}, lambda: plan(posted), view)
        if message is None:
            return _redirect(after(view))
    extra = {name: value(view) if callable(value) else value for name, value in context.items()}
    return _html(view.render(template, view.s[title_key], "", message=message, form=form or {},
                             today=studio.today().isoformat(), **extra), status)


async def new_insight(studio: Studio, request: Request) -> Response:
    from journeyops_cli.models.insight import Confidence, InsightType, Severity

    return await _new_record(
        studio, request, "studio/insight_form.html.j2", "add_insight",
        lambda form: forms.add_insight(studio.state.view.bank, form, studio.languages),
        lambda view: view.link.root(),
        types=InsightType.__args__, severities=Severity.__args__,  # type: ignore[attr-defined]
        confidences=Confidence.__args__,  # type: ignore[attr-defined]
        step_choices=lambda view: view.step_choices(),
        groups=lambda view: [(g.id, view.t(g.title)) for g in view.bank.customer_groups()],
    )


async def new_opportunity(studio: Studio, request: Request) -> Response:
    from journeyops_cli.models.opportunity import OpportunityStatus

    return await _new_record(
        studio, request, "studio/opportunity_form.html.j2", "add_opportunity",
        lambda form: forms.add_opportunity(studio.state.view.bank, form, studio.languages),
        lambda view: view.link.root(),
        statuses=OpportunityStatus.__args__,  # type: ignore[attr-defined]
        step_choices=lambda view: view.step_choices(),
        insights=lambda view: [(i.id, view.t(i.title)) for i in view.bank.insights()],
        metrics=lambda view: [(m.id, view.t(m.title)) for m in view.bank.metrics()],
    )


async def new_journey(studio: Studio, request: Request) -> Response:
    bank = studio.state.view.bank
    parent_id = request.query_params.get("parent", "")
    parent = forms.record_of(bank, Journey, parent_id) if parent_id else None
    try:
        rows = max(1, min(int(request.query_params.get("rows", forms.STEP_ROWS)), 40))
    except ValueError:
        rows = forms.STEP_ROWS
    level = {"top": "mid", "mid": "detailed"}.get(parent.level) if isinstance(parent, Journey) else "top"
    return await _new_record(
        studio, request, "studio/journey_form.html.j2", "new_journey",
        lambda form: forms.new_journey(studio.state.view.bank, form, studio.languages),
        lambda view: view.link.root(),
        parent=parent, level=level, rows=rows, improves=request.query_params.get("improves", ""),
        themes=lambda view: [(th.id, view.t(th.title)) for th in view.bank.themes()],
        parents=lambda view: [(j.id, view.t(j.title), j.level)
                              for j in view.planner.journeys_sorted(view.bank.journeys()) if j.level != "detailed"],
        improvable=lambda view: [(j.id, view.t(j.title)) for j in view.planner.journeys_sorted(view.bank.journeys())
                                 if j.level == level and j.state == "current"],
        parent_steps=lambda view: (
            [(above.id, view.t(above.title)) for above in parent.steps] if isinstance(parent, Journey) else []
        ),
    )


async def insight_page(studio: Studio, request: Request) -> Response:
    return _record_page(studio, request, Insight, "insight")


async def opportunity_page(studio: Studio, request: Request) -> Response:
    return _record_page(studio, request, Opportunity, "opportunity")


def _record_page(studio: Studio, request: Request, model: type[Record], kind: str) -> Response:
    record = forms.record_of(studio.state.view.bank, model, request.path_params["id"])
    if record is None:
        return _not_found(studio, request)
    view = studio.renderer(request)
    title, main = view.site_main(kind, record)
    return _html(view.render("studio/record.html.j2", title, "", site_main=main,
                             findings=view.findings({record.source_path})))


async def triage(studio: Studio, request: Request) -> Response:
    view = studio.renderer(request)
    message, status, form = None, 200, None
    if request.method == "POST":
        form = await _form(request)
        posted = form
        bank = studio.state.view.bank
        digests = {}
        for insight_id in forms.many(form, "insights"):
            insight = forms.record_of(bank, Insight, insight_id)
            if insight is not None:
                digests[insight.source_path] = forms.one(form, f"digest_{insight.id}")
        message, status = _try_save(studio, digests, lambda: forms.triage(studio.state.view.bank, posted), view)
        if message is None:
            return _redirect(view.link.url("/triage"))
        view = studio.renderer(request)
    unlinked = unlinked_insights(view.bank)
    return _html(view.render(
        "studio/triage.html.j2", view.s["triage"], "insights/index.html", unlinked=unlinked,
        digests={i.id: studio.state.digest(i.source_path) for i in unlinked},
        step_choices=view.step_choices(), message=message, form=form or {}, flash=_take_flash(studio),
    ), status)


async def metrics_page(studio: Studio, request: Request) -> Response:
    view = studio.renderer(request)
    metrics = sorted(view.bank.metrics(), key=lambda m: view.t(m.title).casefold())
    return _html(view.render("studio/metrics.html.j2", view.s["metrics"], "metrics.html", metrics=metrics,
                             flash=_take_flash(studio)))


async def metric_page(studio: Studio, request: Request) -> Response:
    metric = forms.record_of(studio.state.view.bank, Metric, request.path_params["id"])
    if not isinstance(metric, Metric):
        return _not_found(studio, request)
    view = studio.renderer(request)
    message, status, form = None, 200, None
    if request.method == "POST":
        form = await _form(request)
        posted, found = form, metric
        message, status = _try_save(studio, _posted_digest(form, metric),
                                    lambda: forms.add_observation(studio.state.view.bank, found.id, posted), view)
        if message is None:
            return _redirect(view.link.record("metric", metric.id))
    return _html(view.render(
        "studio/metric.html.j2", view.t(metric.title), "", metric=metric, message=message, form=form or {},
        digest=studio.state.digest(metric.source_path), flash=_take_flash(studio),
        today=studio.today().isoformat(), findings=view.findings({metric.source_path}),
    ), status)


async def changes_page(studio: Studio, request: Request) -> Response:
    from journeyops_cli.studio.gitops import changes as git_changes
    from journeyops_cli.studio.gitops import commit as git_commit
    from journeyops_cli.studio.gitops import default_branch

    view = studio.renderer(request)
    message, status, done = None, 200, None
    form: Form = {}
    if request.method == "POST":
        form = await _form(request)
        branch = forms.one(form, "branch") or None
        try:
            with studio.state.lock:
                done = git_commit(studio.state.root, forms.one(form, "message"), branch)
        except forms.FormError as error:
            message, status = f"{view.s['not_saved']} {error.text(view.language)}", 422
        except RevisionError as error:
            message, status = f"{view.s['not_saved']} {error.message}", 422
        else:
            studio.notes.clear()
    found = git_changes(studio.state.root)
    suggested = "\n".join(["Changes made in journeyops studio", *(["", *studio.notes] if studio.notes else [])])
    return _html(view.render(
        "studio/changes.html.j2", view.s["changes"], "", changes=found, message=message, form=form,
        committed=done, suggested=suggested, branch=default_branch(dt.datetime.now()),
    ), status)


async def live(studio: Studio, request: Request) -> Response:
    """The findings for one record's file, for the studio's script to refresh a page."""
    view = studio.renderer(request)
    kind = request.query_params.get("kind", "")
    models: dict[str, type[Record]] = {"journey": Journey, "insight": Insight, "metric": Metric,
                                       "opportunity": Opportunity}
    model = models.get(kind)
    record = forms.record_of(view.bank, model, request.query_params.get("id", "")) if model else None
    if record is None:
        return JSONResponse({"findings": []}, status_code=404)
    html = view.render("studio/_findings.html.j2", "", findings=view.findings({record.source_path}))
    return JSONResponse({"html": html})
