"""`{% if obj|visible_to:user %}`: a link to another object's page shows only to whom that page opens.

Asks `access.may_see`, the rule the object's page applies, so a link and its page cannot disagree.
"""

from django import template

from fremdrift import access

register = template.Library()


@register.filter
def visible_to(obj, user) -> bool:
    return obj is not None and access.may_see(user, obj)
