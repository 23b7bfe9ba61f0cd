"""The public side of the dialog, one module per concern: the dialog itself, signing in, a
participant's own data, subscriptions and disputes of a published status."""
