"""Demo content for strategies and action plans (filled in below)."""


def load_strategy_demo(world):
    pass
