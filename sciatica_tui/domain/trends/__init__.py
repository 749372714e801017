"""What the Trends charts show: series from the diary, chart specs, and drawing them as text."""
