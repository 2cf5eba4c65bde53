"""What every form page shares."""

from django.core.exceptions import ValidationError

from . import spreadsheets


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
