"""pressroom: press releases of international organizations as validated records."""
__version__ = "0.1.0"
