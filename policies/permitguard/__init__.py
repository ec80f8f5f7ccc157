"""permitguard: keep cloud infrastructure inside a Chinese value-added telecom operating permit."""
__version__ = "0.1.0"
