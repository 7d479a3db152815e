"""dateline: raw news pages to a clean, searchable record of who said and did what."""
from dateline.api import analyze
from dateline.errors import Code, DatelineError
from dateline.settings import Settings, load_settings

__version__ = "0.1.0"
__all__ = ["analyze", "Code", "DatelineError", "Settings", "load_settings", "__version__"]
