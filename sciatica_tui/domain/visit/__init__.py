"""Getting ready for a clinic visit: the story drafted from the diary and the summary."""
