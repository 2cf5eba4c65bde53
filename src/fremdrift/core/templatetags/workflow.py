"""`{% transition_buttons obj %}`: the steps the person may take on an object now, as buttons.

A one-click step is a small POST form to the workflow's `step_url`; a step that needs a form is a
link to its page, shown once for all the transitions taken there.
"""

from django import template
from django.urls import reverse

from fremdrift.core import workflow

register = template.Library()


@register.inclusion_tag("includes/transition_buttons.html", takes_context=True)
def transition_buttons(context, obj, only="", transitions=None):
    """`only`: space-separated transition names, for a page that shows some steps elsewhere;
    `transitions`: what `workflow.available` already gave the view, so it is not asked twice."""
    names = set(only.split())
    buttons, pages = [], set()
    flow = workflow.workflow_for(obj)
    if transitions is None:
        transitions = workflow.available(context["request"].user, obj)
    for transition in transitions:
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
