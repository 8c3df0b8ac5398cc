"""An example Django site over a OneRoster provider: class list, class roster and gradebook pages."""
