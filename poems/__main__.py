from poems.cli import main

main()
