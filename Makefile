# Maintainers' shortcuts. `make messages` after changing a user-facing string: collects the
# strings into the German catalogue (src/leitstand/locale/de/LC_MESSAGES/django.po, edited by
# people, e.g. in Poedit or Weblate), then compiles it. Needs GNU gettext.

.PHONY: messages compilemessages

messages:
	cd src/leitstand && leitstand makemessages -l de --no-obsolete
	$(MAKE) compilemessages

compilemessages:
	cd src/leitstand && leitstand compilemessages -l de
