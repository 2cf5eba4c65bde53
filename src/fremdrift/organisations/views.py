import json

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from fremdrift import access
from fremdrift.audit.models import AuditEntry
from fremdrift.audit.presenting import present
from fremdrift.audit.reading import readable
from fremdrift.core import spreadsheets
from fremdrift.core.forms import add_service_errors
from fremdrift.core.requests import posted_next
from fremdrift.core.views import take_step

from . import invitations, selectors, services
from .forms import (
    AuditFilterForm,
    BulkInvitationForm,
    ChildOrganisationForm,
    InvitationForm,
    JoinForm,
    MemberForm,
)
from .models import Invitation, Membership, Organisation
from .roles import Role


@login_required
def organisation_list(request):
    return render(
        request, "organisations/list.html", {"tree": selectors.visible_organisations_tree(request.user)}
    )


@login_required
def organisation_detail(request, pk):
    organisation = access.get_for(request.user, "organisation.view", Organisation.objects.all(), pk=pk)
    may_manage = access.has_permission(request.user, "membership.manage", organisation)
    may_invite = access.has_permission(request.user, "invitation.send", organisation)
    member_form = MemberForm(prefix="member")
    invitation_form = InvitationForm(prefix="invite", organisation=organisation)
    child_form = ChildOrganisationForm(prefix="child")
    if request.method == "POST" and "invite" in request.POST:
        invitation_form = InvitationForm(request.POST, prefix="invite", organisation=organisation)
        if invitation_form.is_valid():
            data = invitation_form.cleaned_data
            try:
                invitation = invitations.invite(
                    request.user,
                    organisation=data["unit"],
                    email=data["email"],
                    name=data["name"],
                    role=data["role"],
                )
            except ValidationError as error:
                add_service_errors(invitation_form, error)
            else:
                messages.success(
                    request,
                    _("An invitation was sent to %(email)s. It can be used for 7 days.")
                    % {"email": invitation.email},
                )
                return redirect("organisations:detail", pk=pk)
    elif request.method == "POST":
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
        "may_invite": may_invite,
        "may_view_audit": access.has_permission(request.user, "audit.view", organisation),
        "member_form": member_form,
        "invitation_form": invitation_form,
        "child_form": child_form,
        "invitations": selectors.open_invitations(organisation) if may_invite else [],
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


# --- invitations ------------------------------------------------------------------------------------

INVITATION_STEPS = {
    "resend": (invitations.resend, gettext_lazy("A new invitation was sent to %(email)s.")),
    "revoke": (invitations.revoke, gettext_lazy("The invitation to %(email)s was revoked.")),
}


@login_required
@require_POST
def invitation_step(request, pk, name):
    if name not in INVITATION_STEPS:
        raise Http404
    invitation = access.get_for(request.user, "invitation.manage", Invitation.objects.all(), pk=pk)
    service, done = INVITATION_STEPS[name]
    return take_step(
        request,
        service,
        invitation=invitation,
        done=lambda invitation: done % {"email": invitation.email},
        then=posted_next(request)
        or reverse("organisations:detail", args=[invitation.organisation_id]) + "#invitations",
    )


def _bulk_salt(organisation, user) -> str:
    return f"fremdrift.organisations.bulk_invite.{organisation.pk}.{user.pk}"


@login_required
def bulk_invite(request, pk):
    """Paste or upload many people, see each row checked, then send: nothing goes out before that."""
    organisation = access.get_for(request.user, "invitation.send", Organisation.objects.all(), pk=pk)
    if request.method == "POST" and "confirm" in request.POST:
        return _send_bulk(request, organisation)
    form = BulkInvitationForm(request.POST or None, request.FILES or None)
    rows, payload = None, ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = invitations.read_rows(
                text=form.cleaned_data["rows"],
                data=upload.read() if upload else b"",
                filename=upload.name if upload else "",
            )
        except spreadsheets.FileRefused as error:
            form.add_error("file" if upload else "rows", str(error))
            rows = None
        else:
            rows = invitations.check_rows(request.user, organisation=organisation, rows=rows)
            valid = [row.as_written for row in rows if row.is_valid]
            if valid:
                payload = signing.dumps(valid, salt=_bulk_salt(organisation, request.user), compress=True)
    return render(
        request,
        "organisations/bulk_invite.html",
        {
            "organisation": organisation,
            "form": form,
            "rows": rows,
            "valid_count": sum(row.is_valid for row in rows or []),
            "payload": payload,
            "example_role": Role.STAFF.label,
        },
    )


