"""Progress since the start and over the last four weeks: measures (the table of what is
compared), windows (which days), slope (where leg pain is heading), report (the comparison
and its verdict) and words (how it is said)."""
