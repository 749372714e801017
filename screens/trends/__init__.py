"""The Trends tab: the weeks as charts and the weekly review."""
