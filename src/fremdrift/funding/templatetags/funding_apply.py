"""Funding offered on the pages of an earlier step (an idea) without its code importing funding:
the idea's template asks here which funds the user may apply to."""

from django import template

from fremdrift.funding import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def funds_open_to(context, organisation):
    """The funds the page's user may apply to on behalf of the organisation."""
    return selectors.funds_open_to(context["request"].user, organisation)
