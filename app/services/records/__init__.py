"""Records: people, collectives, residential areas, households and their list sources."""
