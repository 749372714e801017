"""The Today tab: the daily log, its status strip and the last 14 days."""
