"""Documents as PDF: the one place that hands rendered HTML to WeasyPrint."""

from django.http import HttpResponse


def pdf_response(request, html: str, filename: str) -> HttpResponse:
    """`html` as a PDF download; as printable HTML when WeasyPrint is missing."""
    try:
        from weasyprint import HTML
    except ImportError:  # Without WeasyPrint the document comes as printable HTML.
        return HttpResponse(html)
    document = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
