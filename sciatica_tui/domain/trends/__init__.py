"""What the Trends charts show: the diary read once, ranges, chart specs, the weekly table."""
