"""`{% transition_buttons obj %}`: the steps the person may take on an object now, as buttons.

A one-click step is a small POST form to the workflow's `step_url`; a step that needs a form is a
link to its page, shown once for all the transitions taken there.
"""

from django import template
from django.urls import reverse

from fremdrift.core import workflow

register = template.Library()


@register.inclusion_tag("includes/transition_buttons.html", takes_context=True)
def transition_buttons(context, obj, only=""):
    """`only`: space-separated transition names, for a page that shows some steps elsewhere."""
    names = set(only.split())
    buttons, pages = [], set()
    flow = workflow.workflow_for(obj)
    for transition in workflow.available(context["request"].user, obj):
        if names and transition.name not in names:
            continue
        if transition.page:
            if transition.page not in pages:
                pages.add(transition.page)
                buttons.append(
                    {
                        "label": transition.page_label or transition.label,
                        "href": reverse(transition.page, args=[obj.pk]),
                    }
                )
        else:
            buttons.append(
                {"label": transition.label, "action": reverse(flow.step_url, args=[obj.pk, transition.name])}
            )
    return {"buttons": buttons, "csrf_token": context.get("csrf_token")}
