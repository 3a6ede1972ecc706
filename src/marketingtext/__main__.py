from marketingtext.cli import main

main()
