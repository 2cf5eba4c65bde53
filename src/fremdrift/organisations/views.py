import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fremdrift import access
from fremdrift.audit.models import AuditEntry
from fremdrift.audit.presenting import present
from fremdrift.audit.reading import readable
from fremdrift.core import spreadsheets
from fremdrift.core.forms import add_service_errors

from . import selectors, services
from .forms import AuditFilterForm, ChildOrganisationForm, MemberForm
from .models import Membership, Organisation


@login_required
def organisation_list(request):
    return render(
        request, "organisations/list.html", {"tree": selectors.visible_organisations_tree(request.user)}
    )


@login_required
def organisation_detail(request, pk):
    organisation = access.get_for(request.user, "organisation.view", Organisation.objects.all(), pk=pk)
    may_manage = access.has_permission(request.user, "membership.manage", organisation)
    member_form = MemberForm(prefix="member")
    child_form = ChildOrganisationForm(prefix="child")
    if request.method == "POST":
        access.require(request.user, "membership.manage", organisation)
        if "add_member" in request.POST:
            member_form = MemberForm(request.POST, prefix="member")
            if member_form.is_valid():
                try:
                    membership = services.add_member(
                        request.user, organisation=organisation, **member_form.cleaned_data
                    )
                except ValidationError as error:
                    add_service_errors(member_form, error)
                else:
                    messages.success(
                        request,
                        _("%(user)s is now %(role)s.")
                        % {"user": membership.user, "role": membership.get_role_display()},
                    )
                    return redirect("organisations:detail", pk=pk)
        elif "add_child" in request.POST:
            child_form = ChildOrganisationForm(request.POST, prefix="child")
            if child_form.is_valid():
                try:
                    child = services.create_organisation(
                        request.user, parent=organisation, **child_form.cleaned_data
                    )
                except ValidationError as error:
                    add_service_errors(child_form, error)
                else:
                    messages.success(request, _("%(name)s was added.") % {"name": child})
                    return redirect("organisations:detail", pk=pk)
    context = {
        "organisation": organisation,
        "may_manage": may_manage,
        "may_view_audit": access.has_permission(request.user, "audit.view", organisation),
        "member_form": member_form,
        "child_form": child_form,
        **selectors.organisation_page(organisation),
    }
    return render(request, "organisations/detail.html", context)


@login_required
@require_POST
def revoke_membership(request, pk, membership_pk):
    organisation = access.get_for(request.user, "membership.manage", Organisation.objects.all(), pk=pk)
    membership = get_object_or_404(Membership, pk=membership_pk, organisation=organisation)
    try:
        services.revoke_role(request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The role was removed."))
    return redirect("organisations:detail", pk=pk)


@login_required
def audit_overview(request):
    organisations = list(access.visible_organisations(request.user, "audit.view").order_by("path"))
    tops = [
        o
        for o in organisations
        if not any(o.path != p.path and o.path.startswith(p.path) for p in organisations)
    ]
    if len(tops) == 1:
        return redirect("organisations:audit", pk=tops[0].pk)
    if not tops:
        raise access.NotAllowed(
            access.Permission(False, _("Only organisation administrators read the audit trail."))
        )
    return render(request, "organisations/audit_overview.html", {"organisations": tops})


def _audit_filtered(request, pk):
    """The organisation and its trail, filtered as the page's form asks."""
    organisation = access.get_for(request.user, "audit.view", Organisation.objects.all(), pk=pk)
    object_types = ContentType.objects.filter(
        pk__in=AuditEntry.objects.filter(organisation_path__startswith=organisation.path)
        .values("content_type")
        .distinct()
    )
    form = AuditFilterForm(request.GET or None, object_types=object_types)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = selectors.audit_trail(organisation, **{k: v for k, v in filters.items() if v})
    return organisation, form, entries


@login_required
def audit_trail(request, pk):
    organisation, form, entries = _audit_filtered(request, pk)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    page.object_list = present(readable(page.object_list, request.user))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "organisations/audit.html",
        {
            "organisation": organisation,
            "form": form,
            "page": page,
            "query": query.urlencode(),
        },
    )


@login_required
def audit_export(request, pk):
    """The filtered trail with its raw values (sealed fields still redacted), for spreadsheets."""
    organisation, _form, entries = _audit_filtered(request, pk)
    rows = [
        (
            entry.at,
            entry.actor_label,
            entry.action,
            f"{entry.content_type.app_label}.{entry.content_type.model}",
            entry.object_id,
            entry.object_repr,
            json.dumps(entry.changes, ensure_ascii=False, cls=DjangoJSONEncoder),
            entry.reason,
        )
        for entry in readable(entries, request.user)
    ]
    header = ("at", "actor", "action", "object_type", "object_id", "object", "changes", "reason")
    return spreadsheets.download([header, *rows], f"audit-{organisation.pk}.csv")
