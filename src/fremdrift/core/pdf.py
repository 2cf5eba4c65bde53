"""Documents as PDF: the one place that hands rendered HTML to WeasyPrint.

Every PDF is tagged PDF/UA-1, so screen readers and reflowing viewers can read it: WeasyPrint builds
the structure tree from the HTML (headings, lists, tables with their header cells, an SVG chart as a
figure whose alternative text is the SVG's `<title>`), takes the document's language from
`<html lang>` and its title from `<title>`, and makes the headings the bookmarks. The templates extend
`pdf/base.html`, which gives them the language and the title.
"""

from django.http import HttpResponse


def pdf_response(request, html: str, filename: str) -> HttpResponse:
    """`html` as a PDF download; as printable HTML when WeasyPrint is missing."""
    try:
        from weasyprint import HTML
    except ImportError:  # Without WeasyPrint the document comes as printable HTML.
        return HttpResponse(html)
    document = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(pdf_variant="pdf/ua-1")
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
