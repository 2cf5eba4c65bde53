from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from fremdrift.organisations.selectors import memberships_of


def take_step(request, service, *, done, then, **arguments):
    """A one-click workflow step posted by `{% transition_buttons %}`: the service takes it for the
    person, the next page says how it went (`done(obj)`, or the refusal), and `then` is that page."""
    try:
        obj = service(request.user, reason=request.POST.get("reason", ""), **arguments)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done(obj))
    return redirect(then)


def home(request):
    memberships = memberships_of(request.user) if request.user.is_authenticated else []
    return render(request, "core/home.html", {"memberships": memberships})


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "error", "database": "unreachable", "detail": type(error).__name__}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok", "vendor": connection.vendor})


def error_403(request, exception=None):
    reason = str(exception) if exception and str(exception) else ""
    return render(request, "403.html", {"reason": reason}, status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors: the database may be what failed.
    return render(None, "500.html", status=500)
