def render(results, *, rules=None, color=False):
    raise NotImplementedError
