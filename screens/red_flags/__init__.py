"""The Red flags tab: the emergency symptom check and its history."""
