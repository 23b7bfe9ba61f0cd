from leitstand.cli import main

main()
