"""Small helpers every app's services share: reading an amount of money, refusing with a reason and
locking a row for the rest of the transaction. State changes go through `fremdrift.core.workflow`."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from fremdrift import access
from fremdrift.core.formatting import money, number, read_number

# Money is stored with 14 digits, 2 of them decimals (`MONEY` on the models).
LARGEST_AMOUNT = Decimal(10) ** 12


def parse_money(value, field: str) -> Decimal:
    """The amount as a Decimal of at most two decimals, never negative; otherwise a
    `ValidationError` on `field`."""
    try:
        return read_money(value)
    except ValueError as error:
        raise ValidationError({field: str(error)}) from None


def read_money(value) -> Decimal:
    """An amount as the page shows amounts in the reader's language ("250.000,00"), in the plain
    form ("250000.00") or as a number: a Decimal of at most two decimals, never negative, that the
    database holds. Raises ValueError with the message to show."""
    try:
        amount = read_number(value)
    except ValueError:
        raise ValueError(
            _("Enter an amount in numbers, e.g. %(example)s.") % {"example": money(Decimal("125000.50"))}
        ) from None
    if amount < 0:
        raise ValueError(_("The amount cannot be negative."))
    if amount >= LARGEST_AMOUNT:
        raise ValueError(
            _("The amount is too large: it must be below %(limit)s.") % {"limit": number(LARGEST_AMOUNT)}
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(_("Use at most two decimals."))
    return amount


def refuse(reason: str):
    """Stop a service call the actor may not make, with the reason to show them."""
    raise access.NotAllowed(access.Permission(False, reason))


def lock(instance):
    """The instance read afresh and locked until the transaction ends."""
    return type(instance)._default_manager.select_for_update().get(pk=instance.pk)
