"""The pieces of the SMS parser; `sms.parser.parse` is the entry point."""
