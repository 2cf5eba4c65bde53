"""What every form page shares."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import spreadsheets
from .formatting import editable, money, number, read_number
from .services import read_money


class DecimalInput(forms.TextInput):
    """A number as the page shows it ("250.000,00" cannot go in an `<input type=number>`); a phone
    shows its number keys."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", **(attrs or {})})


class LocalDecimalField(forms.DecimalField):
    """A number typed as the page shows numbers in the reader's language ("1.234,5" in Danish,
    "1 234,5" in Swedish, "1,234.5" in English) or in the plain form, and shown the same way. What
    the person typed stays in the field when the form is refused."""

    widget = DecimalInput
    default_error_messages = {"invalid": _("Enter a number, e.g. %(example)s.")}

    def read(self, text) -> Decimal:
        try:
            return read_number(text)
        except ValueError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"example": number(Decimal("1234.5"))}
            ) from None

    def show(self, value) -> str:
        return editable(value)

    def to_python(self, value):
        return None if value in self.empty_values else self.read(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return self.show(value)
        return value  # what was typed, as it was typed


class MoneyField(LocalDecimalField):
    """An amount, read as the services read amounts (`core.services.read_money`: never negative, at
    most two decimals) and shown with two decimals as the page shows amounts: "250.000,00"."""

    def read(self, text) -> Decimal:
        try:
            return read_money(text)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from None

    def show(self, value) -> str:
        return money(value)


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the form: at the field it names, or above the form."""
    for field, messages in service_error_messages(error).items():
        form.add_error(field if field in form.fields else None, messages)


def service_error_messages(error: ValidationError) -> dict[str, list[str]]:
    """{field or "__all__": messages}, for errors raised with or without field names."""
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {"__all__": error.messages}


def spreadsheet_size(upload) -> None:
    """A form validator: the upload is refused before it is read when it is too large."""
    try:
        spreadsheets.check_size(upload.size)
    except spreadsheets.FileRefused as error:
        raise ValidationError(str(error)) from None
