"""The one error the SPC engine raises for bad input."""


class SpcInputError(ValueError):
    """Input that cannot be analysed; `row` is the 1-based position of the offending point, if any.

    For a CSV file the position is the data row (the first row after the header is row 1).
    """

    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.row = row
