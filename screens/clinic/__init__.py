"""The Clinic visit tab: prepare a visit and export its summary."""
