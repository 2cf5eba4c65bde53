from django import template
from django.utils.safestring import mark_safe

from fremdrift.ideas import text

register = template.Library()


@register.filter
def as_markdown(value):
    """Render sanitised Markdown. The output of `text.render` has passed nh3, so it is safe to mark."""
    return mark_safe(text.render(value))  # noqa: S308
