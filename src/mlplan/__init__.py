"""mlplan: plan, check and summarise medisch leiderschap in the IOP of Dutch aios."""

__version__ = "0.1.0"
