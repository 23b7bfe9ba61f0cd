"""Operations: loading strategy files and ingested documents into the register, the demo,
backup and restore, the static site and the production server. It sits above every other app
and may use all of them; nothing imports it."""
