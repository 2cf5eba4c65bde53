from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fremdrift import access
from fremdrift.core import spreadsheets
from fremdrift.core.forms import add_service_errors
from fremdrift.core.views import take_step
from fremdrift.projects.selectors import visible_projects

from . import export, selectors, services
from .forms import AdoptForm, CommentForm, KnowledgePostForm, ReuseProgressForm, SearchForm
from .models import Case, KnowledgePost, KnowledgePostStatus, Reuse
from .search import search, similar_cases


def index(request):
    form = SearchForm(request.GET or None)
    hits = []
    if form.is_valid() and form.cleaned_data["q"]:
        hits = search(request.user, form.cleaned_data["q"], limit=30, filters=form.filters())
    return render(
        request, "library/index.html", {"form": form, "hits": hits, "searched": bool(request.GET.get("q"))}
    )


def case_detail(request, pk):
    case = get_object_or_404(selectors.visible_cases(request.user), pk=pk)
    context = selectors.case_page(request.user, case)
    context.update(
        {
            "case": case,
            "similar": similar_cases(
                request.user, f"{case.title} {case.challenge or case.lead}", exclude=case
            ),
            "adopt_form": AdoptForm(organisations=context["adopting_organisations"]),
            "progress_form": ReuseProgressForm(),
        }
    )
    return render(request, "library/case_detail.html", context)


@login_required
@require_POST
def adopt(request, pk):
    case = get_object_or_404(selectors.visible_cases(request.user), pk=pk)
    form = AdoptForm(request.POST, organisations=selectors.adopting_organisations(request.user, case))
    if form.is_valid():
        try:
            services.adopt(
                request.user,
                case=case,
                organisation=form.cleaned_data["organisation"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The reuse is recorded. Tell how far it gets."))
    else:
        messages.error(request, _("Choose the organisation that reuses the case."))
    return redirect("library:case", pk=pk)


@login_required
@require_POST
def reuse_progress(request, pk):
    reuse = access.get_for(request.user, "case.adopt", Reuse.objects.select_related("organisation"), pk=pk)
    form = ReuseProgressForm(request.POST)
    if form.is_valid():
        services.record_reuse_progress(request.user, reuse=reuse, **form.cleaned_data)
        messages.success(request, _("The reuse was updated."))
    return redirect("library:case", pk=reuse.case_id)


@login_required
@require_POST
def step(request, pk, name):
    return take_step(
        request,
        services.take_step,
        case=access.get_for(request.user, "case.view", Case.objects.exclude(organisation=None), pk=pk),
        name=name,
        done=lambda case: _("The case is now %(status)s.") % {"status": case.get_status_display().lower()},
        then=reverse("library:case", args=[pk]),
    )


@login_required
@require_POST
def from_project(request, project_pk):
    project = get_object_or_404(visible_projects(request.user), pk=project_pk)
    try:
        case = services.case_from_project(request.user, project=project)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("projects:detail", pk=project.pk)
    messages.success(
        request, _("The case is drafted from the project. The organisation approves it before it is public.")
    )
    return redirect("library:case", pk=case.pk)


def reuse_overview(request):
    return render(request, "library/overview.html", selectors.reuse_overview())


def knowledge(request):
    posts = (
        access.narrow_knowledge_posts(KnowledgePost.objects.all(), request.user)
        .select_related("author", "project", "organisation")
        .prefetch_related("comments__author")
        .order_by("theme", "kind", "pk")
    )
    form = None
    if request.user.is_authenticated:
        organisations = access.visible_organisations(request.user, "knowledge.write").order_by("path")
        form = KnowledgePostForm(
            request.POST or None,
            organisations=organisations,
            projects=visible_projects(request.user),
        )
        if request.method == "POST" and form.is_valid():
            try:
                post = services.write_knowledge_post(request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you for sharing. Others see your post once the innovation unit has approved it."
                    ),
                )
                return redirect(f"{reverse('library:knowledge')}#post-{post.pk}")
    return render(
        request, "library/knowledge.html", {"posts": posts, "form": form, "comment_form": CommentForm()}
    )


@login_required
@require_POST
def knowledge_step(request, pk, name):
    return take_step(
        request,
        services.take_post_step,
        post=get_object_or_404(
            access.narrow_knowledge_posts(KnowledgePost.objects.all(), request.user), pk=pk
        ),
        name=name,
        done=lambda post: _("The post was published.") if post.is_published else _("The post was withdrawn."),
        then=reverse("library:knowledge"),
    )


@login_required
@require_POST
def comment(request, pk):
    post = get_object_or_404(KnowledgePost.objects.filter(status=KnowledgePostStatus.PUBLISHED), pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_on_post(request.user, post=post, text=form.cleaned_data["text"])
        messages.success(request, _("Your comment was added."))
    else:
        messages.error(request, _("Write a comment."))
    return redirect(f"{reverse('library:knowledge')}#post-{post.pk}")


def open_data(request, format):
    rows = export.case_rows(export.published_cases())
    if format == "json":
        return HttpResponse(export.as_json(rows), content_type="application/json; charset=utf-8")
    return spreadsheets.attachment(export.as_csv(rows).encode(), "fremdrift-cases.csv")
