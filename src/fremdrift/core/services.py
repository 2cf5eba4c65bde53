"""Small helpers every app's services share: reading an amount of money, refusing with a reason and
locking a row for the rest of the transaction. State changes go through `fremdrift.core.workflow`."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from fremdrift import access
from fremdrift.core.formatting import number

# Money is stored with 14 digits, 2 of them decimals (`MONEY` on the models).
LARGEST_AMOUNT = Decimal(10) ** 12


def parse_money(value, field: str) -> Decimal:
    """The amount as a Decimal of at most two decimals, never negative; otherwise a
    `ValidationError` on `field`."""
    try:
        amount = Decimal(str(value))
    except Exception as error:
        raise ValidationError({field: _("Enter an amount, e.g. 125000.00.")}) from error
    if not amount.is_finite():
        raise ValidationError({field: _("Enter an amount, e.g. 125000.00.")})
    if amount < 0:
        raise ValidationError({field: _("The amount cannot be negative.")})
    if amount >= LARGEST_AMOUNT:
        raise ValidationError(
            {
                field: _("The amount is too large: it must be below %(limit)s.")
                % {"limit": number(LARGEST_AMOUNT)}
            }
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({field: _("Use at most two decimals.")})
    return amount


def refuse(reason: str):
    """Stop a service call the actor may not make, with the reason to show them."""
    raise access.NotAllowed(access.Permission(False, reason))


def lock(instance):
    """The instance read afresh and locked until the transaction ends."""
    return type(instance)._default_manager.select_for_update().get(pk=instance.pk)
