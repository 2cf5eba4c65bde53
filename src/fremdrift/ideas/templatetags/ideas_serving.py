"""The ideas app's part of the strategy page: the ideas that serve each beacon. The strategy app
sits below ideas and does not import it; its template asks for them here."""

from django import template

from fremdrift.ideas import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def ideas_serving(context, strategy):
    """The ideas the page's user sees that serve the strategy's beacons, by beacon id (one query)."""
    return selectors.ideas_serving(strategy, context["request"].user)


@register.inclusion_tag("ideas/_serving_beacon.html")
def beacon_ideas(ideas_by_beacon, beacon):
    return {"ideas": ideas_by_beacon.get(beacon.pk, [])}
