"""cluster-plans: validate Wales's primary care cluster plans and publish them as a static site."""

__version__ = "0.1.0"
