"""The Rehab tab: the phase's exercises, ticked per day, and how closely they are kept."""
