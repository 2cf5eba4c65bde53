"""Setting up a fund: the fund with its bottom lines and themes, and its application rounds.

Its budget years and the money in them are kept in `bookkeeping`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fremdrift import access, audit

from .models import Criterion, Fund, Round, Theme


@audit.service
@transaction.atomic
def create_fund(actor, *, organisation, name, criteria=(), themes=(), reason="", **fields) -> Fund:
    access.require(actor, "fund.manage", organisation)
    fund = Fund(organisation=organisation, name=name, **fields)
    fund.full_clean()
    fund.save()
    for position, (criterion_name, description, weight, scale_max) in enumerate(criteria):
        Criterion.objects.create(
            fund=fund,
            name=criterion_name,
            description=description,
            weight=weight,
            scale_max=scale_max,
            position=position,
        )
    for position, theme in enumerate(themes):
        Theme.objects.create(fund=fund, name=theme, position=position)
    return fund


@audit.service
@transaction.atomic
def create_round(actor, *, fund, name, opens_on, deadline, reason="", **dates) -> Round:
    access.require(actor, "fund.manage", fund)
    if timezone.is_naive(deadline):
        deadline = timezone.make_aware(deadline, fund.zone)
    round_ = Round(fund=fund, name=name, opens_on=opens_on, deadline=deadline, **dates)
    round_.full_clean()
    if deadline.astimezone(fund.zone).date() < opens_on:
        raise ValidationError({"deadline": _("The deadline is before the round opens.")})
    round_.save()
    return round_
