"""Reusable widgets: scales, choices, tick boxes, the body drawing, the keys footer."""
