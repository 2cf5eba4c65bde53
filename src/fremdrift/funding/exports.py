"""The rows of the fund's CSV and XLSX exports (written by `core.spreadsheets`) and its PDF."""

from django.utils.translation import gettext as _

from fremdrift.core.spreadsheets import Money


def application_rows(applications):
    header = [
        _("Title"),
        _("Applicant unit"),
        _("Project lead"),
        _("Round"),
        _("Status"),
        _("Route"),
        _("Amount applied for"),
        _("Co-financing"),
        _("Start"),
        _("End"),
        _("Version"),
    ]
    rows = [
        [
            a.title,
            str(a.organisation),
            str(a.project_lead),
            a.round.name if a.round else "",
            a.get_status_display(),
            a.get_route_display(),
            Money(a.requested_amount, a.fund.currency),
            Money(a.co_financing, a.fund.currency),
            a.starts_on,
            a.ends_on,
            a.version,
        ]
        for a in applications
    ]
    return [header, *rows]


def ledger_rows(entries, currency: str):
    header = [
        _("Budget year"),
        _("Date"),
        _("Kind"),
        _("Amount"),
        _("Application"),
        _("Reason"),
        _("Recorded by"),
    ]
    rows = [
        [
            e.budget_year.year,
            e.booked_on,
            e.get_kind_display(),
            Money(e.amount, currency),
            e.application.title if e.application else "",
            e.reason,
            str(e.recorded_by),
        ]
        for e in entries
    ]
    return [header, *rows]


def meeting_papers_pdf(request, round_, rows):
    from django.template.loader import render_to_string

    from fremdrift.core.pdf import pdf_response

    html = render_to_string(
        "funding/meeting_papers.html", {"round": round_, "fund": round_.fund, "rows": rows}, request=request
    )
    return pdf_response(request, html, f"meeting-papers-{round_.pk}.pdf")
