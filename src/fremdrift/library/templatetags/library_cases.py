"""The library offered on the pages of the earlier steps (an application, a project) without their
code importing the library: their templates ask for the cases like the text they show."""

from django import template

from fremdrift.library import search

register = template.Library()


@register.simple_tag(takes_context=True)
def similar_cases(context, *texts):
    """The cases most like the texts (a title and a challenge), as far as the page's user may see them."""
    return search.similar_cases(context["request"].user, " ".join(str(text) for text in texts))
