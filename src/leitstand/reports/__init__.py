"""The review report ("Bilanz") of an edition: HTML, Markdown and tagged PDF."""
