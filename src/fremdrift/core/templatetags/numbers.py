"""`{{ amount|money:currency }}`, `{{ value|number }}`, `{{ share|percent }}`: see core/formatting.py."""

from django import template

from fremdrift.core import formatting

register = template.Library()

register.filter("money", formatting.money, is_safe=True)
register.filter("number", formatting.number, is_safe=True)
register.filter("percent", formatting.percent, is_safe=True)
