"""Staff accounts: invitations, password reset and the second factor for editors and admins.

Participants of the dialog are not Django users (see participation.identity); everyone
who is a Django user with staff rights signs in with a password and a one-time code.
"""
