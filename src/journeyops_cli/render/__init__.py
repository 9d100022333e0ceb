"""Rendering: journey maps as Markdown and HTML, and the static journey bank site."""