def _send_bulk(request, organisation):
    try:
        written = signing.loads(
            request.POST.get("payload", ""), salt=_bulk_salt(organisation, request.user), max_age=3600
        )
        rows = [invitations.Row(*values) for values in written]
    except (signing.BadSignature, TypeError, ValueError):
        messages.error(request, _("The preview has expired. Paste the list or choose the file again."))
        return redirect("organisations:bulk_invite", pk=organisation.pk)
    rows = invitations.invite_many(request.user, organisation=organisation, rows=rows)
    sent = sum(row.is_valid for row in rows)
    messages.success(
        request,
        ngettext("%(count)s invitation was sent.", "%(count)s invitations were sent.", sent)
        % {"count": sent},
    )
    for row in rows:
        if not row.is_valid:
            messages.error(
                request,
                _("Not sent to %(email)s (line %(line)s): %(problems)s")
                % {"email": row.email, "line": row.line, "problems": " ".join(row.problems)},
            )
    return redirect(reverse("organisations:detail", args=[organisation.pk]) + "#invitations")


def _name_parts(invitation, person) -> dict:
    """The name to start from: the account's, else the one the administrator wrote (last word last)."""
    if person is not None and (person.first_name or person.last_name):
        return {"first_name": person.first_name, "last_name": person.last_name}
    first, _space, last = invitation.name.rpartition(" ")
    return {"first_name": first or last, "last_name": last if first else ""}


@never_cache
def invitation(request, token):
    """Where the link in an invitation leads: a new person chooses her name and password (or logs in
    through OIDC), a person with an account logs in, and either accepts; then her home page."""
    invitation = selectors.invitation_for(token)
    if invitation is None:
        return render(request, "organisations/invitation.html", {"mode": "unknown"}, status=404)
    context = {"invitation": invitation, "token": token}
    if not invitation.is_open:
        return render(request, "organisations/invitation.html", {**context, "mode": "closed"}, status=410)
    if request.user.is_authenticated:
        if not access.has_permission(request.user, "invitation.accept", invitation):
            return render(request, "organisations/invitation.html", {**context, "mode": "someone_else"})
        if request.method == "POST":
            try:
                membership = invitations.accept(request.user, invitation=invitation)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("invitations:open", token=token)
            return _welcome(request, membership)
        return render(request, "organisations/invitation.html", {**context, "mode": "accept"})
    person = get_user_model().objects.filter(email__iexact=invitation.email).first()
    if person is not None and person.has_usable_password():
        return render(request, "organisations/invitation.html", {**context, "mode": "log_in"})
    form = JoinForm(request.POST or None, initial=_name_parts(invitation, person))
    if request.method == "POST" and form.is_valid():
        try:
            person, membership = invitations.join(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password"],
                language=translation.get_language(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            login(request, person, backend="django.contrib.auth.backends.ModelBackend")
            return _welcome(request, membership)
    return render(request, "organisations/invitation.html", {**context, "mode": "join", "form": form})


def _welcome(request, membership):
    messages.success(
        request,
        _("Welcome. You are now %(role)s in %(organisation)s.")
        % {"role": membership.get_role_display(), "organisation": membership.organisation},
    )
    return redirect("home")


@require_POST
def ask_for_new_invitation(request, token):
    invitation = selectors.invitation_for(token)
    if invitation is None:
        raise Http404
    try:
        asked = invitations.ask_for_new_invitation(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("We have asked %(people)s to send you a new invitation.")
            % {"people": ", ".join(str(person) for person in asked)},
        )
    return redirect("invitations:open", token=token)
