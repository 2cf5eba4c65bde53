"""Demo content for ideas (filled in below)."""


def load_ideas_demo(world):
    pass
