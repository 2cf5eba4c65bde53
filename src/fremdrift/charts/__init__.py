"""Charts as accessible SVG, made on the server from the SPC engine's output.

Pure Python (no Django): the web pages and the PDF reports both call `render_svg`. Words shown on
the chart come in through `ChartText`, so the caller translates them.
"""

from .svg import ChartText, Row, render_svg, table_rows

__all__ = ["ChartText", "Row", "render_svg", "table_rows"]
