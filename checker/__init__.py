"""checker: cross-source claim-consistency checker for news."""
